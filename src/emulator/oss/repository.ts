/** OSS storage: buckets (global names) and objects (bodies as blobs). Only this module holds OSS SQL. */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';

export interface BucketRecord {
  name: string;
  accountId: number;
  regionId: string;
  acl: string;
  storageClass: string;
  redundancy: string;
  createdAt: number;
}

export interface ObjectHead {
  bucket: string;
  key: string;
  size: number;
  /** Upper-case MD5 hex, without quotes. */
  etag: string;
  contentType: string;
  meta: Record<string, string>;
  modifiedAt: number;
}

export interface ObjectRecord extends ObjectHead {
  body: Buffer;
}

interface BucketRow {
  name: string;
  account_id: number;
  region_id: string;
  acl: string;
  storage_class: string;
  redundancy: string;
  created_at: number;
}
interface ObjectRow {
  bucket: string;
  key: string;
  body?: Buffer;
  size: number;
  etag: string;
  content_type: string;
  meta: string;
  modified_at: number;
}

const toBucket = (r: BucketRow): BucketRecord => ({
  name: r.name,
  accountId: r.account_id,
  regionId: r.region_id,
  acl: r.acl,
  storageClass: r.storage_class,
  redundancy: r.redundancy,
  createdAt: r.created_at,
});
const toHead = (r: ObjectRow): ObjectHead => ({
  bucket: r.bucket,
  key: r.key,
  size: r.size,
  etag: r.etag,
  contentType: r.content_type,
  meta: JSON.parse(r.meta) as Record<string, string>,
  modifiedAt: r.modified_at,
});

export function getBucket(db: Database.Database, name: string): BucketRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM oss_buckets WHERE name = ?').get(name) as BucketRow | undefined;
  return row && toBucket(row);
}

export function insertBucket(db: Database.Database, b: BucketRecord): void {
  cachedStatement(
    db,
    'INSERT INTO oss_buckets (name, account_id, region_id, acl, storage_class, redundancy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(b.name, b.accountId, b.regionId, b.acl, b.storageClass, b.redundancy, b.createdAt);
}

export function countBuckets(db: Database.Database, accountId: number, regionId: string): number {
  return (
    cachedStatement(db, 'SELECT COUNT(*) AS n FROM oss_buckets WHERE account_id = ? AND region_id = ?').get(accountId, regionId) as {
      n: number;
    }
  ).n;
}

export function listBuckets(db: Database.Database, accountId: number): BucketRecord[] {
  return (cachedStatement(db, 'SELECT * FROM oss_buckets WHERE account_id = ? ORDER BY name').all(accountId) as BucketRow[]).map(toBucket);
}

export function deleteBucket(db: Database.Database, name: string): void {
  cachedStatement(db, 'DELETE FROM oss_buckets WHERE name = ?').run(name);
}

export function bucketIsEmpty(db: Database.Database, name: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM oss_objects WHERE bucket = ? LIMIT 1').get(name) === undefined;
}

/** Write (or overwrite) an object. */
export function putObject(db: Database.Database, o: ObjectRecord): void {
  cachedStatement(
    db,
    `INSERT OR REPLACE INTO oss_objects (bucket, key, body, size, etag, content_type, meta, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.bucket, o.key, o.body, o.size, o.etag, o.contentType, JSON.stringify(o.meta), o.modifiedAt);
}

export function headObject(db: Database.Database, bucket: string, key: string): ObjectHead | undefined {
  const row = cachedStatement(
    db,
    'SELECT bucket, key, size, etag, content_type, meta, modified_at FROM oss_objects WHERE bucket = ? AND key = ?',
  ).get(bucket, key) as ObjectRow | undefined;
  return row && toHead(row);
}

export function getObject(db: Database.Database, bucket: string, key: string): ObjectRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM oss_objects WHERE bucket = ? AND key = ?').get(bucket, key) as ObjectRow | undefined;
  return row && { ...toHead(row), body: row.body! };
}

export function deleteObject(db: Database.Database, bucket: string, key: string): void {
  cachedStatement(db, 'DELETE FROM oss_objects WHERE bucket = ? AND key = ?').run(bucket, key);
}

/** Keys after `marker` starting with `prefix`, in key order, at most `limit` (callers ask one more to learn truncation). */
export function listObjects(db: Database.Database, bucket: string, prefix: string, marker: string, limit: number): ObjectHead[] {
  // Range on the primary key; the prefix test is exact (substr), so LIKE wildcards in keys do not matter.
  return (
    cachedStatement(
      db,
      `SELECT bucket, key, size, etag, content_type, meta, modified_at FROM oss_objects
       WHERE bucket = ? AND key > ? AND substr(key, 1, length(?)) = ? ORDER BY key LIMIT ?`,
    ).all(bucket, marker, prefix, prefix, limit) as ObjectRow[]
  ).map(toHead);
}
