import type { Migration } from '../context.js';

export const snapshotsMigrations: readonly Migration[] = [
  {
    id: '001_snapshots',
    sql: `CREATE TABLE IF NOT EXISTS snapshots (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      source_disk_id TEXT NOT NULL,
      source_disk_size INTEGER NOT NULL,
      source_disk_type TEXT NOT NULL,
      source_storage_type TEXT NOT NULL,
      instance_id TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      ready_at INTEGER NOT NULL,
      resource_group_id TEXT NOT NULL DEFAULT '',
      snapshot_type TEXT NOT NULL DEFAULT 'user',
      category TEXT NOT NULL DEFAULT 'standard',
      encrypted INTEGER NOT NULL DEFAULT 0,
      retention_days INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS snapshots_by_account ON snapshots (account_id, region_id);`,
  },
  {
    // DescribeSnapshots pages in SQL: scope + order + the status column in one covering index.
    id: '002_snapshots_listing_index',
    sql: `DROP INDEX IF EXISTS snapshots_by_account;
    CREATE INDEX IF NOT EXISTS snapshots_listing ON snapshots (account_id, region_id, created_at DESC, id, ready_at);`,
  },
];
