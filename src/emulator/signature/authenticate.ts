/**
 * Server-side signature verification (`docs/ecs-api.md` 1.6): V3 when the
 * `Authorization` header starts with `ACS3-`, otherwise V1 parameters. Checks, in
 * order: required signature fields, known key, signature, timestamp window, nonce reuse.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { timestampWindowMs } from '../../spec/ecs/common.js';
import type { Credential } from '../accounts.js';
import { apiError, invalidMessage, missingMessage } from '../errors.js';
import type { NonceStore } from './nonce-store.js';
import { v1Sign, v1StringToSign } from './v1.js';
import { V3_ALGORITHM, parseV3Authorization, sha256Hex, v3CanonicalRequest, v3Sign, v3StringToSign } from './v3.js';

/** What the core knows about a request before authenticating it. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  headersDistinct: Record<string, string[] | undefined>;
  /** Decoded URL query. */
  query: ReadonlyMap<string, string>;
  /** Query and form body merged (body wins). */
  params: ReadonlyMap<string, string>;
  body: Buffer;
}

export interface Authenticated {
  credential: Credential;
  /** True when the key is a temporary STS key (checked with its SecurityToken). */
  temporary?: boolean;
  /** Action and version as the request names them (V3 headers, else parameters); may be empty. */
  action: string;
  version: string;
  signatureVersion: 'v1' | 'v3';
}

/** A temporary key STS issued, as the core finds it for {@link AuthOptions.temporaryKey}. */
export interface TemporaryKey {
  credential: Credential;
  securityToken: string;
  /** True when the key's session has ended (then every request with it is refused). */
  expired: boolean;
}

export interface AuthOptions {
  credentials: ReadonlyMap<string, Credential>;
  /** Looks up a key id that is not a configured key pair among the temporary keys STS issued. */
  temporaryKey?: (accessKeyId: string) => TemporaryKey | undefined;
  nonces: NonceStore;
  now: Date;
}

// Strict ISO-8601 UTC as the signers write it (`yyyy-MM-ddTHH:mm:ssZ`, optional fraction).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Check the signed time against the window; returns it in milliseconds. */
function checkTimestamp(name: string, value: string, now: Date): number {
  const t = TIMESTAMP.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(t)) {
    throw apiError('IllegalTimestamp', invalidMessage(name, `must be a UTC time in the form yyyy-MM-ddTHH:mm:ssZ, got "${value}"`));
  }
  if (Math.abs(t - now.getTime()) > timestampWindowMs) {
    throw apiError(
      'IllegalTimestamp',
      invalidMessage(name, `must be within 15 minutes of the server time ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}, got "${value}"`),
    );
  }
  return t;
}

/**
 * The credential of a key id: a configured key pair, or a temporary STS key whose SecurityToken
 * (V1 parameter `SecurityToken`, V3 header `x-acs-security-token`) must come with it and match.
 */
function lookupKey(o: AuthOptions, accessKeyId: string, securityToken: string | undefined): { credential: Credential; temporary: boolean } {
  const credential = o.credentials.get(accessKeyId);
  if (credential) return { credential, temporary: false };
  const temp = o.temporaryKey?.(accessKeyId);
  if (!temp) throw apiError('InvalidAccessKeyId.NotFound', `Specified access key is not found: "${accessKeyId}".`);
  if (!securityToken)
    throw apiError(
      'MissingSecurityToken',
      `The access key "${accessKeyId}" is a temporary STS key: send its SecurityToken (V1 parameter SecurityToken, V3 header x-acs-security-token).`,
    );
  if (securityToken !== temp.securityToken)
    throw apiError('InvalidSecurityToken.MismatchWithAccessKey', `Specified SecurityToken mismatch with the AccessKey "${accessKeyId}".`);
  if (temp.expired)
    throw apiError(
      'InvalidSecurityToken.Expired',
      `Specified SecurityToken is expired: assume the role again for new keys (key "${accessKeyId}").`,
    );
  return { credential: temp.credential, temporary: true };
}

function useNonce(o: AuthOptions, accessKeyId: string, nonce: string, signedAtMs: number): void {
  if (!o.nonces.use(accessKeyId, nonce, signedAtMs, o.now.getTime())) {
    throw apiError(
      'SignatureNonceUsed',
      `Specified signature nonce was used already: "${nonce}". Use a new SignatureNonce for every request.`,
    );
  }
}

function mismatch(stringToSign: string): Error {
  return apiError(
    'SignatureDoesNotMatch',
    `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
  );
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function authenticateV1(req: SignedRequest, o: AuthOptions): Authenticated {
  const p = req.params;
  for (const name of ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp']) {
    if (!p.get(name)) throw apiError('MissingParameter', missingMessage(name));
  }
  if (p.get('SignatureMethod') !== 'HMAC-SHA1') {
    throw apiError(
      'IncompleteSignature',
      invalidMessage('SignatureMethod', 'must be "HMAC-SHA1" (or use an ACS3-HMAC-SHA256 Authorization header)'),
    );
  }
  if (p.get('SignatureVersion') !== '1.0') throw apiError('IncompleteSignature', invalidMessage('SignatureVersion', 'must be "1.0"'));
  const { credential, temporary } = lookupKey(o, p.get('AccessKeyId')!, p.get('SecurityToken'));
  const stringToSign = v1StringToSign(req.method, p);
  if (v1Sign(stringToSign, credential.secret) !== p.get('Signature')) throw mismatch(stringToSign);
  const signedAt = checkTimestamp('Timestamp', p.get('Timestamp')!, o.now);
  useNonce(o, credential.account.accessKeyId, p.get('SignatureNonce')!, signedAt);
  return { credential, temporary, action: p.get('Action') ?? '', version: p.get('Version') ?? '', signatureVersion: 'v1' };
}

// Headers a V3 signature must cover so action, time, nonce and body cannot be swapped.
const REQUIRED_V3_SIGNED = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

function authenticateV3(req: SignedRequest, o: AuthOptions, authorization: string): Authenticated {
  const auth = parseV3Authorization(authorization);
  if (typeof auth === 'string') throw apiError('IncompleteSignature', `The request signature is incomplete: ${auth}.`);
  if (auth.algorithm !== V3_ALGORITHM) {
    throw apiError('IncompleteSignature', `The signature algorithm "${auth.algorithm}" is not supported: use ${V3_ALGORITHM}.`);
  }
  for (const h of REQUIRED_V3_SIGNED) {
    if (!single(req.headers, h))
      throw apiError('MissingParameter', `The input header "${h}" that is mandatory for processing this request is not supplied.`);
    if (!auth.signedHeaders.includes(h))
      throw apiError('IncompleteSignature', `The request signature is incomplete: SignedHeaders must include "${h}".`);
  }
  const { credential, temporary } = lookupKey(o, auth.accessKeyId, single(req.headers, 'x-acs-security-token'));
  const hashedPayload = single(req.headers, 'x-acs-content-sha256')!;
  const canonical = v3CanonicalRequest({
    method: req.method,
    path: req.path,
    query: req.query,
    signedHeaders: auth.signedHeaders,
    headerValues: (n) => req.headersDistinct[n] ?? [],
    hashedPayload,
  });
  const stringToSign = v3StringToSign(canonical);
  if (v3Sign(stringToSign, credential.secret) !== auth.signature.toLowerCase()) throw mismatch(stringToSign);
  if (hashedPayload.toLowerCase() !== sha256Hex(req.body)) {
    throw apiError(
      'SignatureDoesNotMatch',
      'The header "x-acs-content-sha256" does not match the SHA-256 (lower-case hex) of the request body.',
    );
  }
  const signedAt = checkTimestamp('x-acs-date', single(req.headers, 'x-acs-date')!, o.now);
  useNonce(o, credential.account.accessKeyId, single(req.headers, 'x-acs-signature-nonce')!, signedAt);
  return { credential, temporary, ...claimedAction(req.headers, req.params), signatureVersion: 'v3' };
}

/** Verify the request's signature; throws the ECS error for the first problem found. */
export function authenticate(req: SignedRequest, o: AuthOptions): Authenticated {
  const authorization = single(req.headers, 'authorization');
  if (isV3(req.headers)) return authenticateV3(req, o, authorization!);
  return authenticateV1(req, o);
}

/** True when the request is signed with V3 (an `Authorization: ACS3-...` header); else V1 parameters. */
export function isV3(headers: IncomingHttpHeaders): boolean {
  return single(headers, 'authorization')?.trimStart().startsWith('ACS3-') === true;
}

/** Action and version as {@link authenticate} will read them, for routing decisions made before it runs. */
export function claimedAction(headers: IncomingHttpHeaders, params: ReadonlyMap<string, string>): { action: string; version: string } {
  const v3 = isV3(headers);
  // An unsigned (anonymous) V3-style request names its action only in the headers.
  return {
    action: (v3 ? single(headers, 'x-acs-action') : undefined) ?? params.get('Action') ?? single(headers, 'x-acs-action') ?? '',
    version: (v3 ? single(headers, 'x-acs-version') : undefined) ?? params.get('Version') ?? single(headers, 'x-acs-version') ?? '',
  };
}
