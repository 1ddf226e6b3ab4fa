/**
 * OSS header signature V1 (api-wave2.md §8.4): `Authorization: OSS <AccessKeyId>:<Signature>`,
 * Signature = base64(HMAC-SHA1(secret, VERB \n Content-MD5 \n Content-Type \n Date \n
 * CanonicalizedOSSHeaders CanonicalizedResource)). The Date line is the `Date` header, or the
 * `x-oss-date` header when a client (ali-oss) signs that instead. V4 (`OSS4-HMAC-SHA256`) and
 * presigned URLs are refused with a clear InvalidArgument rather than half-checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Credential } from '../accounts.js';
import { accessDenied, invalidAccessKeyId, invalidArgument, signatureDoesNotMatch } from './errors.js';

/** Query keys that are sub-resources and so part of the CanonicalizedResource (the others, like `prefix`, are not). */
const SUB_RESOURCES = new Set([
  'acl', 'append', 'bucketInfo', 'cname', 'comp', 'continuation-token', 'cors', 'delete', 'endTime', 'img', 'inventory', 'lifecycle', 'live', 'location',
  'logging', 'objectMeta', 'partNumber', 'policy', 'position', 'qos', 'referer', 'replication', 'replicationLocation',
  'replicationProgress', 'requestPayment', 'restore', 'security-token', 'startTime', 'stat', 'status', 'style', 'styleName',
  'symlink', 'tagging', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'vod', 'website', 'worm', 'wormExtend',
  'wormId', 'x-oss-process', 'response-content-type', 'response-content-language', 'response-expires', 'response-cache-control',
  'response-content-disposition', 'response-content-encoding',
]); // prettier-ignore

/** Allowed distance between the signed date and the emulator's clock (15 minutes, like OSS). */
export const OSS_SKEW_MS = 15 * 60 * 1000;

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v.join(',') : v) ?? '';
}

/** CanonicalizedResource: `/bucket/key` (`/bucket/` for bucket operations, `/` for the service) plus sorted sub-resources. */
export function canonicalResource(bucket: string, key: string, query: readonly (readonly [string, string])[]): string {
  const path = bucket ? `/${bucket}/${key}` : '/';
  const subs = query
    .filter(([k]) => SUB_RESOURCES.has(k))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .sort();
  return subs.length > 0 ? `${path}?${subs.join('&')}` : path;
}

/** The V1 string to sign for these request parts, with `dateLine` in the Date position. */
export function stringToSign(method: string, headers: IncomingHttpHeaders, dateLine: string, resource: string): string {
  const ossHeaders = Object.keys(headers)
    .filter((k) => k.startsWith('x-oss-'))
    .sort()
    .map((k) => `${k}:${header(headers, k).trim()}\n`)
    .join('');
  return `${method}\n${header(headers, 'content-md5')}\n${header(headers, 'content-type')}\n${dateLine}\n${ossHeaders}${resource}`;
}

export function signV1(secret: string, toSign: string): string {
  return createHmac('sha1', secret).update(toSign, 'utf8').digest('base64');
}

/** RFC 1123 (`Date`) or, from V1 clients that send it there, the same form in `x-oss-date`. */
function signedTime(value: string): number {
  return value ? Date.parse(value) : NaN;
}

/**
 * The credential whose key signed the request, or throws the OSS error: AccessDenied (unsigned,
 * no or skewed date), InvalidArgument (malformed or unsupported scheme), InvalidAccessKeyId,
 * SignatureDoesNotMatch (with the string the emulator signed, as OSS returns it).
 */
export function authenticateOss(
  req: { method: string; headers: IncomingHttpHeaders; resource: string; query: readonly (readonly [string, string])[] },
  credentials: ReadonlyMap<string, Credential>,
  now: Date,
): Credential {
  const auth = header(req.headers, 'authorization');
  if (!auth) {
    if (req.query.some(([k]) => k === 'OSSAccessKeyId' || k === 'x-oss-signature')) {
      throw invalidArgument('The emulator does not accept presigned URLs: sign requests with the Authorization header (OSS signature V1).');
    }
    throw accessDenied('You have no right to access this object: every emulator bucket is private, so requests must be signed.');
  }
  if (auth.startsWith('OSS4-HMAC-SHA256')) {
    throw invalidArgument(
      'The emulator checks OSS signature V1 only (Authorization: OSS <AccessKeyId>:<Signature>), the default of the official clients; turn V4 off (ali-oss: authorizationV4 false).',
      'Authorization',
      'OSS4-HMAC-SHA256',
    );
  }
  const m = /^OSS ([^:\s]+):(\S+)$/.exec(auth.trim());
  if (!m)
    throw invalidArgument(
      'Authorization header is invalid: expected "OSS <AccessKeyId>:<Signature>".',
      'Authorization',
      auth.slice(0, 100),
    );
  const [, id, provided] = m as unknown as [string, string, string];
  const dates = [header(req.headers, 'date'), header(req.headers, 'x-oss-date')].filter((d) => d !== '');
  if (dates.length === 0) throw accessDenied('OSS authentication requires a valid Date (or x-oss-date) header.');
  const at = signedTime(dates[0]!);
  if (Number.isNaN(at)) throw accessDenied(`The Date header "${dates[0]!.slice(0, 60)}" is not an RFC 1123 date.`);
  if (Math.abs(now.getTime() - at) > OSS_SKEW_MS) {
    throw accessDenied('The difference between the request time and the current time is too large (over 15 minutes).');
  }
  const cred = credentials.get(id);
  if (!cred) throw invalidAccessKeyId(id);
  const candidates = dates.map((d) => stringToSign(req.method, req.headers, d, req.resource));
  const want = Buffer.from(provided);
  for (const s of candidates) {
    const got = Buffer.from(signV1(cred.secret, s));
    if (got.length === want.length && timingSafeEqual(got, want)) return cred;
  }
  throw signatureDoesNotMatch(candidates[0]!, provided, id);
}
