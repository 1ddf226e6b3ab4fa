import type { Migration } from '../context.js';

export const resourceGroupsMigrations: readonly Migration[] = [
  {
    id: '001_resource_groups',
    sql: `CREATE TABLE IF NOT EXISTS resource_groups (
      id TEXT NOT NULL,
      account_id INTEGER NOT NULL,
      name TEXT NOT NULL,
      display_name TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'OK',
      is_default INTEGER NOT NULL DEFAULT 0,
      create_date TEXT NOT NULL,
      PRIMARY KEY (account_id, id)
    );`,
  },
];
