import type { Migration } from '../context.js';

/** ImportImage/ExportImage: the tasks they start, and the bucket and object an imported disk came from. */
export const imageTransferMigrations: readonly Migration[] = [
  {
    id: '010_image_transfer',
    sql: `CREATE TABLE IF NOT EXISTS image_tasks (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      action TEXT NOT NULL,
      resource_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      finish_at INTEGER NOT NULL,
      fail INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS image_tasks_by_account ON image_tasks (account_id, region_id, created_at);
    ALTER TABLE image_disk_mappings ADD COLUMN import_oss_bucket TEXT NOT NULL DEFAULT '';
    ALTER TABLE image_disk_mappings ADD COLUMN import_oss_object TEXT NOT NULL DEFAULT '';`,
  },
];
