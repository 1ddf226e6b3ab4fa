import type { Migration } from '../context.js';
import { clientTokensTableSql } from '../db/client-tokens.js';
import { imageTransferMigrations } from './transfer-migrations.js';

export const imagesMigrations: readonly Migration[] = [
  {
    id: '001_images',
    sql: `CREATE TABLE IF NOT EXISTS images (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      owner_alias TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      family TEXT NOT NULL DEFAULT '',
      version TEXT NOT NULL DEFAULT '',
      platform TEXT NOT NULL,
      os_type TEXT NOT NULL,
      os_name TEXT NOT NULL,
      os_name_en TEXT NOT NULL,
      architecture TEXT NOT NULL,
      boot_mode TEXT NOT NULL,
      size_gib INTEGER NOT NULL,
      deprecated INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      create_seconds REAL NOT NULL,
      fail INTEGER NOT NULL DEFAULT 0,
      resource_group_id TEXT NOT NULL DEFAULT '',
      license_type TEXT NOT NULL DEFAULT '',
      nvme_support TEXT NOT NULL DEFAULT '',
      imds_support TEXT NOT NULL DEFAULT '',
      detection_strategy TEXT NOT NULL DEFAULT '',
      secure_boot TEXT NOT NULL DEFAULT '',
      product_code TEXT NOT NULL DEFAULT '',
      is_public INTEGER NOT NULL DEFAULT 0,
      source_instance_id TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS images_by_account ON images (account_id, region_id);
    CREATE TABLE IF NOT EXISTS image_disk_mappings (
      image_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      device TEXT NOT NULL,
      type TEXT NOT NULL,
      snapshot_id TEXT NOT NULL DEFAULT '',
      size_gib INTEGER NOT NULL,
      format TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (image_id, position)
    );
    CREATE INDEX IF NOT EXISTS mappings_by_snapshot ON image_disk_mappings (snapshot_id);
    ${clientTokensTableSql};`,
  },
  {
    // DescribeImages pages in SQL: visibility + ordering + the status columns in one covering index.
    id: '002_images_listing_index',
    sql: `DROP INDEX IF EXISTS images_by_account;
    CREATE INDEX IF NOT EXISTS images_listing ON images (account_id, region_id, created_at DESC, id, create_seconds, fail, deprecated);`,
  },
  {
    // CopyImage and sharing (issue 15): a copy remembers its source; shares are one row per (image, account).
    id: '003_image_copies_and_shares',
    sql: `ALTER TABLE images ADD COLUMN copied_from TEXT NOT NULL DEFAULT '';
    ALTER TABLE images ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE images ADD COLUMN kms_key_id TEXT NOT NULL DEFAULT '';
    CREATE TABLE IF NOT EXISTS image_shares (
      image_id TEXT NOT NULL,
      account_id INTEGER NOT NULL,
      shared_at INTEGER NOT NULL,
      PRIMARY KEY (image_id, account_id)
    );
    CREATE INDEX IF NOT EXISTS image_shares_by_account ON image_shares (account_id, image_id);`,
  },
  ...imageTransferMigrations,
];
