/**
 * The schema-driven msgpack codec for cty values (the `DynamicValue.msgpack`
 * wire form Terraform always sends).
 *
 * Decoding follows the type: any msgpack extension is an unknown (ext 12 carries
 * refinements), nil is null, numbers become exact {@link TfNumber}s whatever
 * their encoding (int family, float, or decimal string). Every number goes out
 * as its canonical decimal string: Terraform then parses it exactly as it parses
 * the JSON state file, so a value read back unchanged is the same Go object as
 * the stored one (Terraform 1.10/1.11 compare refresh-only states with
 * reflect.DeepEqual, and an int-decoded 40 differs from a JSON-decoded 40 in
 * big.Float precision, which made `plan -refresh-only -detailed-exitcode` exit 2
 * on no change); objects carry every attribute with sorted keys; `dynamic` values are
 * `[type JSON bytes, value]`; unknowns are fixext1 `d4 00 00` (or ext 12 when
 * refined).
 */
import { inferType, parseType, tagDynamicType, typeToJson } from './cty-type.js';
import { MsgpackReader, MsgpackWriter } from './msgpack-wire.js';
import { TfNumber, Unknown, UNKNOWN, tfNumber, type CtyType, type Refinements, type Value } from './values.js';

/** Encode a value of the given type as msgpack. Throws a TypeError naming the path on a non-conforming value. */
export function encodeMsgpack(type: CtyType, value: Value): Uint8Array {
  const w = new MsgpackWriter();
  try {
    encodeValue(w, type, value);
  } catch (e) {
    throw located(e, 'encode');
  }
  return w.bytes();
}

/** Decode msgpack bytes as a value of the given type. Throws a TypeError naming the path on mismatch. */
export function decodeMsgpack(type: CtyType, bytes: Uint8Array): Value {
  const r = new MsgpackReader(bytes);
  let v: Value;
  try {
    v = decodeValue(r, type);
  } catch (e) {
    throw located(e, 'decode');
  }
  if (!r.done) throw r.fail('trailing bytes after the value');
  return v;
}

/**
 * A type mismatch somewhere inside a value. The path is assembled on the way out (each container
 * adds its step), so the codec builds no path string for values that are fine.
 */
class Misfit extends Error {
  path = '';
}

/** Prefix a step (`.name`, `[0]`, `["key"]`) to the path of a {@link Misfit}; other errors pass. */
function under(e: unknown, step: string): unknown {
  if (e instanceof Misfit) e.path = step + e.path;
  return e;
}

/** The public error of a {@link Misfit}: a TypeError naming the path. */
function located(e: unknown, verb: 'encode' | 'decode'): unknown {
  return e instanceof Misfit ? new TypeError(`cannot ${verb} value at ${e.path || '(root)'}: ${e.message}`) : e;
}

/** Attribute names of an object type, sorted (cty's wire order), computed once per type. */
const sortedNames = new WeakMap<Record<string, CtyType>, string[]>();
function namesOf(attrs: Record<string, CtyType>): string[] {
  let names = sortedNames.get(attrs);
  if (!names) sortedNames.set(attrs, (names = Object.keys(attrs).sort()));
  return names;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof TfNumber) return 'number';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function mismatch(expected: string, v: unknown): Misfit {
  return new Misfit(`expected ${expected}, got ${describe(v)}`);
}

function encodeValue(w: MsgpackWriter, type: CtyType, v: Value): void {
  if (v === null || v === undefined) return w.nil();
  if (v instanceof Unknown) return encodeUnknown(w, v.refinements);
  if (type === 'dynamic') {
    const t = inferType(v);
    w.arrayHeader(2);
    w.bin(Buffer.from(typeToJson(t), 'utf8'));
    return encodeValue(w, t, v);
  }
  if (type === 'string') {
    if (typeof v !== 'string') throw mismatch('string', v);
    return w.str(v);
  }
  if (type === 'bool') {
    if (typeof v !== 'boolean') throw mismatch('bool', v);
    return w.bool(v);
  }
  if (type === 'number') return encodeNumber(w, toTfNumber(v));
  const [kind, arg] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(v)) throw mismatch(`${kind} (array)`, v);
    w.arrayHeader(v.length);
    for (let i = 0; i < v.length; i++) {
      try {
        encodeValue(w, arg, v[i]!);
      } catch (e) {
        throw under(e, `[${i}]`);
      }
    }
    return;
  }
  if (kind === 'tuple') {
    if (!Array.isArray(v) || v.length !== arg.length) throw mismatch(`tuple of ${arg.length} elements`, v);
    w.arrayHeader(v.length);
    for (let i = 0; i < v.length; i++) {
      try {
        encodeValue(w, arg[i]!, v[i]!);
      } catch (e) {
        throw under(e, `[${i}]`);
      }
    }
    return;
  }
  if (typeof v !== 'object' || Array.isArray(v) || v instanceof TfNumber) throw mismatch(kind, v);
  if (kind === 'map') {
    const keys = Object.keys(v).sort();
    w.mapHeader(keys.length);
    for (const k of keys) {
      w.str(k);
      try {
        encodeValue(w, arg, v[k]!);
      } catch (e) {
        throw under(e, `[${JSON.stringify(k)}]`);
      }
    }
    return;
  }
  const attrs = arg;
  for (const k of Object.keys(v)) {
    if (!(k in attrs)) {
      throw new Misfit(`unsupported attribute "${k}" (allowed: ${namesOf(attrs).join(', ')})`);
    }
  }
  const keys = namesOf(attrs);
  w.mapHeader(keys.length);
  for (const k of keys) {
    w.str(k);
    // Absent attributes go out as null: Terraform requires every key.
    try {
      encodeValue(w, attrs[k]!, v[k] ?? null);
    } catch (e) {
      throw under(e, `.${k}`);
    }
  }
}

function toTfNumber(v: unknown): TfNumber {
  if (v instanceof TfNumber) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return tfNumber(v);
  throw mismatch('number', v);
}

function encodeNumber(w: MsgpackWriter, n: TfNumber): void {
  w.str(n.text);
}

function encodeUnknown(w: MsgpackWriter, r: Refinements | undefined): void {
  const inner = new MsgpackWriter();
  const entries: [number, () => void][] = [];
  if (r?.nullable === false) entries.push([1, () => inner.bool(false)]);
  if (r?.stringPrefix) entries.push([2, () => inner.str(r.stringPrefix!)]);
  for (const [key, bound] of [
    [3, r?.numberLower],
    [4, r?.numberUpper],
  ] as const) {
    if (bound) {
      entries.push([key, () => (inner.arrayHeader(2), encodeNumber(inner, bound.value), inner.bool(bound.inclusive))]);
    }
  }
  if (r?.lengthLower !== undefined) entries.push([5, () => inner.int(BigInt(r.lengthLower!))]);
  if (r?.lengthUpper !== undefined) entries.push([6, () => inner.int(BigInt(r.lengthUpper!))]);
  if (entries.length === 0) return w.ext(0, new Uint8Array([0]));
  inner.mapHeader(entries.length);
  for (const [key, write] of entries) {
    inner.int(BigInt(key));
    write();
  }
  w.ext(12, inner.bytes());
}

function decodeValue(r: MsgpackReader, type: CtyType): Value {
  const kind = r.peekKind();
  if (kind === 'nil') return (r.nil(), null);
  if (kind === 'ext') return decodeUnknown(r.ext());
  if (type === 'dynamic') {
    if (r.arrayHeader() !== 2) throw unexpected('a [type, value] pair for a dynamic value', kind);
    const t = parseType(r.strOrBinBytes());
    return tagDynamicType(decodeValue(r, t), t);
  }
  if (type === 'string') {
    if (kind !== 'str' && kind !== 'bin') throw unexpected('string', kind);
    return r.str();
  }
  if (type === 'bool') {
    if (kind !== 'bool') throw unexpected('bool', kind);
    return r.bool();
  }
  if (type === 'number') {
    if (kind === 'int') return new TfNumber(r.int().toString());
    if (kind === 'float') {
      const f = r.float();
      if (!Number.isFinite(f)) throw new Misfit('infinite numbers are not supported');
      return tfNumber(f);
    }
    if (kind === 'str') return new TfNumber(r.str());
    throw unexpected('number', kind);
  }
  const [ck, arg] = type;
  if (ck === 'list' || ck === 'set' || ck === 'tuple') {
    if (kind !== 'array') throw unexpected(ck, kind);
    const n = r.arrayHeader();
    if (ck === 'tuple' && n !== arg.length) throw unexpected(`tuple of ${arg.length} elements (got ${n})`, kind);
    const out: Value[] = [];
    for (let i = 0; i < n; i++) {
      try {
        out.push(decodeValue(r, ck === 'tuple' ? arg[i]! : arg));
      } catch (e) {
        throw under(e, `[${i}]`);
      }
    }
    return out;
  }
  if (kind !== 'map') throw unexpected(ck, kind);
  const n = r.mapHeader();
  const out: Record<string, Value> = {};
  if (ck === 'map') {
    for (let i = 0; i < n; i++) {
      const k = r.str();
      try {
        out[k] = decodeValue(r, arg);
      } catch (e) {
        throw under(e, `[${JSON.stringify(k)}]`);
      }
    }
    return out;
  }
  const attrs = arg;
  const seen: Record<string, Value> = {};
  for (let i = 0; i < n; i++) {
    const k = r.str();
    const t = attrs[k];
    if (t === undefined) throw new Misfit(`unsupported attribute "${k}"`);
    try {
      seen[k] = decodeValue(r, t);
    } catch (e) {
      throw under(e, `.${k}`);
    }
  }
  for (const k of namesOf(attrs)) out[k] = k in seen ? seen[k]! : null;
  return out;
}

function unexpected(expected: string, kind: string): Misfit {
  return new Misfit(`expected ${expected}, got msgpack ${kind}`);
}

function decodeUnknown(ext: { type: number; data: Buffer }): Unknown {
  if (ext.type !== 12 || ext.data.length === 0) return UNKNOWN;
  try {
    return new Unknown(decodeRefinements(ext.data));
  } catch {
    return UNKNOWN; // malformed refinements only lose precision, never correctness
  }
}

function decodeRefinements(data: Buffer): Refinements | undefined {
  const r = new MsgpackReader(data);
  const out: Refinements = {};
  const n = r.mapHeader();
  for (let i = 0; i < n; i++) {
    const key = r.peekKind() === 'int' ? Number(r.int()) : -1;
    if (key === -1) r.skip();
    if (key === 1) out.nullable = r.bool();
    else if (key === 2) out.stringPrefix = r.str();
    else if (key === 3 || key === 4) {
      r.arrayHeader();
      const value = decodeValue(r, 'number') as TfNumber;
      const bound = { value, inclusive: r.bool() };
      if (key === 3) out.numberLower = bound;
      else out.numberUpper = bound;
    } else if (key === 5) out.lengthLower = Number(r.int());
    else if (key === 6) out.lengthUpper = Number(r.int());
    else r.skip();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
