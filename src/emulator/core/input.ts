/**
 * Readers for a handler's decoded input. The core has already checked it against the action's
 * spec (types, enums, lengths, required), so these only pick values out and give absent ones a
 * shape: every family reads its input through them.
 */
import type { ActionInput, InputValue } from '../../spec/ecs/types.js';

/** A value as text; absent or empty means undefined (the Go provider sends empty optional fields). */
export function text(v: InputValue | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : String(v);
}

/** The parameter `name` as text (see {@link text}). */
export function str(input: ActionInput, name: string): string | undefined {
  return text(input[name]);
}

export function bool(input: ActionInput, name: string): boolean | undefined {
  const v = input[name];
  return typeof v === 'boolean' ? v : undefined;
}

export function num(input: ActionInput, name: string): number | undefined {
  const v = input[name];
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A list parameter (`Name.N`, packed or comma text) as trimmed non-empty strings; [] when absent. */
export function list(input: ActionInput, name: string): string[] {
  const v = input[name];
  if (v === undefined) return [];
  if (Array.isArray(v))
    return v
      .map(String)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A decoded packed or scalar list as strings (comma text split and trimmed), or undefined when absent. */
export function stringList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Decoded repeat-list records (`Filter.N.Key`...), or [] when absent. */
export function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

export interface KeyValue {
  Key: string;
  Value: string;
}

/** `Tag.N.Key/Value` as pairs, leniently: entries without a key are dropped, a repeated key keeps its last value. */
export function tagPairs(input: ActionInput): KeyValue[] {
  const raw = input['Tag'];
  if (!Array.isArray(raw)) return [];
  const out = new Map<string, string>();
  for (const t of raw as InputValue[]) {
    if (typeof t !== 'object' || t === null || Array.isArray(t)) continue;
    const key = t['Key'];
    if (key === undefined || key === '') continue;
    out.set(String(key), t['Value'] === undefined ? '' : String(t['Value']));
  }
  return [...out].map(([Key, Value]) => ({ Key, Value }));
}

/** Tag filter of Describe calls: every filter key must be present (an empty value matches any). */
export function matchesTags(have: readonly KeyValue[], want: readonly KeyValue[]): boolean {
  return want.every((w) => have.some((h) => h.Key === w.Key && (w.Value === '' || h.Value === w.Value)));
}

/** Decoded `Tag.N` filter records as Key/Value strings (either may be absent). */
export function tagFilterFromInput(value: InputValue | undefined): { Key?: string; Value?: string }[] {
  const list = (Array.isArray(value) ? value : []) as Record<string, InputValue>[];
  return list.map((t) => ({
    Key: t.Key === undefined ? undefined : String(t.Key),
    Value: t.Value === undefined ? undefined : String(t.Value),
  }));
}
