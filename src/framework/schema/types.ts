/**
 * The schema model of the framework: what a resource, data source or provider block is
 * declared with (see `builders.ts` for the functions that make these objects), and the
 * TypeScript types inferred from a declaration (`StateOf`, `ConfigOf`, `PlanOf`), like
 * zod's `z.infer`. No model type is ever written by hand.
 *
 * Plain values: strings, JS numbers, booleans, arrays (lists and sets), records (maps and
 * nested objects) and `null`. Where a value may be unknown (plans, configs during validate)
 * the plain form is `undefined`.
 */

/** Primitive element types. `int` is a cty number restricted to integers. */
export type PrimitiveKind = 'string' | 'number' | 'int' | 'bool';

/** Collection wrappers for attributes and object fields. */
export type CollectionKind = 'list' | 'set' | 'map';

/**
 * The runtime type of an attribute: a primitive, a collection of one primitive, or a
 * collection of objects (`attr.listOf` / `setOf` / `mapOf`; cty `["list", ["object", {...}]]`).
 */
export interface AttributeType {
  readonly collection?: CollectionKind;
  readonly element: PrimitiveKind | ObjectElementType;
}

/** The element type of a collection of objects: its fields, each always present (null when unset). */
export interface ObjectElementType {
  readonly fields: Readonly<Record<string, ObjectField>>;
}

/** One field of an object element: its type and an optional Markdown description (for docs). */
export interface ObjectField {
  readonly type: TypeNode;
  readonly description?: string;
}

/**
 * Any value type the DSL can express, recursively: a primitive, an object, or a collection
 * (`{ collection, element }`; without `collection` the node is just its element). An
 * {@link AttributeType} is a TypeNode.
 */
export type TypeNode = PrimitiveKind | ObjectElementType | { readonly collection?: CollectionKind; readonly element: TypeNode };

//// object-collection declarations (the `attr.listOf` argument) ////

/** A field type as written in `attr.listOf({...})`: `'string'`, `['list', 'string']`, `['list', { ... }]`, ... */
export type FieldTypeSpec = PrimitiveKind | readonly [CollectionKind, FieldTypeSpec | ObjectSpec];
/** A field as written: its type, or `{ type, description }`. */
export type FieldSpec = FieldTypeSpec | { readonly type: FieldTypeSpec; readonly description?: string };
/** The object shape of an object collection as written: field name → field spec. */
export type ObjectSpec = { readonly [name: string]: FieldSpec };

type PlainOfTypeSpec<S> = S extends PrimitiveKind
  ? PlainOf<S>
  : S extends readonly ['map', infer E]
    ? Record<string, PlainOfElementSpec<E>>
    : S extends readonly [CollectionKind, infer E]
      ? PlainOfElementSpec<E>[]
      : never;
type PlainOfElementSpec<E> = E extends PrimitiveKind | readonly unknown[] ? PlainOfTypeSpec<E> : PlainOfObjectSpec<E>;

/** The plain value of one element of an object collection: every field present, each possibly null. */
export type PlainOfObjectSpec<O> = {
  -readonly [K in keyof O]: (O[K] extends { readonly type: infer T } ? PlainOfTypeSpec<T> : PlainOfTypeSpec<O[K]>) | null;
};

/** The plain JS type of a primitive kind. */
export type PlainOf<P extends PrimitiveKind> = P extends 'string' ? string : P extends 'bool' ? boolean : number;

/**
 * A check on a known value. `validate` returns `undefined` when the value is fine, or a
 * phrase completing "Attribute X ..." (e.g. `must be 1 to 128 characters long, got 200`).
 */
export interface Validator<T> {
  /**
   * Markdown predicate for docs, completing "The value ..." (e.g. "must match `^[a-z]+$`
   * (lower-case letters)"); empty for a rule too obvious to document (an id is not empty).
   */
  readonly description: string;
  /** For enum validators: the allowed values, listed in docs as "Valid values: ...". */
  readonly allowedValues?: readonly (string | number | boolean)[];
  /**
   * For length validators: the bounds, so docs can say "2 to 128 characters" of a string and
   * "at most 20 tags" of a collection (`noun` names its members; default entries/items).
   */
  readonly length?: { readonly min: number; readonly max?: number; readonly noun?: string };
  /** For numeric range validators: the inclusive bounds (compatibility checks compare them). */
  readonly range?: { readonly min?: number; readonly max?: number };
  /** `warning`: a failed check is a warning, not an error (free-text fields whose known values the API may extend). */
  readonly severity?: 'warning';
  readonly validate: (value: T) => string | undefined;
}

/** Values handed to a `requiresReplace` predicate (plain; `undefined` = unknown). */
export interface ReplaceCheck<T> {
  prior: T | null | undefined;
  planned: T | null | undefined;
  config: T | null | undefined;
}

/** Options shared by every attribute builder. */
export interface AttributeOptions<T, E = never> {
  /** Markdown description; rendered in docs and sent to Terraform. */
  readonly description: string;
  /** Must be set in config. Excludes optional/computed/default. */
  readonly required?: boolean;
  /** May be set in config. */
  readonly optional?: boolean;
  /** The provider sets the value (with `optional`: when config leaves it null). */
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** Deprecation message; setting the attribute then gives a warning. */
  readonly deprecated?: string;
  /** Static default used when config is null. Makes the attribute optional+computed on the wire. */
  readonly default?: T;
  /** A change forces replacement; a predicate decides per change. */
  readonly requiresReplace?: boolean | ((change: ReplaceCheck<T>) => boolean);
  /** Keep the prior value of a computed attribute on in-place updates instead of planning unknown. */
  readonly useStateForUnknown?: boolean;
  /** Sibling attribute names that may not be set together with this one. */
  readonly conflictsWith?: readonly string[];
  /** Checks on the whole known value. */
  readonly validators?: readonly Validator<T>[];
  /** Collections: checks on each known element (paths point at the element). */
  readonly elementValidators?: readonly Validator<E>[];
  /** Maps: checks on each key (paths point at the key). */
  readonly keyValidators?: readonly Validator<string>[];
  /** Accepted for compatibility and otherwise ignored; setting it gives a warning. */
  readonly ignored?: boolean;
  /** Free metadata, e.g. `{ ecs: 'ImageName' }` for the ECS parameter the attribute maps to. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** A declared attribute. `T` is its plain value type, `O` the literal options (for inference). */
export interface Attribute<T = unknown, O = unknown> {
  readonly kind: 'attribute';
  readonly type: AttributeType;
  readonly options: AttributeOptions<T, any>;
  /** Phantom markers for type inference; never set at run time. */
  readonly _value?: T;
  readonly _options?: O;
}

/** Nesting modes of blocks the DSL supports. */
export type BlockNesting = 'single' | 'list' | 'set';

/** The members of an object level: attributes, nested blocks and cross-attribute rules. */
export interface ObjectShape<A extends AttributeMap = AttributeMap, B extends BlockMap = BlockMap> {
  readonly attributes: A;
  readonly blocks?: B;
  /** Groups of attribute names of which exactly one must be set. */
  readonly exactlyOneOf?: readonly (readonly string[])[];
  /** Groups of attribute names of which at least one must be set. */
  readonly atLeastOneOf?: readonly (readonly string[])[];
}

export interface BlockOptions<A extends AttributeMap, B extends BlockMap> extends ObjectShape<A, B> {
  readonly description: string;
  /** list/set only. A single block with `minItems: 1` is required. */
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Any change of the block's content forces replacement. */
  readonly requiresReplace?: boolean;
  /**
   * list only: Optional+Computed like an SDKv2 `TypeList` of `*Resource` with `Computed`. With no
   * blocks in the config, create plans the whole list unknown (the provider fills it) and update
   * keeps the prior blocks; written blocks work as usual. Terraform 1.11 accepts such plans only
   * under the legacy type system flag, which the framework sets on exactly those responses
   * (docs/optional-computed-blocks.md). Blocks stay HCL blocks.
   */
  readonly computed?: boolean;
  /**
   * Sibling attribute names that may not be set while the block has content; the error points
   * inside the first block (at its first set attribute, in declaration order).
   */
  readonly conflictsWith?: readonly string[];
  readonly deprecated?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** A declared nested block. */
export interface Block<N extends BlockNesting = BlockNesting, A extends AttributeMap = AttributeMap, B extends BlockMap = BlockMap> {
  readonly kind: 'block';
  readonly nesting: N;
  readonly options: BlockOptions<A, B>;
}

export type AttributeMap = Readonly<Record<string, Attribute<any, any>>>;
export type BlockMap = Readonly<Record<string, Block<any, any, any>>>;

/** Operations a `timeouts` block may declare, with their defaults in Go duration syntax. */
export type TimeoutOperation = 'create' | 'read' | 'update' | 'delete';
export type TimeoutDefaults = Readonly<Partial<Record<TimeoutOperation, string>>>;

/** A resource, data source or provider-block schema. `T` is the literal `timeouts` declaration (for {@link TimeoutsOf}). */
export interface Schema<
  A extends AttributeMap = AttributeMap,
  B extends BlockMap = BlockMap,
  T extends TimeoutDefaults = TimeoutDefaults,
> extends ObjectShape<A, B> {
  readonly kind: 'schema';
  /** State schema version (resources); older stored versions go through `upgradeState`. */
  readonly version: number;
  /** Markdown description of the resource/data source. */
  readonly description: string;
  readonly deprecated?: string;
  /**
   * Declares a SINGLE `timeouts` block with an optional Go-duration string per listed
   * operation; the value is the default. Resources receive the effective values in ms.
   */
  readonly timeouts?: T;
}

/**
 * The effective timeouts (ms) a resource method receives: one `number` per operation the schema
 * declares (its configured value, else the declared default), so `timeouts.create` is a number
 * exactly when the schema declares `create`, and a type error when it does not.
 */
export type TimeoutsOf<S> = S extends Schema<any, any, infer T> ? EffectiveTimeouts<T> : never;

/** {@link TimeoutsOf} for a `timeouts` declaration `T`. */
export type EffectiveTimeouts<T extends TimeoutDefaults> = {
  readonly [K in keyof T & TimeoutOperation]: undefined extends T[K] ? number | undefined : number;
};

//// inference ////

type IsTrue<X> = X extends true ? true : false;
type Req<O> = O extends { required: true } ? true : false;
type Def<O> = O extends { default: unknown } ? true : false;
type Comp<O> = O extends { computed: true } ? true : false;
type Opt<O> = O extends { optional: true } ? true : false;

/** State/plan value of an attribute: required or defaulted → T, else T | null. */
export type AttributeStateValue<X> =
  X extends Attribute<infer T, infer O> ? (IsTrue<Req<O>> extends true ? T : IsTrue<Def<O>> extends true ? T : T | null) : never;

/** Config value of an attribute: required → T, computed-only → null, else T | null. */
export type AttributeConfigValue<X> =
  X extends Attribute<infer T, infer O>
    ? IsTrue<Req<O>> extends true
      ? T
      : Comp<O> extends true
        ? Opt<O> extends true
          ? T | null
          : Def<O> extends true
            ? T | null
            : null
        : T | null
    : never;

type NoAny<B> = 0 extends 1 & B ? {} : B;

type BlockValue<X, Mode extends 'state' | 'config'> =
  X extends Block<infer N, infer A, infer B>
    ? N extends 'single'
      ? ObjectValueOf<A, NoAny<B>, Mode> | null
      : ObjectValueOf<A, NoAny<B>, Mode>[]
    : never;

/** The plain object for one object level. */
export type ObjectValueOf<A extends AttributeMap, B extends BlockMap, Mode extends 'state' | 'config'> = {
  -readonly [K in keyof A]: Mode extends 'state' ? AttributeStateValue<A[K]> : AttributeConfigValue<A[K]>;
} & { -readonly [K in keyof B]: BlockValue<B[K], Mode> };

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The plain state object of a schema (without the framework-managed `timeouts` block). */
export type StateOf<S> = S extends Schema<infer A, infer B> ? Flatten<ObjectValueOf<A, B, 'state'>> : never;

/** The plain config object of a schema (wholly known at apply time). */
export type ConfigOf<S> = S extends Schema<infer A, infer B> ? Flatten<ObjectValueOf<A, B, 'config'>> : never;

/** A plain value in which any leaf may be unknown (`undefined`). */
export type MaybeUnknown<T> = T extends (infer E)[]
  ? MaybeUnknown<E>[] | undefined
  : T extends object
    ? { [K in keyof T]: MaybeUnknown<T[K]> } | undefined
    : T | undefined;

/** Plan value of an attribute at apply time: computed ones may still be unknown (`undefined`). */
export type AttributePlanValue<X> =
  X extends Attribute<any, infer O> ? (Comp<O> extends true ? AttributeStateValue<X> | undefined : AttributeStateValue<X>) : never;

type PlanObjectOf<A extends AttributeMap, B extends BlockMap> = {
  -readonly [K in keyof A]: AttributePlanValue<A[K]>;
} & {
  -readonly [K in keyof B]: B[K] extends Block<infer N, infer IA, infer IB>
    ? N extends 'single'
      ? PlanObjectOf<IA, NoAny<IB>> | null
      : PlanObjectOf<IA, NoAny<IB>>[]
    : never;
};

/**
 * The planned state as create/update see it (config wholly known): like the state, but
 * computed values the provider will only know after apply are `undefined`.
 */
export type PlanOf<S> = S extends Schema<infer A, infer B> ? Flatten<PlanObjectOf<A, B>> : never;
