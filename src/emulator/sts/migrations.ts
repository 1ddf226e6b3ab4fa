import type { Migration } from '../context.js';

export const stsMigrations: readonly Migration[] = [
  {
    id: '001_sts_sessions',
    sql: `CREATE TABLE IF NOT EXISTS sts_sessions (
      access_key_id TEXT PRIMARY KEY,
      access_key_secret TEXT NOT NULL,
      security_token TEXT NOT NULL,
      account_id INTEGER NOT NULL,
      role_name TEXT NOT NULL,
      role_id TEXT NOT NULL,
      session_name TEXT NOT NULL,
      via TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      policy TEXT,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sts_key_usage (
      access_key_id TEXT NOT NULL,
      action TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (access_key_id, action)
    );`,
  },
];
