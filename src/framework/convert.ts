/**
 * Conversion between cty {@link Value}s and the plain JS objects resources work with.
 *
 * Plain form: strings, JS numbers, booleans, arrays (lists/sets), records (maps/objects),
 * `null`; an unknown value is `undefined`. Numbers keep their exact cty text when a plain
 * number equals the reference value it came from (so 2^53+ integers survive a round trip).
 */
import { TfNumber, UNKNOWN, isUnknown, tfNumber, type ObjectValue, type Value } from '../tfplugin/values.js';
import type { AttributePath } from '../tfplugin/provider-server.js';
import { type Diagnostics, formatPath } from './diagnostics.js';
import { blocksOf } from './schema/timeouts.js';
import { typeLabel, viewOf } from './schema/type-node.js';
import type { ObjectShape, PrimitiveKind, Schema, TypeNode } from './schema/types.js';

export type Plain = null | undefined | string | number | boolean | Plain[] | { [key: string]: Plain };
export type PlainObject = { [key: string]: Plain };

function primitiveToPlain(kind: PrimitiveKind, v: Value): Plain {
  if (v === null) return null;
  if (isUnknown(v)) return undefined;
  if (v instanceof TfNumber) return v.toNumber();
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  throw new TypeError(`expected a ${kind}, got a ${Array.isArray(v) ? 'list' : 'object'}`);
}

/** Value → plain for an attribute or object field; objects get every field (null when absent). */
export function attributeToPlain(t: TypeNode, v: Value): Plain {
  if (v === null) return null;
  if (isUnknown(v)) return undefined;
  const view = viewOf(t);
  if (view.kind === 'primitive') return primitiveToPlain(view.primitive, v);
  if (view.kind === 'object') {
    if (typeof v !== 'object' || Array.isArray(v) || v instanceof TfNumber)
      throw new TypeError(`expected an object, got ${JSON.stringify(v)}`);
    const o = v as ObjectValue;
    const out: PlainObject = {};
    for (const [k, f] of Object.entries(view.object.fields)) out[k] = attributeToPlain(f.type, o[k] ?? null);
    return out;
  }
  if (view.collection === 'map') {
    const out: PlainObject = {};
    for (const [k, x] of Object.entries(v as ObjectValue)) out[k] = attributeToPlain(view.element, x);
    return out;
  }
  return (v as Value[]).map((x) => attributeToPlain(view.element, x));
}

/** Value → plain object for one object level (every attribute and block key present). */
export function objectToPlain(shape: ObjectShape | Schema, v: Value): PlainObject | null | undefined {
  if (v === null) return null;
  if (isUnknown(v)) return undefined;
  const o = v as ObjectValue;
  const out: PlainObject = {};
  for (const [name, a] of Object.entries(shape.attributes)) out[name] = attributeToPlain(a.type, o[name] ?? null);
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const x = o[name] ?? null;
    if (b.nesting === 'single') out[name] = objectToPlain(b.options, x);
    else if (isUnknown(x)) out[name] = undefined;
    else out[name] = ((x as Value[] | null) ?? []).map((e) => objectToPlain(b.options, e) as Plain);
  }
  return out;
}

/** Converts plain values back to cty values, collecting type errors as diagnostics. */
export class PlainDecoder {
  constructor(
    private readonly diags: Diagnostics,
    private readonly who: string,
  ) {}

  object(shape: ObjectShape | Schema, p: Plain, ref: Value, path: AttributePath): Value {
    if (p === undefined) return UNKNOWN;
    if (p === null) return null;
    if (typeof p !== 'object' || Array.isArray(p)) return this.bad(path, 'an object', p);
    const r =
      ref !== null && !isUnknown(ref) && typeof ref === 'object' && !Array.isArray(ref) && !(ref instanceof TfNumber)
        ? (ref as ObjectValue)
        : {};
    const out: ObjectValue = {};
    for (const [name, a] of Object.entries(shape.attributes)) {
      out[name] = this.attribute(a.type, p[name], r[name] ?? null, [...path, { attribute: name }]);
    }
    for (const [name, b] of Object.entries(blocksOf(shape))) {
      const at = [...path, { attribute: name }];
      const x = p[name];
      if (b.nesting === 'single') out[name] = this.object(b.options, x, r[name] ?? null, at);
      else if (x === undefined) out[name] = UNKNOWN;
      else if (x === null) out[name] = [];
      else if (!Array.isArray(x)) out[name] = this.bad(at, 'a list of blocks', x);
      else {
        const refs = Array.isArray(r[name]) ? (r[name] as Value[]) : [];
        out[name] = x.map((e, i) => this.object(b.options, e, refs[i] ?? null, [...at, { index: i }]));
      }
    }
    return out;
  }

  /** Plain → value for an attribute or object field; object fields absent from the plain record become null. */
  attribute(t: TypeNode, p: Plain, ref: Value, path: AttributePath): Value {
    if (p === undefined) return UNKNOWN;
    if (p === null) return null;
    const view = viewOf(t);
    if (view.kind === 'primitive') return this.primitive(view.primitive, p, ref, path);
    const r =
      ref !== null && typeof ref === 'object' && !Array.isArray(ref) && !isUnknown(ref) && !(ref instanceof TfNumber)
        ? (ref as ObjectValue)
        : {};
    if (view.kind === 'object') {
      if (typeof p !== 'object' || Array.isArray(p)) return this.bad(path, 'an object', p);
      const out: ObjectValue = {};
      for (const [k, f] of Object.entries(view.object.fields))
        out[k] = k in p ? this.attribute(f.type, p[k], r[k] ?? null, [...path, { attribute: k }]) : null;
      for (const k of Object.keys(p))
        if (!(k in view.object.fields))
          this.bad([...path, { attribute: k }], `absent (the object has only ${Object.keys(view.object.fields).join(', ')})`, p[k]);
      return out;
    }
    const label = typeLabel(t).toLowerCase();
    if (view.collection === 'map') {
      if (typeof p !== 'object' || Array.isArray(p)) return this.bad(path, `a ${label}`, p);
      const out: ObjectValue = {};
      for (const k of Object.keys(p).sort()) out[k] = this.attribute(view.element, p[k]!, r[k] ?? null, [...path, { key: k }]);
      return out;
    }
    if (!Array.isArray(p)) return this.bad(path, `a ${label}`, p);
    const refs = Array.isArray(ref) ? ref : [];
    const scalar = typeof view.element === 'string';
    return p.map((e, i) =>
      this.attribute(view.element, e, view.collection === 'list' ? (refs[i] ?? null) : scalar ? findNumber(refs, e) : null, [
        ...path,
        { index: i },
      ]),
    );
  }

  private primitive(kind: PrimitiveKind, p: Plain, ref: Value, path: AttributePath): Value {
    if (p === undefined) return UNKNOWN;
    if (p === null) return null;
    if (kind === 'string') return typeof p === 'string' ? p : this.bad(path, 'a string', p);
    if (kind === 'bool') return typeof p === 'boolean' ? p : this.bad(path, 'a bool', p);
    if ((p as unknown) instanceof TfNumber)
      return kind === 'int' && !(p as unknown as TfNumber).isInteger() ? this.bad(path, 'an integer', p) : (p as unknown as TfNumber);
    if (typeof p !== 'number' && typeof p !== 'bigint' && !(typeof p === 'string' && /^-?\d+(\.\d+)?$/.test(p))) {
      return this.bad(path, kind === 'int' ? 'an integer' : 'a number', p);
    }
    if (typeof p === 'number' && !Number.isFinite(p)) return this.bad(path, 'a finite number', p);
    if (ref instanceof TfNumber && typeof p === 'number' && ref.toNumber() === p) return ref;
    const n = tfNumber(p as number | bigint | string);
    if (kind === 'int' && !n.isInteger()) return this.bad(path, 'an integer', p);
    return n;
  }

  private bad(path: AttributePath, expected: string, got: unknown): null {
    this.diags.addError(
      'Invalid Value From Provider',
      `${this.who} returned ${JSON.stringify(got)} for ${formatPath(path)}, which must be ${expected}. ` +
        'This is a bug in the provider; please report it.',
    );
    return null;
  }
}

function findNumber(refs: Value[], p: Plain): Value {
  return refs.find((r) => r instanceof TfNumber && typeof p === 'number' && r.toNumber() === p) ?? null;
}

/** Convert a plain object to a Value for an object level. Unknown where the plain value is `undefined`. */
export function plainToObject(shape: ObjectShape | Schema, p: Plain, ref: Value, diags: Diagnostics, who: string): Value {
  return new PlainDecoder(diags, who).object(shape, p, ref, []);
}
