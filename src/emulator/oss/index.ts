/**
 * The OSS family: a minimal object storage (buckets and objects, api-wave2.md §8) served on the
 * emulator's port beside the ECS API (addressing and signatures: `listener.ts`, `signature.ts`).
 * It has no RPC actions; it owns its tables and answers the queries ImportImage and ExportImage
 * ask (`oss` in {@link FamilyQueries}).
 */
import type Database from 'better-sqlite3';
import type { Family } from '../context.js';
import { ossMigrations } from './migrations.js';
import { etagOf } from './operations.js';
import * as repo from './repository.js';

/** What other families may ask about object storage. */
export interface OssQueries {
  /** The bucket's region when `accountId` owns it; 'other-account' when someone else does; undefined when absent. */
  bucketRegion(db: Database.Database, accountId: number, bucket: string): string | 'other-account' | undefined;
  /** Size in bytes of an object, or undefined when absent. */
  objectSize(db: Database.Database, bucket: string, key: string): number | undefined;
  /** Write an object (ExportImage). */
  putObject(db: Database.Database, bucket: string, key: string, body: Buffer, contentType: string, now: Date): void;
}

declare module '../context.js' {
  interface FamilyQueries {
    oss: OssQueries;
  }
}

export const ossQueries: OssQueries = {
  bucketRegion(db, accountId, bucket) {
    const b = repo.getBucket(db, bucket);
    if (!b) return undefined;
    return b.accountId === accountId ? b.regionId : 'other-account';
  },
  objectSize: (db, bucket, key) => repo.headObject(db, bucket, key)?.size,
  putObject(db, bucket, key, body, contentType, now) {
    repo.putObject(db, { bucket, key, body, size: body.length, etag: etagOf(body), contentType, meta: {}, modifiedAt: now.getTime() });
  },
};

export const ossFamily: Family = {
  name: 'oss',
  product: 'Oss',
  specs: [],
  handlers: {},
  migrations: ossMigrations,
  queries: { oss: ossQueries },
};
