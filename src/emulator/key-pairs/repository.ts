/** SQLite storage of SSH key pairs, keyed by (account, region, name); only this file holds key pair SQL. */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';

export interface KeyPairRecord {
  accountId: number;
  regionId: string;
  name: string;
  fingerprint: string;
  publicKey: string;
  resourceGroupId: string;
  /** `yyyy-MM-ddTHH:mmZ`. */
  creationTime: string;
  /** Insertion order (ms since epoch), for newest-first listing. */
  createdAt: number;
}

interface Row {
  account_id: number;
  region_id: string;
  name: string;
  fingerprint: string;
  public_key: string;
  resource_group_id: string;
  creation_time: string;
  created_at: number;
}

export const keyPairMigrations: readonly Migration[] = [
  {
    id: '001_key_pairs',
    sql: `CREATE TABLE IF NOT EXISTS key_pairs (
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      name TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      public_key TEXT NOT NULL,
      resource_group_id TEXT NOT NULL DEFAULT '',
      creation_time TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (account_id, region_id, name)
    );`,
  },
];

const toRecord = (r: Row): KeyPairRecord => ({
  accountId: r.account_id,
  regionId: r.region_id,
  name: r.name,
  fingerprint: r.fingerprint,
  publicKey: r.public_key,
  resourceGroupId: r.resource_group_id,
  creationTime: r.creation_time,
  createdAt: r.created_at,
});

export function findKeyPair(db: Database.Database, accountId: number, regionId: string, name: string): KeyPairRecord | undefined {
  const row = db.prepare('SELECT * FROM key_pairs WHERE account_id = ? AND region_id = ? AND name = ?').get(accountId, regionId, name) as
    Row | undefined;
  return row && toRecord(row);
}

export function insertKeyPair(db: Database.Database, k: KeyPairRecord): void {
  db.prepare(
    `INSERT INTO key_pairs (account_id, region_id, name, fingerprint, public_key, resource_group_id, creation_time, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(k.accountId, k.regionId, k.name, k.fingerprint, k.publicKey, k.resourceGroupId, k.creationTime, k.createdAt);
}

/** The account's key pairs in the region, newest first. */
export function listKeyPairs(db: Database.Database, accountId: number, regionId: string): KeyPairRecord[] {
  return (
    db
      .prepare('SELECT * FROM key_pairs WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, name')
      .all(accountId, regionId) as Row[]
  ).map(toRecord);
}

export function countKeyPairs(db: Database.Database, accountId: number, regionId: string): number {
  return (
    db.prepare('SELECT COUNT(*) AS n FROM key_pairs WHERE account_id = ? AND region_id = ?').get(accountId, regionId) as { n: number }
  ).n;
}

export function deleteKeyPair(db: Database.Database, accountId: number, regionId: string, name: string): void {
  db.prepare('DELETE FROM key_pairs WHERE account_id = ? AND region_id = ? AND name = ?').run(accountId, regionId, name);
}

export function setKeyPairResourceGroup(db: Database.Database, accountId: number, regionId: string, name: string, rg: string): boolean {
  return (
    db
      .prepare('UPDATE key_pairs SET resource_group_id = ? WHERE account_id = ? AND region_id = ? AND name = ?')
      .run(rg, accountId, regionId, name).changes > 0
  );
}
