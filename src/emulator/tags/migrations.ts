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
  {
    // ListTagResources pages in SQL: a resource type's rows by resource then insertion, covering.
    id: '002_tags_listing_index',
    sql: 'CREATE INDEX IF NOT EXISTS tags_listing ON tags (account_id, resource_type, resource_id, seq, tag_key, tag_value);',
  },
];
