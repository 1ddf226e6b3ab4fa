/**
 * Helpers for a handler's decoded input (`InputOf<typeof spec>`). The core has already checked
 * the input against the action's spec and converted it (numbers, booleans, lists, enums), so
 * handlers read its fields directly; these only say what the APIs mean beyond the table.
 */

/** A text parameter the API treats as absent when empty (tables without `emptyIsAbsent`). */
export function given(v: string | undefined): string | undefined {
  return v === '' ? undefined : v;
}

/** A list parameter as its trimmed, non-empty items ([] when absent). */
export function ids(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

export interface KeyValue {
  Key: string;
  Value: string;
}

/** `Tag.N.Key/Value` as pairs, leniently: entries without a key are dropped, a repeated key keeps its last value. */
export function tagPairs(tags: readonly { Key?: string; Value?: string }[] | undefined): KeyValue[] {
  const out = new Map<string, string>();
  for (const t of tags ?? []) if (t.Key !== undefined && t.Key !== '') out.set(t.Key, t.Value ?? '');
  return [...out].map(([Key, Value]) => ({ Key, Value }));
}

/** Tag filter of Describe calls: every filter key must be present (an empty value matches any). */
export function matchesTags(have: readonly KeyValue[], want: readonly KeyValue[]): boolean {
  return want.every((w) => have.some((h) => h.Key === w.Key && (w.Value === '' || h.Value === w.Value)));
}
