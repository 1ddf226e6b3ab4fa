/**
 * The JSON form of cty values: `DynamicValue.json` and the stored state that
 * UpgradeResourceState receives as `RawState.json`.
 *
 * Parsing is lossless (numbers keep their exact text, whatever their size).
 * Like Terraform's decoder, missing object attributes become null; unknown
 * attributes are an error unless `ignoreUnknownAttributes` is set (useful when
 * reading state written by an older schema). `dynamic` values are
 * `{"value": ..., "type": ...}`. JSON cannot carry unknowns.
 */
import { parse } from 'lossless-json';
import { inferType, parseType, tagDynamicType, typeToJson } from './cty-type.js';
import { TfNumber, Unknown, tfNumber, type CtyType, type Value } from './values.js';

export interface JsonDecodeOptions {
  /** Drop object attributes the type does not have instead of failing. */
  ignoreUnknownAttributes?: boolean;
}

/** Parse JSON text (or UTF-8 bytes) as a value of the given type. */
export function decodeJsonValue(type: CtyType, json: string | Uint8Array, options: JsonDecodeOptions = {}): Value {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  return fromJson(
    type,
    parseExact(text, (s) => new TfNumber(s)),
    '',
    options,
  );
}

/**
 * Parse JSON text with every number handed to `number` as its exact decimal text: by the native
 * parser when no token can lose precision in a double, else by the lossless one.
 */
export function parseExact(text: string, number: (token: string) => unknown): unknown {
  if (MAYBE_INEXACT.test(text)) return parse(text, null, number);
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'number' ? number(String(v)) : v));
}

/**
 * A number token of 16 or more characters, or with an exponent: it may not survive a double, so
 * the text takes the lossless parser. Shorter tokens have at most 15 digits and round-trip exactly
 * (a string that merely looks like one only costs the slow path).
 */
const MAYBE_INEXACT = /(?:^|[:,[])\s*-?\d(?:[\d.]{15,}|[\d.]*[eE])/;

/** Serialise a wholly known value of the given type as JSON text (object keys sorted). */
export function encodeJsonValue(type: CtyType, value: Value): string {
  return toJson(type, value, '');
}

function where(path: string): string {
  return path || '(root)';
}

function kindOf(raw: unknown): string {
  if (raw === null) return 'null';
  if (raw instanceof TfNumber) return 'number';
  if (Array.isArray(raw)) return 'array';
  return typeof raw;
}

function fromJson(type: CtyType, raw: unknown, path: string, o: JsonDecodeOptions): Value {
  if (raw === null || raw === undefined) return null;
  const fail = (expected: string) => new TypeError(`cannot decode JSON at ${where(path)}: expected ${expected}, got ${kindOf(raw)}`);
  if (type === 'dynamic') {
    if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof TfNumber || !('type' in raw)) {
      throw fail('{"value": ..., "type": ...} for a dynamic value');
    }
    const t = parseType(JSON.stringify((raw as { type: unknown }).type));
    return tagDynamicType(fromJson(t, (raw as { value?: unknown }).value ?? null, path, o), t);
  }
  if (type === 'string') {
    if (typeof raw === 'string') return raw;
    // cty converts primitives to string on decode.
    if (raw instanceof TfNumber) return raw.text;
    if (typeof raw === 'boolean') return String(raw);
    throw fail('string');
  }
  if (type === 'number') {
    if (raw instanceof TfNumber) return raw;
    if (typeof raw === 'string') {
      try {
        return new TfNumber(raw);
      } catch {
        throw fail('number');
      }
    }
    throw fail('number');
  }
  if (type === 'bool') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw fail('bool');
  }
  const [kind, arg] = type;
  if (kind === 'list' || kind === 'set' || kind === 'tuple') {
    if (!Array.isArray(raw)) throw fail(kind);
    if (kind === 'tuple' && raw.length !== arg.length) throw fail(`tuple of ${arg.length} elements`);
    return raw.map((x, i) => fromJson(kind === 'tuple' ? arg[i]! : arg, x, `${path}[${i}]`, o));
  }
  if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof TfNumber) throw fail(kind);
  const rec = raw as Record<string, unknown>;
  const out: Record<string, Value> = {};
  if (kind === 'map') {
    for (const k of Object.keys(rec).sort()) out[k] = fromJson(arg, rec[k], `${path}[${JSON.stringify(k)}]`, o);
    return out;
  }
  if (!o.ignoreUnknownAttributes) {
    for (const k of Object.keys(rec)) {
      if (!(k in arg)) {
        throw new TypeError(
          `cannot decode JSON at ${where(path)}: unsupported attribute "${k}" (allowed: ${Object.keys(arg).sort().join(', ')})`,
        );
      }
    }
  }
  for (const k of Object.keys(arg).sort()) out[k] = fromJson(arg[k]!, rec[k] ?? null, `${path}.${k}`, o);
  return out;
}

function toJson(type: CtyType, v: Value, path: string): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Unknown) throw new TypeError(`cannot encode JSON at ${where(path)}: unknown values have no JSON form`);
  const fail = (expected: string) => new TypeError(`cannot encode JSON at ${where(path)}: expected ${expected}, got ${kindOf(v)}`);
  if (type === 'dynamic') {
    const t = inferType(v);
    return `{"value":${toJson(t, v, path)},"type":${typeToJson(t)}}`;
  }
  if (type === 'string') {
    if (typeof v !== 'string') throw fail('string');
    return JSON.stringify(v);
  }
  if (type === 'bool') {
    if (typeof v !== 'boolean') throw fail('bool');
    return String(v);
  }
  if (type === 'number') {
    const n = v as unknown;
    if (n instanceof TfNumber) return n.text;
    if (typeof n === 'number' || typeof n === 'bigint') return tfNumber(n).text;
    throw fail('number');
  }
  const [kind, arg] = type;
  if (kind === 'list' || kind === 'set' || kind === 'tuple') {
    if (!Array.isArray(v)) throw fail(kind);
    return `[${v.map((x, i) => toJson(kind === 'tuple' ? arg[i]! : arg, x, `${path}[${i}]`)).join(',')}]`;
  }
  if (typeof v !== 'object' || Array.isArray(v) || v instanceof TfNumber) throw fail(kind);
  const keys = kind === 'map' ? Object.keys(v).sort() : Object.keys(arg).sort();
  const parts = keys.map((k) => {
    const t = kind === 'map' ? arg : arg[k]!;
    return `${JSON.stringify(k)}:${toJson(t, v[k] ?? null, kind === 'map' ? `${path}[${JSON.stringify(k)}]` : `${path}.${k}`)}`;
  });
  return `{${parts.join(',')}}`;
}
