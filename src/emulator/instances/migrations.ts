import type { Migration } from '../context.js';
import { moveClientTokensSql } from '../db/client-tokens.js';

export const instancesMigrations: readonly Migration[] = [
  {
    id: '001_instances',
    sql: `CREATE TABLE IF NOT EXISTS instances (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      instance_type TEXT NOT NULL,
      image_id TEXT NOT NULL,
      status TEXT NOT NULL,
      status_since INTEGER NOT NULL,
      vpc_id TEXT NOT NULL DEFAULT '',
      vswitch_id TEXT NOT NULL DEFAULT '',
      private_ip TEXT NOT NULL DEFAULT '',
      security_group_ids TEXT NOT NULL DEFAULT '[]',
      resource_group_id TEXT NOT NULL,
      creation_time TEXT NOT NULL,
      internet_max_bandwidth_out INTEGER NOT NULL DEFAULT 0,
      locks TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX IF NOT EXISTS instances_by_account ON instances (account_id, region_id);
    -- The disks table moved to the disks family (disks/migrations.ts).`,
  },
  {
    // Attributes RunInstances / ModifyInstanceAttribute set, the OS recorded at launch, and ClientToken memory.
    id: '002_instance_lifecycle',
    sql: `ALTER TABLE instances ADD COLUMN host_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE instances ADD COLUMN has_password INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE instances ADD COLUMN deletion_protection INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE instances ADD COLUMN internet_charge_type TEXT NOT NULL DEFAULT 'PayByTraffic';
    ALTER TABLE instances ADD COLUMN instance_charge_type TEXT NOT NULL DEFAULT 'PostPaid';
    ALTER TABLE instances ADD COLUMN public_ip TEXT NOT NULL DEFAULT '';
    ALTER TABLE instances ADD COLUMN platform TEXT NOT NULL DEFAULT '';
    ALTER TABLE instances ADD COLUMN os_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE instances ADD COLUMN os_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE instances ADD COLUMN os_name_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE instances ADD COLUMN start_time TEXT NOT NULL DEFAULT '';
    CREATE INDEX IF NOT EXISTS instances_by_image ON instances (account_id, image_id);`,
  },
  {
    // DescribeInstances pages in SQL: scope + order (+ the status columns) in one index (the disks indexes are the disks family's).
    id: '003_instances_listing_indexes',
    sql: `DROP INDEX IF EXISTS instances_by_account;
    CREATE INDEX IF NOT EXISTS instances_listing ON instances (account_id, region_id, creation_time DESC, id, status, status_since);`,
  },
  {
    // Older databases kept RunInstances tokens in their own table: move them to the shared one.
    id: '004_shared_client_tokens',
    sql: moveClientTokensSql('instance_client_tokens'),
  },
  {
    // Key pair, subscription, spot, stop mode, user data and secondary IPs: one JSON column (InstanceExtra).
    id: '005_instance_extra',
    sql: `ALTER TABLE instances ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';`,
  },
];
