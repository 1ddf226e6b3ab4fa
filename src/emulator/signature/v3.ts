/**
 * Signature V3 (`ACS3-HMAC-SHA256`), `docs/ecs-api.md` 1.5.
 *
 * CanonicalRequest = METHOD \n URI \n sorted query \n `name:value\n` per signed header \n
 * signed header names \n hashed payload; StringToSign = `ACS3-HMAC-SHA256\n` + hex(SHA-256(it));
 * signature = hex(HMAC-SHA256(secret, StringToSign)).
 */
import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** The parts of a V3 request that enter the canonical request. */
export interface V3Request {
  method: string;
  path: string;
  /** Decoded URL query parameters only (body parameters are not signed here). */
  query: ReadonlyMap<string, string>;
  /** Lower-case signed header names in the order the client listed them. */
  signedHeaders: readonly string[];
  /** All values received for a header (lower-case name). */
  headerValues(name: string): readonly string[];
  /** Value of `x-acs-content-sha256`. */
  hashedPayload: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function v3CanonicalRequest(r: V3Request): string {
  const uri = r.path; // the API lives on `/` only, which encodes to itself
  const keys = [...r.query.keys()].sort();
  const query = keys.map((k) => `${percentEncode(k)}=${percentEncode(r.query.get(k) ?? '')}`).join('&');
  const names = [...r.signedHeaders].map((h) => h.toLowerCase()).sort();
  const headers = names
    .map(
      (n) =>
        `${n}:${[...r.headerValues(n)]
          .map((v) => v.trim())
          .sort()
          .join(',')}\n`,
    )
    .join('');
  return [r.method.toUpperCase(), uri, query, headers, names.join(';'), r.hashedPayload].join('\n');
}

export function v3StringToSign(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function v3Sign(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

/** Parsed `Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`. */
export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parse the Authorization header; returns a reason string when it is malformed. */
export function parseV3Authorization(header: string): V3Authorization | string {
  const m = /^(\S+)\s+(.*)$/.exec(header.trim());
  if (!m) return 'the Authorization header must be "ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=..."';
  const fields = new Map<string, string>();
  for (const part of m[2]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId) return 'the Authorization header has no Credential';
  if (!signed) return 'the Authorization header has no SignedHeaders';
  if (!signature) return 'the Authorization header has no Signature';
  return {
    algorithm: m[1]!,
    accessKeyId,
    signedHeaders: signed
      .split(';')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    signature,
  };
}
