/**
 * Generic decoding and validation of flat RPC parameters against an {@link ActionSpec}.
 *
 * Rebuilds `Tag.N.Key` repeat lists (legacy lower-case `Tag.N.key` accepted), `ResourceId.N`
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
import { invalidMessage, missingMessage, specError } from './errors.js';

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
  const fail = (allowed: string) => specError(code, invalidMessage(wireName, allowed));
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
  if (!/^[1-9]\d{0,4}$/.test(text)) throw specError(code, invalidMessage(wireName, 'the list index N must be an integer from 1'));
  return Number(text);
}

function checkMaxItems(p: { name: string; maxItems?: number; tooManyCode?: string; errorCode?: string }, count: number): void {
  if (p.maxItems !== undefined && count > p.maxItems) {
    throw specError(p.tooManyCode ?? p.errorCode ?? 'InvalidParameter', invalidMessage(p.name, `must have at most ${p.maxItems} items, got ${count}`));
  }
}

function decodeScalar(p: ScalarParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const raw = params.get(p.name);
  if (raw === undefined || raw === '' && (p.emptyIsAbsent || p.required || p.type !== 'string')) {
    if (p.required) throw specError(p.missingCode ?? 'MissingParameter', missingMessage(p.name));
    return undefined;
  }
  return scalarValue(p, p.name, raw, p.errorCode ?? 'InvalidParameter');
}

function decodeScalarList(p: ScalarListParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const code = p.errorCode ?? 'InvalidParameter';
  const items: [number, InputValue][] = [];
  for (const [rest, raw] of subKeys(params, p.name)) {
    if (rest.includes('.')) continue;
    const n = listIndex(rest, `${p.name}.${rest}`, code);
    if (raw === '' && p.item?.emptyIsAbsent) continue;
    items.push([n, scalarValue({ ...p.item, type: p.type }, `${p.name}.${n}`, raw, p.item?.errorCode ?? code)]);
  }
  if (items.length === 0) {
    if (p.required) throw specError(p.missingCode ?? 'MissingParameter', missingMessage(`${p.name}.1`));
    return undefined;
  }
  checkMaxItems(p, items.length);
  return items.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** Find the field spec for a wire field name; a lower-case first letter is a legacy alias (`Tag.N.key`). */
function fieldFor(fields: readonly ScalarParam[], wire: string): ScalarParam | undefined {
  return fields.find((f) => f.name === wire) ?? fields.find((f) => f.name.charAt(0).toLowerCase() + f.name.slice(1) === wire);
}

function decodeFields(fields: readonly ScalarParam[], raw: Map<string, string>, prefix: string, parentCode: string): Record<string, InputValue> {
  const record: Record<string, InputValue> = {};
  for (const f of fields) {
    const wireName = `${prefix}.${f.name}`;
    const value = raw.get(f.name);
    if (value === undefined || (value === '' && (f.emptyIsAbsent || f.required || f.type !== 'string'))) {
      if (f.required) throw specError(f.missingCode ?? 'MissingParameter', missingMessage(wireName));
      continue;
    }
    record[f.name] = scalarValue(f, wireName, value, f.errorCode ?? parentCode);
  }
  return record;
}

function decodeRepeatList(p: RepeatListParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const code = p.errorCode ?? 'InvalidParameter';
  const byIndex = new Map<number, Map<string, string>>();
  for (const [rest, raw] of subKeys(params, p.name)) {
    const dot = rest.indexOf('.');
    if (dot < 0) continue;
    const field = fieldFor(p.fields, rest.slice(dot + 1));
    if (!field) continue;
    const n = listIndex(rest.slice(0, dot), `${p.name}.${rest}`, code);
    let item = byIndex.get(n);
    if (!item) byIndex.set(n, (item = new Map()));
    // The canonical spelling wins over the legacy lower-case alias when both are sent.
    if (!item.has(field.name) || rest.slice(dot + 1) === field.name) item.set(field.name, raw);
  }
  if (byIndex.size === 0) {
    if (p.required) throw specError(p.missingCode ?? 'MissingParameter', missingMessage(`${p.name}.1.${p.fields[0]?.name ?? ''}`));
    return undefined;
  }
  checkMaxItems(p, byIndex.size);
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([n, raw]) => decodeFields(p.fields, raw, `${p.name}.${n}`, code));
}

function decodeObject(p: ObjectParam, params: ReadonlyMap<string, string>): InputValue | undefined {
  const raw = new Map<string, string>();
  for (const [rest, v] of subKeys(params, p.name)) {
    const field = fieldFor(p.fields, rest);
    if (field && (!raw.has(field.name) || rest === field.name)) raw.set(field.name, v);
  }
  const record = decodeFields(p.fields, raw, p.name, p.errorCode ?? 'InvalidParameter');
  if (Object.keys(record).length === 0) {
    if (p.required) throw specError(p.missingCode ?? 'MissingParameter', missingMessage(`${p.name}.${p.fields[0]?.name ?? ''}`));
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
      items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string' || typeof x === 'number')) {
        throw specError(code, invalidMessage(p.name, 'must be a JSON array of strings, e.g. ["id-1","id-2"]'));
      }
      items = parsed.map(String);
    }
  }
  if (items.length === 0) {
    if (p.required) throw specError(p.missingCode ?? 'MissingParameter', missingMessage(p.name));
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
 */
export function decodeInput(spec: ActionSpec, params: ReadonlyMap<string, string>): ActionInput {
  const input: ActionInput = {};
  for (const p of spec.params) {
    const value = decodeParam(p, params);
    if (value !== undefined) input[p.name] = value;
  }
  return input;
}
