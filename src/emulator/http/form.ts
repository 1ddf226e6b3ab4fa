/**
 * Strict `application/x-www-form-urlencoded` decoding (also used for URL queries):
 * `+` is a space, `%XY` must be well formed and the bytes must be valid UTF-8.
 */

/** Thrown for malformed input; the server turns it into a 400 InvalidParameter. */
export class MalformedInput extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeComponent(raw: string, where: string): string {
  const text = raw.replace(/\+/g, ' ');
  if (/%(?![0-9A-Fa-f]{2})/.test(text))
    throw new MalformedInput(`The ${where} is not valid: "${raw.slice(0, 64)}" has a "%" not followed by two hex digits.`);
  try {
    return decodeURIComponent(text);
  } catch {
    throw new MalformedInput(`The ${where} is not valid: "${raw.slice(0, 64)}" does not percent-decode to UTF-8 text.`);
  }
}

/**
 * Decode `a=1&b=2` into ordered pairs. A key without `=` gets the empty value;
 * empty segments (`a=1&&b=2`) are skipped.
 */
export function decodeForm(text: string, where: string): [string, string][] {
  const out: [string, string][] = [];
  if (text === '') return out;
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const rawValue = eq < 0 ? '' : segment.slice(eq + 1);
    const key = decodeComponent(rawKey, where);
    if (key === '') continue;
    out.push([key, decodeComponent(rawValue, where)]);
  }
  return out;
}

/** Decode a raw body as UTF-8 text, refusing invalid byte sequences. */
export function decodeUtf8(body: Buffer, where: string): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new MalformedInput(`The ${where} is not valid UTF-8.`);
  }
}
