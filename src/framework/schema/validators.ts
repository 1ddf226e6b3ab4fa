/**
 * Reusable value validators. Each carries a Markdown `description` (rendered in docs) and
 * returns a phrase completing "Attribute X ..." when a known value is not allowed. The
 * framework never runs a validator on null or unknown values.
 */
import type { Validator } from './types.js';
import { parseDuration } from './duration.js';

type Sized = string | readonly unknown[] | Readonly<Record<string, unknown>>;

function sizeOf(value: Sized): { n: number; unit: string } {
  if (typeof value === 'string') return { n: [...value].length, unit: 'characters' };
  if (Array.isArray(value)) return { n: value.length, unit: 'items' };
  return { n: Object.keys(value).length, unit: 'entries' };
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** `min` to `max` in words: "at most 20", "exactly 3", "2 to 128", "at least 1". */
export function boundsText(min: number, max?: number): string {
  if (max === undefined) return `at least ${min}`;
  if (min === max) return `exactly ${min}`;
  return min === 0 ? `at most ${max}` : `${min} to ${max}`;
}

function sized<T extends Sized>(min: number, max: number | undefined, noun: string | undefined): Validator<T> {
  // Messages keep the "min to max" form ("must be 0 to 20 entries long, got 21"), docs the counted one.
  const range = max === undefined ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
  return {
    description: `must be ${boundsText(min, max)} characters long`,
    length: noun === undefined ? { min, ...(max !== undefined ? { max } : {}) } : { min, ...(max !== undefined ? { max } : {}), noun },
    validate(value) {
      const { n, unit } = sizeOf(value);
      return n < min || (max !== undefined && n > max) ? `must be ${range} ${unit} long, got ${n}` : undefined;
    },
  };
}

/** Length bounds: characters for strings, items for lists/sets, entries for maps. */
function length<T extends Sized = Sized>(min: number, max?: number): Validator<T> {
  return sized(min, max, undefined);
}

/** How many members a list, set or map may hold; `noun` names them in docs ("at most 20 tags"). */
function count<T extends Sized = Sized>(min: number, max: number | undefined, noun: string): Validator<T> {
  return sized(min, max, noun);
}

/** Not the empty string (ids: an empty id is never meant, and would fail only at apply). */
function nonEmpty(): Validator<string> {
  return { description: '', validate: (value) => (value.trim() === '' ? 'must not be empty' : undefined) };
}

/** A regular expression the whole string must match; `description` says in words what it allows. */
function pattern(re: RegExp, description: string): Validator<string> {
  return {
    description: `must match \`${re.source}\` (${description})`,
    validate: (value) => (re.test(value) ? undefined : `must be ${description}, got ${show(value)}`),
  };
}

/** An enumeration of allowed values. */
function oneOf<const T extends string | number | boolean>(...values: readonly T[]): Validator<string | number | boolean> {
  const list = values.map(show).join(', ');
  return {
    description: `must be one of ${values.map((x) => `\`${String(x)}\``).join(', ')}`,
    allowedValues: values,
    validate: (value) => ((values as readonly unknown[]).includes(value) ? undefined : `must be one of ${list}, got ${show(value)}`),
  };
}

/**
 * The values known today of a free-text field the API may extend: another value gives a
 * warning (sent as written), never an error.
 */
function knownValues<const T extends string>(...values: readonly T[]): Validator<string> {
  const list = values.map(show).join(', ');
  return {
    description: `is one of ${values.map((x) => `\`${x}\``).join(', ')} (other values give a warning and are sent as written)`,
    severity: 'warning',
    validate: (value) => ((values as readonly string[]).includes(value) ? undefined : `is not a known value (${list}), got ${show(value)}`),
  };
}

/** Inclusive numeric bounds; either side may be omitted. */
function range(min?: number, max?: number): Validator<number> {
  const text =
    min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
  return {
    description: `must be ${text}`,
    range: { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
    validate: (value) =>
      (min !== undefined && value < min) || (max !== undefined && value > max) ? `must be ${text}, got ${value}` : undefined,
  };
}

/** Strings that must not start with any of the given prefixes. */
function notPrefixedWith(...prefixes: readonly string[]): Validator<string> {
  const list = prefixes.map((p) => JSON.stringify(p)).join(', ');
  return {
    description: `must not start with ${prefixes.map((p) => `\`${p}\``).join(', ')}`,
    validate(value) {
      const hit = prefixes.find((p) => value.startsWith(p));
      return hit === undefined ? undefined : `must not start with ${list}, got ${show(value)}`;
    },
  };
}

/** A Go duration string such as "10m", "1h30m" or "90s". */
function duration(): Validator<string> {
  return {
    description: 'must be a duration such as `10m`, `1h30m` or `90s`',
    validate: (value) =>
      parseDuration(value) === undefined || parseDuration(value)! < 0
        ? `must be a duration such as "10m", "1h30m" or "90s" (units h, m, s, ms), got ${show(value)}`
        : undefined,
  };
}

/** A JavaScript regular expression that compiles (name filters of data sources). */
function regex(): Validator<string> {
  return {
    description: 'must be a valid regular expression',
    validate(value) {
      try {
        new RegExp(value);
        return undefined;
      } catch (e) {
        return `must be a valid regular expression, got ${show(value)} (${(e as Error).message})`;
      }
    },
  };
}

/** Any check: `fn` returns an error phrase or undefined; `description` is a docs predicate ("must ..."). */
function custom<T>(description: string, fn: (value: T) => string | undefined): Validator<T> {
  return { description, validate: fn };
}

/** Validator factories. */
export const v = { length, count, nonEmpty, pattern, regex, oneOf, knownValues, range, notPrefixedWith, duration, custom };
