import type { Migration } from '../context.js';

export const tagsMigrations: readonly Migration[] = [
  {
    id: '001_tags',
    sql: `CREATE TABLE IF NOT EXISTS tags (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id INTEGER NOT NULL,
      resource_type TEXT NOT NULL,
      resource_id TEXT NOT NULL,
      tag_key TEXT NOT NULL,
      tag_value TEXT NOT NULL,
      UNIQUE (account_id, resource_type, resource_id, tag_key)
    );`,
  },
];
