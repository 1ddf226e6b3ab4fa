/**
 * Small readers for validated handler input and the paging / time helpers
 * shared by the network families (vpc, security-groups) and resource-manager.
 */
import type { ActionInput, InputValue } from '../../spec/ecs/types.js';

export function str(input: ActionInput, name: string): string | undefined {
  const v = input[name];
  return v === undefined || v === '' ? undefined : String(v);
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

export interface KeyValue {
  Key: string;
  Value: string;
}

/** `Tag.N.Key/Value` as pairs; entries without a key are dropped, duplicate keys keep the last value. */
export function tags(input: ActionInput): KeyValue[] {
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

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  totalCount: number;
}

/** Cut one page (PageNumber from 1, PageSize default 10). */
export function paginate<T>(all: readonly T[], input: ActionInput, defaultSize = 10): Page<T> {
  const pageNumber = num(input, 'PageNumber') ?? 1;
  const pageSize = num(input, 'PageSize') ?? defaultSize;
  return { items: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize), pageNumber, pageSize, totalCount: all.length };
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the creation-time format of the VPC and ECS APIs. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
