/**
 * Lenient readers for response bodies: every field of a typed result gets the JS type
 * its interface promises, whatever the server sent (`"40"` vs `40`, `"true"` vs `true`,
 * missing vs present). Missing strings become `""`, numbers `0`, booleans `false`, so
 * callers never see `undefined` where the sheet promises a value.
 */

export type Json = Record<string, unknown>;

export function obj(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return '';
}

export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

export function bool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.toLowerCase() === 'true' || v === '1';
  return v === 1;
}

/** The array inside an ECS wrapper object (`{ Image: [...] }`); tolerates a bare array or a single object. */
export function items(wrapper: unknown, key: string): Json[] {
  const inner = Array.isArray(wrapper) ? wrapper : obj(wrapper)[key];
  if (Array.isArray(inner)) return inner.map(obj);
  return inner !== undefined && inner !== null && typeof inner === 'object' ? [obj(inner)] : [];
}

/** `RequestId` of a body, or `""`. */
export function requestIdOf(body: Json): string {
  return str(body.RequestId);
}
