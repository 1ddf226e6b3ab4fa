import type { Migration } from '../context.js';

export const ramMigrations: readonly Migration[] = [
  {
    id: '001_ram_roles',
    sql: `CREATE TABLE IF NOT EXISTS ram_roles (
      account_id INTEGER NOT NULL,
      name_key TEXT NOT NULL,
      role_name TEXT NOT NULL,
      role_id TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      document TEXT NOT NULL,
      max_session_duration INTEGER NOT NULL,
      create_date TEXT NOT NULL,
      update_date TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (account_id, name_key)
    );`,
  },
];
