/**
 * cty types: the type a schema block implies for its values, the JSON type
 * notation Terraform puts in `Attribute.type`, and type inference for values of
 * `dynamic` attributes.
 */
import type { SchemaAttribute, SchemaBlock, SchemaObject } from './provider-server.js';
import { TfNumber, Unknown, type CtyType, type Value } from './values.js';

/**
 * The object type of values conforming to a schema block: one attribute per
 * schema attribute and one per nested block type (Terraform's `ImpliedType`).
 * Nested blocks: single/group -> object, list -> list(object), set -> set(object),
 * map -> map(object); list and map blocks holding `dynamic` attributes become
 * `dynamic` (the values are then a tuple or an object, as in Terraform).
 */
export function impliedType(block: SchemaBlock): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const a of block.attributes) attrs[a.name] = attributeType(a);
  for (const b of block.blockTypes) {
    const inner = impliedType(b.block);
    attrs[b.typeName] = wrapNesting(b.nesting, inner);
  }
  return ['object', attrs];
}

/** The type of one schema attribute (its `type`, or the type its `nestedType` implies). */
export function attributeType(a: SchemaAttribute): CtyType {
  if (a.type !== undefined && a.nestedType === undefined) return a.type;
  if (a.nestedType !== undefined && a.type === undefined) return nestedObjectType(a.nestedType);
  throw new TypeError(`schema attribute "${a.name}" must have exactly one of type or nestedType`);
}

function nestedObjectType(o: SchemaObject): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const a of o.attributes) attrs[a.name] = attributeType(a);
  return wrapNesting(o.nesting, ['object', attrs]);
}

function wrapNesting(nesting: 'single' | 'group' | 'list' | 'set' | 'map', inner: CtyType): CtyType {
  switch (nesting) {
    case 'single':
    case 'group':
      return inner;
    case 'list':
      return hasDynamic(inner) ? 'dynamic' : ['list', inner];
    case 'set':
      return ['set', inner];
    case 'map':
      return hasDynamic(inner) ? 'dynamic' : ['map', inner];
  }
}

/** True when the type contains `dynamic` anywhere. */
export function hasDynamic(t: CtyType): boolean {
  if (typeof t === 'string') return t === 'dynamic';
  if (t[0] === 'object') return Object.values(t[1]).some(hasDynamic);
  if (t[0] === 'tuple') return t[1].some(hasDynamic);
  return hasDynamic(t[1]);
}

/** The JSON text of a type, as Terraform expects in `Attribute.type` (object keys sorted). */
export function typeToJson(t: CtyType): string {
  return JSON.stringify(canonicalType(t));
}

function canonicalType(t: CtyType): unknown {
  if (typeof t === 'string') return t;
  if (t[0] === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(t[1]).sort()) out[k] = canonicalType(t[1][k]!);
    return ['object', out];
  }
  if (t[0] === 'tuple') return ['tuple', t[1].map(canonicalType)];
  return [t[0], canonicalType(t[1])];
}

/** Parse go-cty JSON type notation (bytes or text); a clear error for anything else. */
export function parseType(json: string | Uint8Array): CtyType {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TypeError(`invalid cty type JSON: ${text}`);
  }
  return checkType(raw, text);
}

function checkType(raw: unknown, text: string): CtyType {
  if (raw === 'string' || raw === 'number' || raw === 'bool' || raw === 'dynamic') return raw;
  if (Array.isArray(raw) && raw.length >= 2) {
    const [kind, arg] = raw as [unknown, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'map') return [kind, checkType(arg, text)];
    if (kind === 'object' && arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
      const attrs: Record<string, CtyType> = {};
      for (const [k, v] of Object.entries(arg)) attrs[k] = checkType(v, text);
      return ['object', attrs];
    }
    if (kind === 'tuple' && Array.isArray(arg)) return ['tuple', arg.map((x) => checkType(x, text))];
  }
  throw new TypeError(
    `invalid cty type ${JSON.stringify(raw)} in ${text}: expected "string", "number", "bool", "dynamic", or ["list"|"set"|"map", T], ["object", {...}], ["tuple", [...]]`,
  );
}

/** Hidden slot on arrays/records decoded from a `dynamic` value, remembering their exact type. */
export const DYNAMIC_TYPE: unique symbol = Symbol('cty.dynamicType');

/** Remember the type of a container value taken from a `dynamic` attribute (non-enumerable). */
export function tagDynamicType<V extends Value>(v: V, t: CtyType): V {
  if (v !== null && typeof v === 'object' && !(v instanceof TfNumber) && !(v instanceof Unknown)) {
    Object.defineProperty(v, DYNAMIC_TYPE, { value: t, enumerable: false, configurable: true });
  }
  return v;
}

/**
 * The type to encode a value of a `dynamic` attribute with: the remembered type
 * when the value was decoded from the wire, else inferred (arrays become tuples,
 * records objects).
 */
export function inferType(v: Value): CtyType {
  if (v === null || v instanceof Unknown) return 'dynamic';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof TfNumber) return 'number';
  const tagged = (v as unknown as { [DYNAMIC_TYPE]?: CtyType })[DYNAMIC_TYPE];
  if (tagged !== undefined) return tagged;
  if (Array.isArray(v)) return ['tuple', v.map(inferType)];
  const attrs: Record<string, CtyType> = {};
  for (const [k, x] of Object.entries(v)) attrs[k] = inferType(x);
  return ['object', attrs];
}
