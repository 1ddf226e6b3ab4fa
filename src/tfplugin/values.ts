/**
 * The cty value model shared by the protocol layer and the framework.
 *
 * Terraform exchanges every config, plan and state as a cty value, typed by a
 * cty type (the JSON type notation of go-cty). This module defines the
 * in-memory form of both. The msgpack and JSON codecs (in this folder) convert
 * between the wire and this form; nothing above `src/tfplugin` ever sees bytes.
 *
 * Rules that callers rely on:
 * - `null` is the cty null of any type.
 * - An unknown value of any type is an instance of {@link Unknown}, possibly
 *   refined (Terraform >= 1.6 sends refinements on ext 12; every msgpack
 *   extension type decodes as unknown).
 * - Numbers are {@link TfNumber}: a decimal string that keeps the exact value
 *   Terraform sent (integers beyond 2^53 and decimals such as "1.1" survive a
 *   round trip unchanged). Use `tfNumber()` to make one and `.toNumber()` only
 *   where a JS number is really wanted.
 * - Objects always carry every attribute of their type, null where unset.
 * - Lists, sets and tuples are arrays (set order is meaningless); maps and
 *   objects are plain records.
 */

/** A cty type in go-cty's JSON notation. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list', CtyType]
  | readonly ['set', CtyType]
  | readonly ['map', CtyType]
  | readonly ['object', Readonly<Record<string, CtyType>>]
  | readonly ['tuple', readonly CtyType[]];

/** Refinements Terraform may attach to an unknown value (msgpack ext 12). */
export interface Refinements {
  /** false when the value is known not to be null. */
  nullable?: boolean;
  /** Known prefix of an unknown string. */
  stringPrefix?: string;
  numberLower?: { value: TfNumber; inclusive: boolean };
  numberUpper?: { value: TfNumber; inclusive: boolean };
  lengthLower?: number;
  lengthUpper?: number;
}

/** An unknown value ("known after apply"). */
export class Unknown {
  constructor(readonly refinements?: Refinements) {}
}

/** The unrefined unknown. */
export const UNKNOWN = new Unknown();

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** An exact cty number, kept as its canonical decimal text. */
export class TfNumber {
  /** Canonical decimal text, e.g. "40", "-3", "1.1", "12345678901234567890". */
  readonly text: string;
  constructor(text: string) {
    this.text = canonicalDecimal(text);
  }
  /** True when the value is an integer (no fractional part). */
  isInteger(): boolean {
    return /^-?\d+$/.test(this.text);
  }
  toNumber(): number {
    return Number(this.text);
  }
  toBigInt(): bigint {
    if (!this.isInteger()) throw new RangeError(`${this.text} is not an integer`);
    return BigInt(this.text);
  }
  equals(other: TfNumber): boolean {
    return this.text === other.text;
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/** Make a TfNumber from a JS number, bigint or decimal string. */
export function tfNumber(v: number | bigint | string): TfNumber {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`cty numbers must be finite, got ${v}`);
    return new TfNumber(Number.isInteger(v) ? BigInt(v).toString() : String(v));
  }
  return new TfNumber(String(v));
}

export function isTfNumber(v: unknown): v is TfNumber {
  return v instanceof TfNumber;
}

/** A cty value. */
export type Value = null | Unknown | string | boolean | TfNumber | Value[] | { [key: string]: Value };

export type ObjectValue = { [key: string]: Value };

/** True when the value (deeply) contains no Unknown. */
export function isWhollyKnown(v: Value): boolean {
  if (v instanceof Unknown) return false;
  if (v === null || typeof v !== 'object' || v instanceof TfNumber) return true;
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  return Object.values(v).every(isWhollyKnown);
}

/** Deep structural equality of two values (set order is significant here; callers sort sets). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (a instanceof TfNumber && b instanceof TfNumber) return a.equals(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof TfNumber || b instanceof TfNumber) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]!));
  }
  const ao = a as ObjectValue;
  const bo = b as ObjectValue;
  const ak = Object.keys(ao);
  if (ak.length !== Object.keys(bo).length) return false;
  return ak.every((k) => k in bo && valuesEqual(ao[k]!, bo[k]!));
}

function canonicalDecimal(text: string): string {
  const t = text.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const sign = m[1] === '-' ? '-' : '';
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let point = (m[2] ?? '').length + Number(m[4] ?? 0);
  // Strip leading zeros while keeping the decimal point position right.
  while (digits.length > 0 && digits[0] === '0') {
    digits = digits.slice(1);
    point -= 1;
  }
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return sign + out;
}
