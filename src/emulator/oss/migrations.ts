import type { Migration } from '../context.js';

/** Buckets are named globally (one namespace for every account); objects keep their bodies as blobs. */
export const ossMigrations: readonly Migration[] = [
  {
    id: '001_oss',
    sql: `CREATE TABLE IF NOT EXISTS oss_buckets (
      name TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      acl TEXT NOT NULL,
      storage_class TEXT NOT NULL,
      redundancy TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS oss_buckets_by_account ON oss_buckets (account_id, region_id);
    CREATE TABLE IF NOT EXISTS oss_objects (
      bucket TEXT NOT NULL,
      key TEXT NOT NULL,
      body BLOB NOT NULL,
      size INTEGER NOT NULL,
      etag TEXT NOT NULL,
      content_type TEXT NOT NULL,
      meta TEXT NOT NULL DEFAULT '{}',
      modified_at INTEGER NOT NULL,
      PRIMARY KEY (bucket, key)
    );`,
  },
];
