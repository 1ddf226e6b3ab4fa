/**
 * Canonical JSON text: object keys sorted at every depth, no spacing. Two values with the same
 * content give the same text whatever their key order. The emulator fingerprints a request's
 * parameters with it (ClientToken replays), the provider compares RAM policy documents with it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortKeys(o[k])]),
  );
}
