/**
 * Secrets never reach the request log: signatures and tokens are replaced, access key ids keep
 * only enough characters to tell keys apart, passwords are hidden. Applied once, when a request
 * is recorded, so every route that shows the log shows masked values.
 */

export const MASK = '***';

/** A parameter or header whose whole value is secret. */
const SECRET_NAME = /signature|securitytoken|security-token|password|secret|token|credential/i;
/** A parameter or header that names an access key: keep its start and end. */
const KEY_NAME = /^(accesskeyid|access-key-id|x-acs-accesskey-id)$/i;

/** `LTAI5tExample123` → `LTAI…23`; short values are masked whole. */
export function maskKeyId(value: string): string {
  return value.length <= 8 ? MASK : `${value.slice(0, 4)}…${value.slice(-2)}`;
}

/** A V3 `Authorization` header with the key id shortened and the signature hidden. */
export function maskAuthorization(value: string): string {
  if (!value.trimStart().startsWith('ACS3-')) return MASK;
  return value
    .replace(/Credential=([^,\s]+)/, (_m, id: string) => `Credential=${maskKeyId(id)}`)
    .replace(/Signature=([^,\s]+)/, `Signature=${MASK}`);
}

/** The value to show for parameter or header `name`. */
export function maskValue(name: string, value: string): string {
  if (KEY_NAME.test(name)) return maskKeyId(value);
  if (name.toLowerCase() === 'authorization') return maskAuthorization(value);
  // SignatureMethod/SignatureVersion/SignatureNonce/SignatureType say how, not what: safe to show.
  if (/^Signature(Method|Version|Nonce|Type)$/.test(name)) return value;
  return SECRET_NAME.test(name) ? MASK : value;
}

/** Parameters as a plain object with secrets masked (the last value wins for a repeated name). */
export function maskParams(params: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) out[k] = maskValue(k, v);
  return out;
}
