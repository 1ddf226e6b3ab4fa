/**
 * Generic decoding and validation of flat RPC parameters against an {@link ActionSpec}.
 *
 * Rebuilds `Tag.N.Key` repeat lists (legacy lower-case `Tag.N.key` accepted; both spellings with
 * different values are refused), nested `TagFilter.N.TagValues.M` lists, `ResourceId.N`
 * scalar lists, `Features.NvmeSupport` objects and comma/JSON packed lists; checks required,
 * integer/boolean syntax, enums, lengths, patterns, forbidden prefixes, min/max and maxItems.
 * Unknown parameters are ignored. Errors use the parameter's `errorCode`/`missingCode`/`tooManyCode`
 * and a message naming the parameter and what is allowed.
 */
import type {
  ActionInput,
  ActionSpec,
  InputValue,
  ObjectParam,
  PackedListParam,
  ParamSpec,
  RepeatListParam,
  ScalarListParam,
  ScalarParam,
} from '../spec/ecs/types.js';
import type { InputOf } from '../spec/ecs/infer.js';
import { apiError, invalidMessage, missingMessage } from './errors.js';

type ScalarRules = Omit<ScalarParam, 'kind' | 'name' | 'required'>;

const patternCache = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

function lengthText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `must be ${min} to ${max} characters long`;
  if (min !== undefined) return `must be at least ${min} characters long`;
  return `must be at most ${max} characters long`;
}

/** Check one raw scalar value and convert it to its kind. `wireName` is the name used in messages. */
function scalarValue(rules: ScalarRules, wireName: string, raw: string, code: string): InputValue {
  const fail = (allowed: string) => apiError(code, invalidMessage(wireName, allowed));
  if (rules.type === 'integer' || rules.type === 'long') {
    const range = rangeText(rules.min, rules.max);
    if (!/^-?\d{1,16}$/.test(raw.trim())) throw fail(`must be an integer${range}`);
    const n = Number(raw.trim());
    if (!Number.isSafeInteger(n)) throw fail(`must be an integer${range}`);
    if ((rules.min !== undefined && n < rules.min) || (rules.max !== undefined && n > rules.max)) throw fail(`must be an integer${range}`);
    return n;
  }
  if (rules.type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw fail('must be true or false');
    return v === 'true';
  }
  if (rules.enum && !rules.enum.includes(raw)) throw fail(`must be one of ${rules.enum.map((e) => `"${e}"`).join(', ')}`);
  const len = [...raw].length;
  if ((rules.minLength !== undefined && len < rules.minLength) || (rules.maxLength !== undefined && len > rules.maxLength)) {
    throw fail(lengthText(rules.minLength, rules.maxLength));
  }
  for (const prefix of rules.forbiddenPrefixes ?? []) {
    if (raw.toLowerCase().startsWith(prefix.toLowerCase())) throw fail(`must not start with "${prefix}"`);
  }
  if (rules.pattern && !compile(rules.pattern).test(raw)) {
    throw fail(rules.description ? `must match ${rules.pattern} (${rules.description})` : `must match ${rules.pattern}`);
  }
  return raw;
}

/** Sub-keys `Name.<rest>` of a parameter, in wire order. */
function subKeys(params: ReadonlyMap<string, string>, name: string): [string, string][] {
  const prefix = name + '.';
  const out: [string, string][] = [];
  for (const [k, v] of params) if (k.startsWith(prefix)) out.push([k.slice(prefix.length), v]);
  return out;
}

/** Parse the `N` of `Name.N...`; indexes start at 1. */
function listIndex(text: string, wireName: string, code: string): number {
  if (!/^[1-9]\d{0,4}$/.test(text)) throw apiError(code, invalidMessage(wireName, 'the list index N must be an integer from 1'));
  return Number(text);
}

function checkMaxItems(p: { name: string; maxItems?: number; tooManyCode?: string; errorCode?: string }, count: number): void {
  if (p.maxItems !== undefined && count > p.maxItems) {
    throw apiError(
      p.tooManyCode ?? p.errorCode ?? 'InvalidParameter',
      invalidMessage(p.name, `must have at most ${p.maxItems} items, got ${count}`),
    );
  }
}

function decodeScalar(p: ScalarParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const raw = params.get(p.name);
  if (raw === undefined || (raw === '' && (p.emptyIsAbsent || p.required || p.type !== 'string'))) {
    if (p.required) throw apiError(p.missingCode ?? 'MissingParameter', missingMessage(p.name));
    return undefined;
  }
  return scalarValue(p, p.name, raw, p.errorCode ?? 'InvalidParameter');
}

/** Decode `prefix.M` entries (`rest` = `M`) of one scalar list; undefined when no item is given. */
function scalarListItems(p: ScalarListParam, entries: readonly [string, string][], prefix: string, code: string): InputValue[] | undefined {
  const items: [number, InputValue][] = [];
  for (const [rest, raw] of entries) {
    if (rest.includes('.')) continue;
    const n = listIndex(rest, `${prefix}.${rest}`, code);
    if (raw === '' && p.item?.emptyIsAbsent) continue;
    items.push([n, scalarValue({ ...p.item, type: p.type }, `${prefix}.${n}`, raw, p.item?.errorCode ?? code)]);
  }
  if (items.length === 0) return undefined;
  if (p.maxItems !== undefined && items.length > p.maxItems) {
    throw apiError(p.tooManyCode ?? code, invalidMessage(prefix, `must have at most ${p.maxItems} items, got ${items.length}`));
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function decodeScalarList(p: ScalarListParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const items = scalarListItems(p, subKeys(params, p.name), p.name, p.errorCode ?? 'InvalidParameter');
  if (items === undefined && p.required) throw apiError(p.missingCode ?? 'MissingParameter', missingMessage(`${p.name}.1`));
  return items;
}

/**
 * Field spec for a wire field name of a repeat list. `Tag.N.key` / `Tag.N.value` are the documented
 * deprecated aliases of `Tag.N.Key` / `Tag.N.Value` (ecs-api.md 1.2), so only `Tag` lists take them.
 */
function fieldFor(p: RepeatListParam, wire: string): ScalarParam | undefined {
  const exact = p.fields.find((f) => f.name === wire);
  if (exact || p.name !== 'Tag') return exact;
  return p.fields.find((f) => f.name.charAt(0).toLowerCase() + f.name.slice(1) === wire);
}

function decodeFields(
  fields: readonly ScalarParam[],
  raw: ReadonlyMap<string, string>,
  prefix: string,
  parentCode: string,
): Record<string, InputValue> {
  const record: Record<string, InputValue> = {};
  for (const f of fields) {
    const wireName = `${prefix}.${f.name}`;
    const value = raw.get(f.name);
    if (value === undefined || (value === '' && (f.emptyIsAbsent || f.required || f.type !== 'string'))) {
      if (f.required) throw apiError(f.missingCode ?? 'MissingParameter', missingMessage(wireName));
      continue;
    }
    record[f.name] = scalarValue(f, wireName, value, f.errorCode ?? parentCode);
  }
  return record;
}

/** One `Name.N` item as sent: scalar field values (canonical names) and `Field.M` entries of list fields. */
interface RawItem {
  scalars: Map<string, string>;
  /** Wire spelling each scalar value came from (to name both when an alias conflicts). */
  spelled: Map<string, string>;
  lists: Map<string, [string, string][]>;
}

function decodeRepeatList(p: RepeatListParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const code = p.errorCode ?? 'InvalidParameter';
  const byIndex = new Map<number, RawItem>();
  const itemAt = (index: string, wireName: string): RawItem => {
    const n = listIndex(index, wireName, code);
    let item = byIndex.get(n);
    if (!item) byIndex.set(n, (item = { scalars: new Map(), spelled: new Map(), lists: new Map() }));
    return item;
  };
  for (const [rest, raw] of subKeys(params, p.name)) {
    const dot = rest.indexOf('.');
    if (dot < 0) continue;
    const index = rest.slice(0, dot);
    const wireField = rest.slice(dot + 1);
    const sub = wireField.indexOf('.');
    if (sub >= 0) {
      const listField = p.listFields?.find((f) => f.name === wireField.slice(0, sub));
      if (!listField) continue;
      const lists = itemAt(index, `${p.name}.${rest}`).lists;
      const entries = lists.get(listField.name) ?? [];
      entries.push([wireField.slice(sub + 1), raw]);
      lists.set(listField.name, entries);
      continue;
    }
    const field = fieldFor(p, wireField);
    if (!field) continue;
    const item = itemAt(index, `${p.name}.${rest}`);
    const earlier = item.scalars.get(field.name);
    if (earlier !== undefined && earlier !== raw) {
      // Both spellings of one field (`Tag.1.Key` and `Tag.1.key`) with different values: refuse to guess.
      const first = `${p.name}.${index}.${item.spelled.get(field.name)}`;
      throw apiError(
        'InvalidParameter',
        `The parameters "${first}" and "${p.name}.${rest}" give different values ("${earlier}" and "${raw}"): ` +
          `send only ${p.name}.N.${field.name} (the lower-case spelling is its deprecated alias).`,
      );
    }
    item.scalars.set(field.name, raw);
    item.spelled.set(field.name, wireField);
  }
  if (byIndex.size === 0) {
    if (p.required) throw apiError(p.missingCode ?? 'MissingParameter', missingMessage(`${p.name}.1.${p.fields[0]?.name ?? ''}`));
    return undefined;
  }
  checkMaxItems(p, byIndex.size);
  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, raw]) => {
      const prefix = `${p.name}.${n}`;
      const record = decodeFields(p.fields, raw.scalars, prefix, code);
      for (const lf of p.listFields ?? []) {
        const items = scalarListItems(lf, raw.lists.get(lf.name) ?? [], `${prefix}.${lf.name}`, lf.errorCode ?? code);
        if (items !== undefined) record[lf.name] = items;
        else if (lf.required) throw apiError(lf.missingCode ?? 'MissingParameter', missingMessage(`${prefix}.${lf.name}.1`));
      }
      return record;
    });
}

function decodeObject(p: ObjectParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const raw = new Map<string, string>();
  for (const [rest, v] of subKeys(params, p.name)) {
    if (p.fields.some((f) => f.name === rest)) raw.set(rest, v);
  }
  const record = decodeFields(p.fields, raw, p.name, p.errorCode ?? 'InvalidParameter');
  if (Object.keys(record).length === 0) {
    if (p.required) throw apiError(p.missingCode ?? 'MissingParameter', missingMessage(`${p.name}.${p.fields[0]?.name ?? ''}`));
    return undefined;
  }
  return record;
}

function decodePackedList(p: PackedListParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const raw = params.get(p.name);
  const code = p.errorCode ?? 'InvalidParameter';
  let items: string[] = [];
  if (raw !== undefined && raw.trim() !== '') {
    if (p.packing === 'comma') {
      items = raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string' || typeof x === 'number')) {
        throw apiError(code, invalidMessage(p.name, 'must be a JSON array of strings, e.g. ["id-1","id-2"]'));
      }
      items = parsed.map(String);
    }
  }
  if (items.length === 0) {
    if (p.required) throw apiError(p.missingCode ?? 'MissingParameter', missingMessage(p.name));
    return undefined;
  }
  checkMaxItems(p, items.length);
  return items;
}

function decodeParam(p: ParamSpec, params: ReadonlyMap<string, string>): InputValue | undefined {
  switch (p.kind) {
    case 'scalar':
      return decodeScalar(p, params);
    case 'scalarList':
      return decodeScalarList(p, params);
    case 'repeatList':
      return decodeRepeatList(p, params);
    case 'object':
      return decodeObject(p, params);
    case 'packedList':
      return decodePackedList(p, params);
  }
}

/**
 * Decode the flat wire parameters of one request into typed input, in table order.
 * Throws the first {@link EcsApiError} found (MissingParameter, InvalidParameter or the spec's codes).
 * For a literal table the result is typed as {@link InputOf}`<typeof spec>`.
 */
export function decodeInput<const S extends ActionSpec>(spec: S, params: ReadonlyMap<string, string>): InputOf<S> {
  const input: ActionInput = {};
  for (const p of spec.params) {
    const value = decodeParam(p, params);
    if (value !== undefined) input[p.name] = value;
  }
  return input as InputOf<S>;
}
