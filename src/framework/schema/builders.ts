/**
 * The schema DSL: `attr.*` declares attributes, `block.*` nested blocks, `defineSchema`
 * a resource / data source / provider block. Declarations are plain frozen objects; the
 * literal options are captured in the types so `StateOf<typeof schema>` can be inferred.
 *
 * @example
 * const schema = defineSchema({
 *   description: 'A widget.',
 *   timeouts: { create: '10m', delete: '5m' },
 *   attributes: {
 *     id: attr.string({ computed: true, useStateForUnknown: true, description: 'Widget id.' }),
 *     name: attr.string({ required: true, requiresReplace: true, validators: [v.length(1, 64)], description: 'Name.' }),
 *     size: attr.int({ optional: true, default: 1, description: 'Size.' }),
 *     tags: attr.map('string', { optional: true, description: 'Tags.' }),
 *   },
 *   blocks: { disk: block.list({ maxItems: 4, description: 'Disks.', attributes: { size: attr.int({ required: true, description: 'GiB.' }) } }) },
 * });
 * type WidgetState = StateOf<typeof schema>;
 */
import type {
  Attribute,
  AttributeMap,
  AttributeOptions,
  Block,
  BlockMap,
  BlockNesting,
  BlockOptions,
  CollectionKind,
  FieldSpec,
  FieldTypeSpec,
  ObjectElementType,
  ObjectField,
  ObjectSpec,
  PlainOf,
  PlainOfObjectSpec,
  PrimitiveKind,
  Schema,
  TimeoutDefaults,
  TypeNode,
} from './types.js';

const PRIMITIVES: readonly string[] = ['string', 'number', 'int', 'bool'];

/** Normalise an object shape as written in `attr.listOf` into its runtime element type. */
export function objectElement(spec: ObjectSpec, where = 'object'): ObjectElementType {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
    throw new TypeError(`${where}: expected an object shape such as { id: 'string' }`);
  const fields: Record<string, ObjectField> = {};
  for (const [name, f] of Object.entries(spec)) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new TypeError(`${where}: invalid field name "${name}": use lower-case letters, digits and _`);
    const written = f as FieldSpec;
    const isDescribed = typeof written === 'object' && !Array.isArray(written);
    const type = typeNode(isDescribed ? (written as { type: FieldTypeSpec }).type : (written as FieldTypeSpec), `${where}.${name}`);
    const description = isDescribed ? (written as { description?: string }).description : undefined;
    fields[name] = Object.freeze(description === undefined ? { type } : { type, description });
  }
  return Object.freeze({ fields: Object.freeze(fields) });
}

function typeNode(spec: FieldTypeSpec, where: string): TypeNode {
  if (typeof spec === 'string' && PRIMITIVES.includes(spec)) return spec;
  if (Array.isArray(spec) && spec.length === 2 && ['list', 'set', 'map'].includes(spec[0] as string)) {
    const [collection, el] = spec as readonly [CollectionKind, FieldTypeSpec | ObjectSpec];
    const element =
      typeof el === 'string' || Array.isArray(el)
        ? typeNode(el as FieldTypeSpec, `${where}[]`)
        : objectElement(el as ObjectSpec, `${where}[]`);
    return Object.freeze({ collection, element });
  }
  throw new TypeError(
    `${where}: invalid field type ${JSON.stringify(spec)}; use 'string', 'number', 'int', 'bool', ['list'|'set'|'map', <type or object shape>] or { type, description }`,
  );
}

function attribute<T, O>(element: PrimitiveKind | ObjectElementType, collection: CollectionKind | undefined, options: O): Attribute<T, O> {
  const o = options as AttributeOptions<T, unknown>;
  if (o.required && (o.optional || o.computed || o.default !== undefined)) {
    throw new TypeError(`attribute "${o.description}": required cannot be combined with optional, computed or default`);
  }
  if (!o.required && !o.optional && !o.computed) {
    throw new TypeError(`attribute "${o.description}": set one of required, optional or computed`);
  }
  if (o.default !== undefined && !o.optional) throw new TypeError(`attribute "${o.description}": a default needs optional: true`);
  const type = collection ? { collection, element } : { element };
  return Object.freeze({ kind: 'attribute' as const, type: Object.freeze(type), options: Object.freeze({ ...o }) });
}

/** Attribute builders. Options are captured literally (`const` type parameters) for inference. */
export const attr = {
  string: <const O extends AttributeOptions<string>>(o: O) => attribute<string, O>('string', undefined, o),
  /** Any cty number, as a JS number. */
  number: <const O extends AttributeOptions<number>>(o: O) => attribute<number, O>('number', undefined, o),
  /** A cty number that must be an integer. */
  int: <const O extends AttributeOptions<number>>(o: O) => attribute<number, O>('int', undefined, o),
  bool: <const O extends AttributeOptions<boolean>>(o: O) => attribute<boolean, O>('bool', undefined, o),
  list: <const P extends PrimitiveKind, const O extends AttributeOptions<PlainOf<P>[], PlainOf<P>>>(element: P, o: O) =>
    attribute<PlainOf<P>[], O>(element, 'list', o),
  set: <const P extends PrimitiveKind, const O extends AttributeOptions<PlainOf<P>[], PlainOf<P>>>(element: P, o: O) =>
    attribute<PlainOf<P>[], O>(element, 'set', o),
  map: <const P extends PrimitiveKind, const O extends AttributeOptions<Record<string, PlainOf<P>>, PlainOf<P>>>(element: P, o: O) =>
    attribute<Record<string, PlainOf<P>>, O>(element, 'map', o),
  /**
   * A list of objects, sent as a plain cty type (`["list", ["object", {...}]]`, like SDKv2's
   * computed-only lists of `*Resource`), not a nested block: Terraform plans it unknown when a
   * data source read is deferred. Fields: `'string'`, `['list', 'string']`, `['list', { ... }]`
   * or `{ type, description }`.
   * @example attr.listOf({ id: { type: 'string', description: 'Zone id.' }, types: ['list', 'string'] }, { computed: true, description: 'Zones.' })
   */
  listOf: <const S extends ObjectSpec, const O extends AttributeOptions<PlainOfObjectSpec<S>[], PlainOfObjectSpec<S>>>(shape: S, o: O) =>
    attribute<PlainOfObjectSpec<S>[], O>(objectElement(shape, o.description), 'list', o),
  /** A set of objects (cty `["set", ["object", {...}]]`); see `listOf`. */
  setOf: <const S extends ObjectSpec, const O extends AttributeOptions<PlainOfObjectSpec<S>[], PlainOfObjectSpec<S>>>(shape: S, o: O) =>
    attribute<PlainOfObjectSpec<S>[], O>(objectElement(shape, o.description), 'set', o),
  /** A map of objects (cty `["map", ["object", {...}]]`); see `listOf`. */
  mapOf: <const S extends ObjectSpec, const O extends AttributeOptions<Record<string, PlainOfObjectSpec<S>>, PlainOfObjectSpec<S>>>(
    shape: S,
    o: O,
  ) => attribute<Record<string, PlainOfObjectSpec<S>>, O>(objectElement(shape, o.description), 'map', o),
};

function nested<N extends BlockNesting, A extends AttributeMap, B extends BlockMap>(
  nesting: N,
  options: BlockOptions<A, B>,
): Block<N, A, B> {
  const { minItems = 0, maxItems = 0 } = options;
  if (nesting === 'single' && (minItems > 1 || maxItems > 1)) throw new TypeError('single blocks allow only minItems/maxItems 0 or 1');
  if (maxItems > 0 && minItems > maxItems) throw new TypeError(`block minItems ${minItems} exceeds maxItems ${maxItems}`);
  if (options.computed && (nesting !== 'list' || minItems > 0))
    throw new TypeError('only an optional list block (minItems 0) can be computed');
  checkNames(options.attributes, options.blocks ?? {});
  return Object.freeze({ kind: 'block' as const, nesting, options: Object.freeze({ ...options }) });
}

/** Nested block builders (HCL `name { ... }` syntax). List/set blocks are `[]` when absent, single blocks `null`. */
export const block = {
  single: <const A extends AttributeMap, const B extends BlockMap = {}>(o: BlockOptions<A, B>) => nested('single', o),
  list: <const A extends AttributeMap, const B extends BlockMap = {}>(o: BlockOptions<A, B>) => nested('list', o),
  set: <const A extends AttributeMap, const B extends BlockMap = {}>(o: BlockOptions<A, B>) => nested('set', o),
};

export interface SchemaOptions<A extends AttributeMap, B extends BlockMap, T extends TimeoutDefaults = {}> {
  readonly version?: number;
  readonly description: string;
  readonly deprecated?: string;
  readonly attributes: A;
  readonly blocks?: B;
  readonly exactlyOneOf?: readonly (readonly string[])[];
  readonly atLeastOneOf?: readonly (readonly string[])[];
  readonly timeouts?: T;
}

/** Declare a resource, data source or provider-block schema. Throws on a malformed declaration. */
export function defineSchema<const A extends AttributeMap, const B extends BlockMap = {}, const T extends TimeoutDefaults = {}>(
  o: SchemaOptions<A, B, T>,
): Schema<A, B, T> {
  const version = o.version ?? 0;
  if (!Number.isInteger(version) || version < 0) throw new TypeError(`schema version must be a non-negative integer, got ${version}`);
  checkNames(o.attributes, o.blocks ?? {});
  if (o.timeouts && ('timeouts' in o.attributes || 'timeouts' in (o.blocks ?? {}))) {
    throw new TypeError('"timeouts" is reserved for the timeouts block');
  }
  return Object.freeze({ kind: 'schema' as const, ...o, version });
}

function checkNames(attributes: AttributeMap, blocks: BlockMap): void {
  for (const name of [...Object.keys(attributes), ...Object.keys(blocks)]) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new TypeError(`invalid name "${name}": use lower-case letters, digits and _`);
    if (name in attributes && name in blocks) throw new TypeError(`"${name}" is both an attribute and a block`);
  }
  for (const [name, m] of [...Object.entries(attributes), ...Object.entries(blocks)]) {
    for (const other of m.options.conflictsWith ?? []) {
      if (!(other in attributes)) throw new TypeError(`${m.kind} "${name}" conflictsWith unknown sibling attribute "${other}"`);
    }
  }
}
