import type { Migration } from '../context.js';

export const disksMigrations: readonly Migration[] = [
  {
    // The table and indexes the instances family used to create (databases made before the move already have them).
    id: '001_disks',
    sql: `CREATE TABLE IF NOT EXISTS disks (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      instance_id TEXT NOT NULL DEFAULT '',
      type TEXT NOT NULL,
      size_gib INTEGER NOT NULL,
      category TEXT NOT NULL,
      device TEXT NOT NULL DEFAULT '',
      resource_group_id TEXT NOT NULL DEFAULT '',
      image_id TEXT NOT NULL DEFAULT '',
      creation_time TEXT NOT NULL,
      position INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS disks_listing ON disks (account_id, region_id, creation_time DESC, instance_id, position, id);
    CREATE INDEX IF NOT EXISTS disks_by_instance_position ON disks (instance_id, position, id);
    DROP INDEX IF EXISTS disks_by_instance;`,
  },
  {
    // Stand-alone disks (CreateDisk, AttachDisk, DetachDisk): names, commanded status with its time, release flags, encryption.
    id: '002_disk_attributes',
    sql: `ALTER TABLE disks ADD COLUMN name TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN description TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN status TEXT NOT NULL DEFAULT 'In_use';
    ALTER TABLE disks ADD COLUMN status_since INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE disks ADD COLUMN last_instance_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN delete_with_instance INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE disks ADD COLUMN delete_auto_snapshot INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE disks ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE disks ADD COLUMN kms_key_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN performance_level TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN source_snapshot_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN attached_time TEXT NOT NULL DEFAULT '';
    ALTER TABLE disks ADD COLUMN detached_time TEXT NOT NULL DEFAULT '';
    UPDATE disks SET attached_time = creation_time WHERE instance_id != '';
    UPDATE disks SET performance_level = 'PL1' WHERE category = 'cloud_essd';
    CREATE INDEX IF NOT EXISTS disks_by_snapshot ON disks (source_snapshot_id) WHERE source_snapshot_id != '';`,
  },
  {
    // ESSD AutoPL performance (cloud_auto only) and the encryption algorithm of encrypted disks.
    id: '003_disk_performance',
    sql: `ALTER TABLE disks ADD COLUMN bursting_enabled INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE disks ADD COLUMN provisioned_iops INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE disks ADD COLUMN encrypt_algorithm TEXT NOT NULL DEFAULT '';`,
  },
];
