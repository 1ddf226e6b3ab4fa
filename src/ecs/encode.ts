/**
 * Generic RPC query encoder: typed input + action table (`src/spec`) -> the flat
 * `Name`, `Name.N`, `Name.N.Field`, `Name.Field` map the official SDK sends.
 *
 * Rules (ecs-api.md 1.2): list indexes start at 1 and are dense (also inside nested
 * `Name.N.Field.M` lists); booleans and
 * numbers are stringified; `undefined`/`null`, empty strings, empty lists and
 * empty objects are omitted, except that a field inside a list item keeps its empty
 * string unless its table marks it `emptyIsAbsent` (so an empty tag value is sent as
 * `Tag.1.Value=`, like the official SDK does). Only the shape is checked here (names,
 * types, item counts); value rules (enums, lengths, patterns) are the service's
 * business, so a newer cloud enum value is never refused by an old client.
 */
import type { ActionSpec, ParamSpec, RepeatListParam, ScalarKind, ScalarParam } from '../spec/ecs/types.js';
import { EcsInputError } from './errors.js';

/** Parameters every RPC action accepts even when its table omits them. */
const COMMON_PARAMS: readonly ScalarParam[] = ['RegionId', 'OwnerId', 'OwnerAccount', 'ResourceOwnerId', 'ResourceOwnerAccount'].map(
  (name) => ({ kind: 'scalar', name, type: name.endsWith('Id') && name !== 'RegionId' ? 'long' : 'string' }) as ScalarParam,
);

/** A typed input as callers write it: wire names as keys, optional values may be undefined. */
export type LooseInput = Readonly<Record<string, unknown>>;

/** Encode `input` for `spec` into the flat query map. Throws {@link EcsInputError} on shape errors. */
export function encodeInput(spec: ActionSpec, input: LooseInput): Record<string, string> {
  const out: Record<string, string> = {};
  const byName = new Map<string, ParamSpec>();
  for (const p of COMMON_PARAMS) byName.set(p.name, p);
  for (const p of spec.params) byName.set(p.name, p);
  for (const [name, value] of Object.entries(input)) {
    const param = byName.get(name);
    if (!param) {
      const allowed = spec.params.map((p) => p.name).join(', ');
      throw new EcsInputError(`${spec.action}: unknown parameter "${name}"; allowed: ${allowed}.`);
    }
    if (isAbsent(value)) continue;
    encodeParam(spec.action, param, value, out);
  }
  return out;
}

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function encodeParam(action: string, p: ParamSpec, value: unknown, out: Record<string, string>): void {
  const where = `${action} parameter "${p.name}"`;
  switch (p.kind) {
    case 'scalar':
      out[p.name] = scalar(where, p.type, value);
      return;
    case 'scalarList': {
      const items = list(where, value).filter((v) => !isAbsent(v));
      checkCount(where, items.length, p.maxItems);
      items.forEach((v, i) => (out[`${p.name}.${i + 1}`] = scalar(`${where} item ${i + 1}`, p.type, v)));
      return;
    }
    case 'repeatList': {
      let n = 0;
      for (const [i, item] of list(where, value).entries()) {
        const itemWhere = `${where} item ${i + 1}`;
        const { scalars, lists } = splitListFields(p, record(itemWhere, item));
        const flat = encodeFields(itemWhere, p.fields, scalars, true);
        // Nested scalar lists (`TagFilter.N.TagValues.M`): dense from 1 inside each item.
        for (const lf of p.listFields ?? []) {
          const values = lists[lf.name];
          if (isAbsent(values)) continue;
          const fieldWhere = `${itemWhere} field "${lf.name}"`;
          const kept = list(fieldWhere, values).filter((v) => !isAbsent(v));
          checkCount(fieldWhere, kept.length, lf.maxItems);
          kept.forEach((v, m) => (flat[`${lf.name}.${m + 1}`] = scalar(`${fieldWhere} item ${m + 1}`, lf.type, v)));
        }
        if (Object.keys(flat).length === 0) continue;
        n++;
        for (const [k, v] of Object.entries(flat)) out[`${p.name}.${n}.${k}`] = v;
      }
      checkCount(where, n, p.maxItems);
      return;
    }
    case 'object': {
      const flat = encodeFields(where, p.fields, record(where, value), false);
      for (const [k, v] of Object.entries(flat)) out[`${p.name}.${k}`] = v;
      return;
    }
    case 'packedList': {
      // An already packed string is passed through, so callers may hand over the wire form.
      if (typeof value === 'string') {
        out[p.name] = value;
        return;
      }
      const items = list(where, value)
        .filter((v) => !isAbsent(v))
        .map((v, i) => scalar(`${where} item ${i + 1}`, 'string', v));
      checkCount(where, items.length, p.maxItems);
      if (items.length > 0) out[p.name] = p.packing === 'json' ? JSON.stringify(items) : items.join(',');
      return;
    }
  }
}

/** Separate an item's nested-list fields (the table's `listFields`) from its scalar fields. */
function splitListFields(
  p: RepeatListParam,
  item: Record<string, unknown>,
): { scalars: Record<string, unknown>; lists: Record<string, unknown> } {
  const scalars: Record<string, unknown> = {};
  const lists: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (p.listFields?.some((f) => f.name === k)) lists[k] = v;
    else scalars[k] = v;
  }
  return { scalars, lists };
}

function encodeFields(
  where: string,
  specs: readonly ScalarParam[],
  fields: Record<string, unknown>,
  inListItem: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(fields)) {
    const f = specs.find((s) => s.name === name);
    if (!f) throw new EcsInputError(`${where}: unknown field "${name}"; allowed: ${specs.map((s) => s.name).join(', ')}.`);
    if (v === '' && inListItem && !f.emptyIsAbsent) out[name] = '';
    else if (!isAbsent(v)) out[name] = scalar(`${where} field "${name}"`, f.type, v);
  }
  return out;
}

function scalar(where: string, type: ScalarKind, v: unknown): string {
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      if (typeof v === 'boolean') return String(v);
      break;
    case 'integer':
    case 'long':
      if (typeof v === 'number' && Number.isInteger(v)) return String(v);
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return v;
      throw new EcsInputError(`${where} must be a whole number, got ${show(v)}.`);
    case 'boolean':
      if (typeof v === 'boolean') return String(v);
      if (v === 'true' || v === 'false') return v;
      throw new EcsInputError(`${where} must be true or false, got ${show(v)}.`);
  }
  throw new EcsInputError(`${where} must be a string, got ${show(v)}.`);
}

function list(where: string, v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  throw new EcsInputError(`${where} must be a list, got ${show(v)}.`);
}

function record(where: string, v: unknown): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new EcsInputError(`${where} must be an object, got ${show(v)}.`);
}

function checkCount(where: string, n: number, max: number | undefined): void {
  if (max !== undefined && n > max) throw new EcsInputError(`${where} has ${n} items; at most ${max} are allowed.`);
}

function show(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
