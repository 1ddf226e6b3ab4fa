/**
 * Signature V1 (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`), `docs/ecs-api.md` 1.4.
 *
 * StringToSign = METHOD `&%2F&` percentEncode(canonical query of every parameter except
 * `Signature`, empty values kept); signature = Base64(HMAC-SHA1(secret + '&', StringToSign)).
 */
import { createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';

/** The V1 string to sign for the given HTTP method and decoded parameters (query and form body). */
export function v1StringToSign(method: string, params: ReadonlyMap<string, string>): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of params) if (k !== 'Signature') pairs.push([percentEncode(k), percentEncode(v)]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/** Base64 HMAC-SHA1 of the string to sign with key `secret&`. */
export function v1Sign(stringToSign: string, secret: string): string {
  return createHmac('sha1', secret + '&')
    .update(stringToSign, 'utf8')
    .digest('base64');
}
