/**
 * Schema facts for the standing compatibility check (issue 10): one flat map per type, path →
 * facts, built the same way from the official provider's record (`compat/official/<type>.json`,
 * SDK v1 schema facts) and from ours (Terraform's `providers schema -json` for names, types and
 * flags; our framework schema objects for what that JSON cannot show: ForceNew, defaults,
 * validation, conflicts, timeouts). `diffFacts` lists every difference; `reconcile` checks them
 * against the deliberate-difference list (`differences.ts`).
 *
 * Fact meanings (identical on both sides):
 * - `kind`: `attribute`, `block` (HCL block syntax) or `field` (a member of an object-typed
 *   attribute; fields carry only `type`).
 * - `type`: `string`, `number`, `bool`, `list(string)`, `list(object)`, ...; for blocks the
 *   nesting (`list`, `set`, `single`).
 * - `required`, `optional`, `sensitive`, `deprecated`; `computed` = the provider fills the value
 *   when configuration leaves it out (Computed, or a static default).
 * - `minItems`, `maxItems` (blocks; a required SDK block counts as `minItems: 1`).
 * - `forceNew`, `default`, `enum`, `range` (`{min,max}`), `length` (string length),
 *   `conflictsWith` (sorted), `timeouts` (`op=default`, sorted, on the path `timeouts`).
 * - `ignored` (ours only): accepted for compatibility, warns, and has no effect.
 */
import type { Attribute, Block, Schema, Validator } from '../framework/index.js';

export type FactValue = string | number | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;
export type Facts = Record<string, FactValue>;
/** Path (dotted, e.g. `disk_device_mapping.size`) → facts. */
export type TypeFacts = Record<string, Facts>;

/** One difference between the official schema and ours. `fact: 'present'` = the path exists on one side only. */
export interface Difference {
  readonly type: string;
  readonly path: string;
  readonly fact: string;
  readonly official: FactValue;
  readonly ours: FactValue;
}

//// the official record ////

/** An attribute as the record stores it (see compat/extract-official.mjs). */
export interface OfficialAttribute {
  type: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  forceNew?: boolean;
  sensitive?: boolean;
  default?: FactValue;
  deprecated?: string;
  removed?: string;
  minItems?: number;
  maxItems?: number;
  conflictsWith?: string[];
  validation?: { enum?: (string | number)[]; range?: { min?: number; max?: number }; length?: { min?: number; max?: number } };
  elem?: { block?: { attributes: Record<string, OfficialAttribute> } } | OfficialAttribute;
}

export interface OfficialRecord {
  type: string;
  kind: 'resource' | 'data_source' | 'provider';
  source: { repository: string; commit: string; file: string; function: string };
  timeouts?: Record<string, string>;
  attributes: Record<string, OfficialAttribute>;
}

const PRIMITIVE: Record<string, string> = { string: 'string', int: 'number', float: 'number', bool: 'bool' };

function officialElemBlock(a: OfficialAttribute): Record<string, OfficialAttribute> | undefined {
  return a.elem && 'block' in a.elem && a.elem.block ? a.elem.block.attributes : undefined;
}

/** The cty-like type text of an SDK attribute used as a value (not a block). */
function officialTypeText(a: OfficialAttribute): string {
  if (PRIMITIVE[a.type]) return PRIMITIVE[a.type]!;
  if (officialElemBlock(a)) return `${a.type}(object)`;
  const el = a.elem as OfficialAttribute | undefined;
  return `${a.type}(${el?.type ? officialTypeText(el) : 'string'})`;
}

function officialFields(into: TypeFacts, prefix: string, attrs: Record<string, OfficialAttribute>): void {
  for (const [name, a] of Object.entries(attrs)) {
    if (a.removed !== undefined) continue;
    const path = `${prefix}${name}`;
    into[path] = { kind: 'field', type: officialTypeText(a) };
    const inner = officialElemBlock(a);
    if (inner) officialFields(into, `${path}.`, inner);
  }
}

function validationFacts(val: OfficialAttribute['validation']): Facts {
  const out: Facts = {};
  if (val?.enum) out.enum = [...val.enum];
  if (val?.range) out.range = { ...val.range };
  if (val?.length) out.length = { ...val.length };
  return out;
}

function officialLevel(into: TypeFacts, prefix: string, attrs: Record<string, OfficialAttribute>): void {
  for (const [name, a] of Object.entries(attrs)) {
    // Removed arguments are rejected by the official provider; they are nothing to match.
    if (a.removed !== undefined) continue;
    const path = `${prefix}${name}`;
    const inner = officialElemBlock(a);
    const hasDefault = a.default !== undefined && a.default !== ''; // SDK endpoint-style "" defaults mean "unset"
    const common: Facts = {
      ...(a.deprecated !== undefined ? { deprecated: true } : {}),
      ...(a.forceNew ? { forceNew: true } : {}),
      ...(a.conflictsWith?.length ? { conflictsWith: [...a.conflictsWith].sort() } : {}),
    };
    // SDK rule: a computed-only list/set of resources is an attribute of object type, else a block.
    if (inner && (a.optional || a.required)) {
      const minItems = a.minItems ?? (a.required ? 1 : 0);
      into[path] = {
        kind: 'block',
        type: a.type,
        ...(minItems ? { minItems } : {}),
        ...(a.maxItems ? { maxItems: a.maxItems } : {}),
        ...(a.computed ? { computed: true } : {}),
        ...common,
      };
      officialLevel(into, `${path}.`, inner);
      continue;
    }
    into[path] = {
      kind: 'attribute',
      type: officialTypeText(a),
      ...(a.required ? { required: true } : {}),
      ...(a.optional ? { optional: true } : {}),
      ...(a.computed || hasDefault ? { computed: true } : {}),
      ...(a.sensitive ? { sensitive: true } : {}),
      ...(hasDefault ? { default: a.default! } : {}),
      ...validationFacts(a.validation ?? (a.elem as OfficialAttribute | undefined)?.validation),
      ...common,
    };
    if (inner) officialFields(into, `${path}.`, inner);
  }
}

/** The facts of an official record. */
export function officialFacts(record: OfficialRecord): TypeFacts {
  const out: TypeFacts = {};
  // The SDK adds `id` to every resource and data source; setting it in config has no effect, so it counts as computed-only.
  if (record.kind !== 'provider' && !record.attributes.id) out.id = { kind: 'attribute', type: 'string', computed: true };
  officialLevel(out, '', record.attributes);
  if (record.timeouts) out.timeouts = timeoutsFact(record.timeouts);
  return sortKeys(out);
}

//// ours: Terraform's JSON schema plus our schema objects ////

/** A block of `terraform providers schema -json` (the parts we read). */
export interface JsonBlock {
  attributes?: Record<
    string,
    { type: unknown; required?: boolean; optional?: boolean; computed?: boolean; sensitive?: boolean; deprecated?: boolean }
  >;
  block_types?: Record<string, { nesting_mode: string; block: JsonBlock; min_items?: number; max_items?: number }>;
  deprecated?: boolean;
}

/** A cty type (JSON form) as text; object members become `field` paths under `path`. */
function ctyText(t: unknown, into: TypeFacts, path: string): string {
  if (typeof t === 'string') return t;
  const [kind, inner] = t as [string, unknown];
  if (kind === 'object') {
    for (const [name, ft] of Object.entries(inner as Record<string, unknown>)) {
      const p = `${path}.${name}`;
      into[p] = { kind: 'field', type: ctyText(ft, into, p) };
    }
    return 'object';
  }
  return `${kind}(${ctyText(inner, into, path)})`;
}

function jsonLevel(into: TypeFacts, prefix: string, b: JsonBlock): void {
  for (const [name, a] of Object.entries(b.attributes ?? {})) {
    const path = `${prefix}${name}`;
    const facts: Facts = { kind: 'attribute' };
    into[path] = facts;
    facts.type = ctyText(a.type, into, path);
    if (a.required) facts.required = true;
    if (a.optional) facts.optional = true;
    if (a.computed) facts.computed = true;
    if (a.sensitive) facts.sensitive = true;
    if (a.deprecated) facts.deprecated = true;
  }
  for (const [name, bt] of Object.entries(b.block_types ?? {})) {
    const path = `${prefix}${name}`;
    if (name === 'timeouts' && prefix === '') continue; // from the schema object (defaults are not in the JSON)
    into[path] = {
      kind: 'block',
      type: bt.nesting_mode,
      ...(bt.min_items ? { minItems: bt.min_items } : {}),
      ...(bt.max_items && !(bt.nesting_mode === 'single') ? { maxItems: bt.max_items } : {}),
      ...(bt.block.deprecated ? { deprecated: true } : {}),
    };
    jsonLevel(into, `${path}.`, bt.block);
  }
}

/** Facts our validators state as data (warning-only validators restrict nothing). */
function ourValidationFacts(validators: readonly Validator<never>[] | undefined, isString: boolean): Facts {
  const out: Facts = {};
  for (const v of validators ?? []) {
    if ((v as { severity?: string }).severity === 'warning') continue;
    if (v.allowedValues) out.enum = [...v.allowedValues];
    if (v.range) out.range = { ...v.range };
    if (v.length && isString) out.length = { min: v.length.min, ...(v.length.max !== undefined ? { max: v.length.max } : {}) };
  }
  return out;
}

function schemaLevel(
  into: TypeFacts,
  prefix: string,
  shape: { attributes: Record<string, Attribute>; blocks?: Record<string, Block> },
): void {
  for (const [name, a] of Object.entries(shape.attributes)) {
    const f = into[`${prefix}${name}`];
    if (!f) continue;
    const o = a.options;
    if (o.requiresReplace) f.forceNew = true;
    if (o.ignored) f.ignored = true;
    if (o.default !== undefined && o.default !== '') f.default = o.default as FactValue;
    if (o.conflictsWith?.length) f.conflictsWith = [...o.conflictsWith].sort();
    const isString = a.type.collection === undefined && a.type.element === 'string';
    Object.assign(f, ourValidationFacts(o.validators as readonly Validator<never>[] | undefined, isString));
    // Element rules of a collection of primitives (e.g. an enum per list item) are the official Elem's ValidateFunc.
    if (a.type.collection && typeof a.type.element === 'string') {
      Object.assign(f, ourValidationFacts(o.elementValidators as readonly Validator<never>[] | undefined, a.type.element === 'string'));
    }
  }
  for (const [name, b] of Object.entries(shape.blocks ?? {})) {
    const path = `${prefix}${name}`;
    const f = into[path];
    if (!f) continue;
    if (b.options.requiresReplace) f.forceNew = true;
    if (b.options.conflictsWith?.length) f.conflictsWith = [...b.options.conflictsWith].sort();
    if ((b.options as { computed?: boolean }).computed) f.computed = true;
    schemaLevel(into, `${path}.`, b.options as unknown as { attributes: Record<string, Attribute>; blocks?: Record<string, Block> });
  }
}

function timeoutsFact(t: Readonly<Record<string, string | undefined>>): Facts {
  return {
    kind: 'block',
    timeouts: Object.entries(t)
      .filter(([, d]) => d !== undefined)
      .map(([op, d]) => `${op}=${d}`)
      .sort(),
  };
}

/** Our facts: `json` is our type's block from `terraform providers schema -json`, `schema` its declaration. */
export function ourFacts(json: JsonBlock, schema: Schema): TypeFacts {
  const out: TypeFacts = {};
  jsonLevel(out, '', json);
  schemaLevel(out, '', schema as unknown as { attributes: Record<string, Attribute>; blocks?: Record<string, Block> });
  if (schema.timeouts) out.timeouts = timeoutsFact(schema.timeouts);
  return sortKeys(out);
}

//// comparing ////

const FALSY: Record<string, FactValue> = {
  required: false,
  optional: false,
  computed: false,
  sensitive: false,
  deprecated: false,
  forceNew: false,
};

function norm(fact: string, v: FactValue | undefined): FactValue {
  return v === undefined ? (FALSY[fact] ?? null) : v;
}

/** Structural equality of plain JSON values (arrays in order, objects by key). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical);
  if (x !== null && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return x;
}

/** Every difference between the official facts and ours for one type, in path order. */
export function diffFacts(type: string, official: TypeFacts, ours: TypeFacts): Difference[] {
  const out: Difference[] = [];
  const paths = [...new Set([...Object.keys(official), ...Object.keys(ours)])].sort();
  const absent = new Set<string>();
  for (const path of paths) {
    const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined;
    if (parent !== undefined && absent.has(parent)) {
      absent.add(path); // under a member one side lacks: the parent's difference says it all
      continue;
    }
    const o = official[path];
    const u = ours[path];
    if (!o || !u) {
      absent.add(path);
      out.push({ type, path, fact: 'present', official: !!o, ours: !!u });
      continue;
    }
    // A field has only a type; a kind change (block vs object attribute) is reported once, with types.
    const facts =
      o.kind === 'field' || u.kind === 'field' ? ['kind', 'type'] : [...new Set([...Object.keys(o), ...Object.keys(u)])].sort(factOrder);
    for (const fact of facts) {
      const a = norm(fact, o[fact]);
      const b = norm(fact, u[fact]);
      if (fact === 'kind' && (a === 'field' || b === 'field') && a !== b && (a === 'attribute' || b === 'attribute')) continue;
      if (!sameValue(a, b)) out.push({ type, path, fact, official: a, ours: b });
    }
  }
  return out;
}

const ORDER = [
  'kind',
  'type',
  'required',
  'optional',
  'computed',
  'sensitive',
  'deprecated',
  'minItems',
  'maxItems',
  'forceNew',
  'default',
];
function factOrder(a: string, b: string): number {
  const i = ORDER.indexOf(a);
  const j = ORDER.indexOf(b);
  return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || a.localeCompare(b);
}

function sortKeys(t: TypeFacts): TypeFacts {
  return Object.fromEntries(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)));
}

/** A type's record key: `alicloud_image`, `data.alicloud_images` or `provider`. */
export function recordKey(kind: OfficialRecord['kind'], type: string): string {
  return kind === 'data_source' ? `data.${type}` : kind === 'provider' ? 'provider' : type;
}
