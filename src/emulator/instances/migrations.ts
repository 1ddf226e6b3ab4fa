import type { Migration } from '../context.js';

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
    CREATE TABLE IF NOT EXISTS disks (
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
    CREATE INDEX IF NOT EXISTS disks_by_instance ON disks (instance_id);`,
  },
];
