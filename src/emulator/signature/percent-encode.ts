/**
 * RFC 3986 percent-encoding as Alibaba's signers use it: unreserved
 * `A-Z a-z 0-9 - _ . ~` stay, everything else becomes `%XY` (upper-case hex, UTF-8).
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
