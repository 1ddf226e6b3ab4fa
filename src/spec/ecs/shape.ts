/**
 * Response shapes: a small DSL that states, per action, the JSON body a successful call
 * returns (written from the official SDK's `*ResponseBody` models and docs/ecs-api.md),
 * the TypeScript type derived from it, and one checker both layers can use.
 *
 * - Leaves: `string`, `integer`, `long` (64-bit ids), `float`, `boolean`.
 * - `object({...})`, `array(item)`, and `list('Image', item)` for the ECS wrapper
 *   `{ Image: [ ... ] }` that every list in an ECS JSON body uses.
 * - Presence: a field is required unless wrapped. `opt(x)` may be absent (`undefined` in the
 *   decoded value); `def(x)` may be absent and then reads as its zero value (`''`, `0`,
 *   `false`, `[]`, an object of its fields' zero values). `defaults({...})` wraps every field
 *   of a map. A present object is checked field by field whatever its own presence.
 * - `response({...})` is the top-level body: it adds the `RequestId` every answer carries.
 *
 * {@link decodeShape} checks a parsed body and returns a normalized copy holding only the
 * declared fields, with the few conversions the official SDK's own model cast performs
 * (`$dara.cast`: a number or boolean where a string is declared becomes its text, a digit
 * string where a number is declared becomes the number, `"true"`/`"false"`/`1`/`0` where a
 * boolean is declared becomes the boolean; `null` is absent). Anything else is a mismatch,
 * reported with the path of the first offending field.
 */

export type LeafType = 'string' | 'integer' | 'long' | 'float' | 'boolean';
/** `required` (the default): must be present; `optional`: may be absent; `default`: absent reads as the zero value. */
export type Presence = 'required' | 'optional' | 'default';

interface ShapeBase {
  readonly presence?: Presence;
}
export interface LeafShape extends ShapeBase {
  readonly type: LeafType;
}
export interface ObjectShape extends ShapeBase {
  readonly type: 'object';
  readonly fields: { readonly [name: string]: Shape };
}
export interface ArrayShape extends ShapeBase {
  readonly type: 'array';
  readonly items: Shape;
}
export type Shape = LeafShape | ObjectShape | ArrayShape;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type LeafValue<T extends LeafType> = T extends 'string' ? string : T extends 'boolean' ? boolean : number;
type IsOptional<S, Wire extends boolean> = S extends { readonly presence: 'optional' }
  ? true
  : Wire extends true
    ? S extends { readonly presence: 'default' }
      ? true
      : false
    : false;

type ObjectValue<F, Wire extends boolean> = Simplify<
  { -readonly [K in keyof F as IsOptional<F[K], Wire> extends true ? never : K]: ShapeValue<F[K], Wire> } & {
    -readonly [K in keyof F as IsOptional<F[K], Wire> extends true ? K : never]?: ShapeValue<F[K], Wire>;
  }
>;

/**
 * The value a shape describes. `Wire = false` (default): as {@link decodeShape} returns it
 * (defaulted fields present). `Wire = true`: what a server must send (defaulted fields may be left out).
 */
export type ShapeValue<S, Wire extends boolean = false> = S extends { readonly type: 'object'; readonly fields: infer F }
  ? ObjectValue<F, Wire>
  : S extends { readonly type: 'array'; readonly items: infer I }
    ? ShapeValue<I, Wire>[]
    : S extends { readonly type: infer T extends LeafType }
      ? LeafValue<T>
      : never;

const leaf = <T extends LeafType>(type: T): { readonly type: T } => ({ type });

function object<const F extends { readonly [name: string]: Shape }>(fields: F): { readonly type: 'object'; readonly fields: F } {
  return { type: 'object', fields };
}
function array<const I extends Shape>(items: I): { readonly type: 'array'; readonly items: I } {
  return { type: 'array', items };
}
function opt<const S extends Shape>(s: S): S & { readonly presence: 'optional' } {
  return { ...s, presence: 'optional' };
}
function def<const S extends Shape>(s: S): S & { readonly presence: 'default' } {
  return { ...s, presence: 'default' };
}

/** The shape DSL (see the module comment). */
export const r = {
  string: leaf('string'),
  integer: leaf('integer'),
  long: leaf('long'),
  float: leaf('float'),
  boolean: leaf('boolean'),
  object,
  array,
  opt,
  def,
  /** The ECS list wrapper `{ [key]: [item, ...] }`, e.g. `list('Image', image)` for `Images`. */
  list<const K extends string, const I extends Shape>(key: K, item: I) {
    return object({ [key]: array(item) } as { readonly [P in K]: { readonly type: 'array'; readonly items: I } });
  },
  /** Every field of `fields` as `def(...)`. */
  defaults<const F extends { readonly [name: string]: Shape }>(
    fields: F,
  ): { readonly [K in keyof F]: F[K] & { readonly presence: 'default' } } {
    return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, def(f)])) as never;
  },
  /** A successful body: `fields` plus the `RequestId` every answer carries (checked last, so a bare `{}` names the payload). */
  response<const F extends { readonly [name: string]: Shape }>(fields: F) {
    return object({ ...fields, RequestId: leaf('string') });
  },
};

/** A body that does not match its shape: the first offending path and what was wrong. */
export interface ShapeMismatch {
  /** `Images.Image[0].ImageId`, or `(body)` for the top level. */
  path: string;
  /** `missing (required string)`, `expected integer, got string "4x"`, ... */
  problem: string;
}

/** Thrown by {@link decodeShape}; the client turns it into its own typed error. */
export class ShapeMismatchError extends Error implements ShapeMismatch {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ShapeMismatchError';
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v) ?? String(v);
  return `${typeof v} ${text.length > 40 ? `${text.slice(0, 40)}...` : text}`;
}

const kindWords = (s: Shape): string => (s.type === 'array' ? 'array' : s.type);

function zero(s: Shape): unknown {
  switch (s.type) {
    case 'string':
      return '';
    case 'integer':
    case 'long':
    case 'float':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      // An absent defaulted object reads as its fields' zero values (optional ones left out).
      return Object.fromEntries(Object.entries(s.fields).flatMap(([k, f]) => (f.presence === 'optional' ? [] : [[k, zero(f)]])));
  }
}

function decodeLeaf(type: LeafType, v: unknown, path: string): unknown {
  const bad = (): never => {
    throw new ShapeMismatchError(path, `expected ${type}, got ${describe(v)}`);
  };
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v;
      // SDK cast: numbers and booleans where a string is declared become their text.
      if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
      return bad();
    case 'boolean':
      if (typeof v === 'boolean') return v;
      // SDK cast: 1/0 and "true"/"false" are booleans.
      if (v === 1 || v === 0) return v === 1;
      if (v === 'true' || v === 'false') return v === 'true';
      return bad();
    default: {
      // SDK cast: a plain decimal string where a number is declared is that number.
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) return bad();
      if (type !== 'float' && !Number.isInteger(n)) return bad();
      return n;
    }
  }
}

function decodeAt(s: Shape, v: unknown, path: string): unknown {
  if (s.type === 'object') {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new ShapeMismatchError(path || '(body)', `expected an object, got ${describe(v)}`);
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(s.fields)) {
      const at = path ? `${path}.${name}` : name;
      const raw = src[name];
      if (raw === undefined || raw === null) {
        if (field.presence === 'optional') continue;
        if (field.presence === 'default') out[name] = zero(field);
        else throw new ShapeMismatchError(at, `missing (required ${kindWords(field)})`);
        continue;
      }
      out[name] = decodeAt(field, raw, at);
    }
    return out;
  }
  if (s.type === 'array') {
    if (!Array.isArray(v)) throw new ShapeMismatchError(path, `expected an array, got ${describe(v)}`);
    return v.map((item, i) => decodeAt(s.items, item, `${path}[${i}]`));
  }
  return decodeLeaf(s.type, v, path);
}

/**
 * Check `body` against `shape` and return the normalized copy (declared fields only, defaults
 * filled, SDK-cast conversions applied). Throws {@link ShapeMismatchError} at the first mismatch.
 */
export function decodeShape<const S extends Shape>(shape: S, body: unknown): ShapeValue<S> {
  return decodeAt(shape, body, '') as ShapeValue<S>;
}
