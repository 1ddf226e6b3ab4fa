/**
 * The OSS operations the emulator serves (api-wave2.md §8.2): PutBucket, GetBucketInfo,
 * GetBucketLocation, DeleteBucket, ListBuckets, ListObjects (v1 and v2), PutObject, GetObject
 * (with one byte range), HeadObject, DeleteObject. Each takes the parsed request and returns
 * the answer; errors are thrown as {@link OssError} and serialized once by the listener.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Account } from '../context.js';
import {
  OssError,
  accessDenied,
  bucketAlreadyExists,
  bucketNotEmpty,
  entityTooLarge,
  invalidArgument,
  invalidBucketName,
  invalidDigest,
  invalidObjectName,
  methodNotAllowed,
  noSuchBucket,
  noSuchKey,
  notImplemented,
  tooManyBuckets,
} from './errors.js';
import * as repo from './repository.js';
import { xmlDocument, xmlElement, xmlText } from './xml.js';

/** Largest object body the emulator stores (it keeps bodies in SQLite). */
export const MAX_OBJECT_BYTES = 16 * 1024 * 1024;
/** Buckets per account and region (OSS: 100). */
export const MAX_BUCKETS_PER_REGION = 100;
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const ACLS = ['private', 'public-read', 'public-read-write'];
const STORAGE_CLASSES = ['Standard', 'IA', 'Archive', 'ColdArchive'];

export interface OssRequest {
  method: string;
  /** '' for the service (ListBuckets). */
  bucket: string;
  /** '' for bucket operations. */
  key: string;
  query: readonly (readonly [string, string])[];
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
  /** The region the request addressed (`oss-<region>.aliyuncs.com`), or undefined for path-style requests to 127.0.0.1. */
  addressedRegion: string | undefined;
}

export interface OssContext {
  db: Database.Database;
  account: Account;
  now: Date;
  /** The region new buckets go to when the request names none (path style). */
  defaultRegionId: string;
  regionExists(regionId: string): boolean;
}

export interface OssAnswer {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

const xmlAnswer = (xml: string): OssAnswer => ({ status: 200, headers: { 'Content-Type': 'application/xml' }, body: xmlDocument(xml) });
const iso = (ms: number) => new Date(ms).toISOString();

function header(req: OssRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
function param(req: OssRequest, name: string): string | undefined {
  return req.query.find(([k]) => k === name)?.[1];
}
const has = (req: OssRequest, name: string) => req.query.some(([k]) => k === name);

/** Route one request to its operation. */
export function runOss(ctx: OssContext, req: OssRequest): OssAnswer {
  if (!req.bucket) {
    if (req.method === 'GET') return listBuckets(ctx);
    throw methodNotAllowed(req.method);
  }
  if (!req.key) {
    if (req.method === 'PUT' && req.query.length === 0) return putBucket(ctx, req);
    const bucket = ownBucket(ctx, req);
    if (req.method === 'GET' && has(req, 'bucketInfo')) return bucketInfo(bucket);
    if (req.method === 'GET' && has(req, 'location')) return xmlAnswer(xmlElement('LocationConstraint', `oss-${bucket.regionId}`));
    if (req.method === 'DELETE' && req.query.length === 0) return removeBucket(ctx, bucket);
    if (req.method === 'HEAD' && req.query.length === 0) return { status: 200, headers: {} };
    if (req.method === 'GET' && req.query.every(([k]) => LIST_PARAMS.has(k))) return listObjects(ctx, bucket, req);
    throw notImplemented(`the bucket operation ${req.method} ${req.query.map(([k]) => `?${k}`).join('') || '/'}`);
  }
  if (Buffer.byteLength(req.key) > 1023) throw invalidObjectName('The object name is longer than 1023 bytes.');
  const bucket = ownBucket(ctx, req);
  const objectQuery = req.query.filter(([k]) => !k.startsWith('response-'));
  if (objectQuery.length > 0) throw notImplemented(`the object operation ${req.method} ?${objectQuery.map(([k]) => k).join('&')}`);
  switch (req.method) {
    case 'PUT':
      return putObject(ctx, bucket, req);
    case 'GET':
      return getObject(ctx, bucket, req, true);
    case 'HEAD':
      return getObject(ctx, bucket, req, false);
    case 'DELETE':
      repo.deleteObject(ctx.db, bucket.name, req.key);
      return { status: 204, headers: {} };
    default:
      throw methodNotAllowed(req.method);
  }
}

/** The addressed bucket when the caller's account owns it and the request used its region's endpoint. */
function ownBucket(ctx: OssContext, req: OssRequest): repo.BucketRecord {
  const b = repo.getBucket(ctx.db, req.bucket);
  if (!b) throw noSuchBucket(req.bucket);
  if (b.accountId !== ctx.account.accountId)
    throw accessDenied(`You have no right to access bucket "${b.name}": it belongs to another account.`);
  if (req.addressedRegion !== undefined && req.addressedRegion !== b.regionId) {
    throw new OssError('AccessDenied', 403, 'The bucket you are attempting to access must be addressed using the specified endpoint.', {
      BucketName: b.name,
      Endpoint: `oss-${b.regionId}.aliyuncs.com`,
    });
  }
  return b;
}

function putBucket(ctx: OssContext, req: OssRequest): OssAnswer {
  if (!BUCKET_NAME.test(req.bucket)) throw invalidBucketName(req.bucket);
  const regionId = req.addressedRegion ?? ctx.defaultRegionId;
  if (!ctx.regionExists(regionId))
    throw invalidArgument(`The region "${regionId}" of the endpoint is not an emulator region.`, 'Region', regionId);
  const acl = header(req, 'x-oss-acl') ?? 'private';
  if (!ACLS.includes(acl)) throw invalidArgument(`x-oss-acl must be one of ${ACLS.join(', ')}.`, 'x-oss-acl', acl);
  const config = req.body.toString('utf8');
  const storageClass = xmlText(config, 'StorageClass') ?? 'Standard';
  if (!STORAGE_CLASSES.includes(storageClass)) {
    throw invalidArgument(`StorageClass must be one of ${STORAGE_CLASSES.join(', ')}.`, 'StorageClass', storageClass);
  }
  const redundancy = xmlText(config, 'DataRedundancyType') ?? 'LRS';
  if (!['LRS', 'ZRS'].includes(redundancy))
    throw invalidArgument('DataRedundancyType must be LRS or ZRS.', 'DataRedundancyType', redundancy);
  // The namespace is global: an existing name is refused whoever owns it.
  if (repo.getBucket(ctx.db, req.bucket)) throw bucketAlreadyExists(req.bucket);
  if (repo.countBuckets(ctx.db, ctx.account.accountId, regionId) >= MAX_BUCKETS_PER_REGION) throw tooManyBuckets(MAX_BUCKETS_PER_REGION);
  repo.insertBucket(ctx.db, {
    name: req.bucket,
    accountId: ctx.account.accountId,
    regionId,
    acl,
    storageClass,
    redundancy,
    createdAt: ctx.now.getTime(),
  });
  return { status: 200, headers: { Location: `/${req.bucket}` } };
}

function removeBucket(ctx: OssContext, b: repo.BucketRecord): OssAnswer {
  if (!repo.bucketIsEmpty(ctx.db, b.name)) throw bucketNotEmpty(b.name);
  repo.deleteBucket(ctx.db, b.name);
  return { status: 204, headers: {} };
}

const owner = (accountId: number) => xmlElement('Owner', [xmlElement('ID', accountId), xmlElement('DisplayName', accountId)]);

function bucketInfo(b: repo.BucketRecord): OssAnswer {
  return xmlAnswer(
    xmlElement('BucketInfo', [
      xmlElement('Bucket', [
        xmlElement('Name', b.name),
        xmlElement('Location', `oss-${b.regionId}`),
        xmlElement('CreationDate', iso(b.createdAt)),
        xmlElement('ExtranetEndpoint', `oss-${b.regionId}.aliyuncs.com`),
        xmlElement('IntranetEndpoint', `oss-${b.regionId}-internal.aliyuncs.com`),
        xmlElement('StorageClass', b.storageClass),
        xmlElement('DataRedundancyType', b.redundancy),
        owner(b.accountId),
        xmlElement('AccessControlList', [xmlElement('Grant', b.acl)]),
        xmlElement('ServerSideEncryptionRule', [xmlElement('SSEAlgorithm', 'None')]),
      ]),
    ]),
  );
}

function listBuckets(ctx: OssContext): OssAnswer {
  const buckets = repo
    .listBuckets(ctx.db, ctx.account.accountId)
    .map((b) =>
      xmlElement('Bucket', [
        xmlElement('CreationDate', iso(b.createdAt)),
        xmlElement('ExtranetEndpoint', `oss-${b.regionId}.aliyuncs.com`),
        xmlElement('IntranetEndpoint', `oss-${b.regionId}-internal.aliyuncs.com`),
        xmlElement('Location', `oss-${b.regionId}`),
        xmlElement('Name', b.name),
        xmlElement('Region', b.regionId),
        xmlElement('StorageClass', b.storageClass),
      ]),
    );
  return xmlAnswer(xmlElement('ListAllMyBucketsResult', [owner(ctx.account.accountId), xmlElement('Buckets', buckets)]));
}

const LIST_PARAMS = new Set([
  'prefix', 'marker', 'delimiter', 'max-keys', 'encoding-type', 'list-type', 'continuation-token', 'start-after', 'fetch-owner',
]); // prettier-ignore

/** One page of keys and common prefixes after `after`, and whether more follow. */
function walk(db: Database.Database, bucket: string, prefix: string, after: string, delimiter: string, maxKeys: number) {
  const items: ({ key: repo.ObjectHead } | { prefix: string })[] = [];
  let cursor = after;
  while (items.length <= maxKeys) {
    const rows = repo.listObjects(db, bucket, prefix, cursor, maxKeys + 1);
    if (rows.length === 0) break;
    for (const row of rows) {
      cursor = row.key;
      const cut = delimiter ? row.key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const common = row.key.slice(0, cut + delimiter.length);
        items.push({ prefix: common });
        // Skip every other key under this common prefix (U+10FFFF sorts after any UTF-8 character).
        cursor = common + '\u{10FFFF}';
        break;
      }
      items.push({ key: row });
      if (items.length > maxKeys) break;
    }
  }
  const truncated = items.length > maxKeys;
  const page = items.slice(0, maxKeys);
  const last = page[page.length - 1];
  const next = last === undefined ? '' : 'key' in last ? last.key.key : last.prefix;
  return { page, truncated, next };
}

function listObjects(ctx: OssContext, b: repo.BucketRecord, req: OssRequest): OssAnswer {
  const v2 = param(req, 'list-type') === '2';
  const prefix = param(req, 'prefix') ?? '';
  const delimiter = param(req, 'delimiter') ?? '';
  const encoding = param(req, 'encoding-type');
  if (encoding !== undefined && encoding !== 'url') throw invalidArgument('encoding-type must be url.', 'encoding-type', encoding);
  const maxRaw = param(req, 'max-keys') ?? '100';
  const maxKeys = Number(maxRaw);
  if (!/^\d+$/.test(maxRaw) || maxKeys < 1 || maxKeys > 1000) {
    throw invalidArgument('max-keys must be a whole number from 1 to 1000.', 'max-keys', maxRaw);
  }
  const token = param(req, 'continuation-token');
  const after = v2
    ? token !== undefined
      ? Buffer.from(token, 'base64').toString('utf8')
      : (param(req, 'start-after') ?? '')
    : (param(req, 'marker') ?? '');
  const { page, truncated, next } = walk(ctx.db, b.name, prefix, after, delimiter, maxKeys);
  const enc = (s: string) => (encoding === 'url' ? encodeURIComponent(s) : s);
  const withOwner = !v2 || param(req, 'fetch-owner') === 'true';
  const contents = page.flatMap((it) =>
    'key' in it
      ? [
          xmlElement('Contents', [
            xmlElement('Key', enc(it.key.key)),
            xmlElement('LastModified', iso(it.key.modifiedAt)),
            xmlElement('ETag', `"${it.key.etag}"`),
            xmlElement('Type', 'Normal'),
            xmlElement('Size', it.key.size),
            xmlElement('StorageClass', b.storageClass),
            ...(withOwner ? [owner(b.accountId)] : []),
          ]),
        ]
      : [],
  );
  const prefixes = page.flatMap((it) => ('prefix' in it ? [xmlElement('CommonPrefixes', [xmlElement('Prefix', enc(it.prefix))])] : []));
  const head = v2
    ? [
        xmlElement('Name', b.name),
        xmlElement('Prefix', enc(prefix)),
        ...(token !== undefined ? [xmlElement('ContinuationToken', token)] : []),
        ...(param(req, 'start-after') !== undefined ? [xmlElement('StartAfter', enc(param(req, 'start-after')!))] : []),
        xmlElement('MaxKeys', maxKeys),
        xmlElement('Delimiter', enc(delimiter)),
        xmlElement('IsTruncated', truncated),
        ...(truncated ? [xmlElement('NextContinuationToken', Buffer.from(next, 'utf8').toString('base64'))] : []),
        xmlElement('KeyCount', page.length),
        ...(encoding ? [xmlElement('EncodingType', encoding)] : []),
      ]
    : [
        xmlElement('Name', b.name),
        xmlElement('Prefix', enc(prefix)),
        xmlElement('Marker', enc(after)),
        xmlElement('MaxKeys', maxKeys),
        xmlElement('Delimiter', enc(delimiter)),
        xmlElement('IsTruncated', truncated),
        ...(truncated ? [xmlElement('NextMarker', enc(next))] : []),
        ...(encoding ? [xmlElement('EncodingType', encoding)] : []),
      ];
  return xmlAnswer(xmlElement('ListBucketResult', [...head, ...contents, ...prefixes]));
}

/** `"<MD5 upper hex>"`, the ETag of a simple upload. */
export function etagOf(body: Buffer): string {
  return createHash('md5').update(body).digest('hex').toUpperCase();
}

function putObject(ctx: OssContext, b: repo.BucketRecord, req: OssRequest): OssAnswer {
  if (header(req, 'x-oss-copy-source')) throw notImplemented('CopyObject (x-oss-copy-source)');
  if (req.body.length > MAX_OBJECT_BYTES) throw entityTooLarge(MAX_OBJECT_BYTES);
  const md5 = header(req, 'content-md5');
  if (md5 !== undefined && md5 !== createHash('md5').update(req.body).digest('base64')) throw invalidDigest();
  if (header(req, 'x-oss-forbid-overwrite') === 'true' && repo.headObject(ctx.db, b.name, req.key)) {
    throw new OssError('FileAlreadyExists', 409, 'The object you specified already exists and can not be overwritten.');
  }
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k.startsWith('x-oss-meta-') && v !== undefined) meta[k] = String(v);
  const etag = etagOf(req.body);
  repo.putObject(ctx.db, {
    bucket: b.name,
    key: req.key,
    body: req.body,
    size: req.body.length,
    etag,
    contentType: header(req, 'content-type') ?? 'application/octet-stream',
    meta,
    modifiedAt: ctx.now.getTime(),
  });
  return { status: 200, headers: { ETag: `"${etag}"`, 'Content-MD5': Buffer.from(etag, 'hex').toString('base64') } };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → [start, end] inclusive; undefined for no or an unusable Range (OSS then sends it all). */
function byteRange(value: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const m = value === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') return size === 0 ? 'unsatisfiable' : [Math.max(0, size - Number(m[2])), size - 1];
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return start > end ? undefined : [start, end];
}

function getObject(ctx: OssContext, b: repo.BucketRecord, req: OssRequest, withBody: boolean): OssAnswer {
  const head = repo.headObject(ctx.db, b.name, req.key);
  if (!head) throw noSuchKey(b.name, req.key);
  const headers: Record<string, string> = {
    'Content-Type': param(req, 'response-content-type') ?? head.contentType,
    ETag: `"${head.etag}"`,
    'Last-Modified': new Date(head.modifiedAt).toUTCString(),
    'x-oss-object-type': 'Normal',
    'x-oss-storage-class': b.storageClass,
    'Content-MD5': Buffer.from(head.etag, 'hex').toString('base64'),
    'Accept-Ranges': 'bytes',
    ...head.meta,
  };
  const disposition = param(req, 'response-content-disposition');
  if (disposition !== undefined) headers['Content-Disposition'] = disposition;
  const range = byteRange(header(req, 'range'), head.size);
  if (range === 'unsatisfiable') throw new OssError('InvalidRange', 416, 'The requested range cannot be satisfied.');
  if (!withBody) return { status: 200, headers: { ...headers, 'Content-Length': String(head.size) } };
  const body = repo.getObject(ctx.db, b.name, req.key)!.body;
  if (!range) return { status: 200, headers, body };
  headers['Content-Range'] = `bytes ${range[0]}-${range[1]}/${head.size}`;
  return { status: 206, headers, body: body.subarray(range[0], range[1] + 1) };
}
