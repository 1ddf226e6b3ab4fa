/** SQLite storage of HPC clusters, keyed by id; only this file holds HPC cluster SQL. */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';

export interface HpcClusterRecord {
  id: string;
  accountId: number;
  regionId: string;
  name: string;
  description: string;
  /** Insertion order (ms since epoch), for newest-first listing. */
  createdAt: number;
}

interface Row {
  id: string;
  account_id: number;
  region_id: string;
  name: string;
  description: string;
  created_at: number;
}

export const hpcClusterMigrations: readonly Migration[] = [
  {
    id: '001_hpc_clusters',
    sql: `CREATE TABLE IF NOT EXISTS hpc_clusters (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS hpc_clusters_by_account ON hpc_clusters (account_id, region_id, created_at);`,
  },
];

const toRecord = (r: Row): HpcClusterRecord => ({
  id: r.id,
  accountId: r.account_id,
  regionId: r.region_id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at,
});

export function findHpcCluster(db: Database.Database, accountId: number, regionId: string, id: string): HpcClusterRecord | undefined {
  const row = db.prepare('SELECT * FROM hpc_clusters WHERE id = ? AND account_id = ? AND region_id = ?').get(id, accountId, regionId) as
    Row | undefined;
  return row && toRecord(row);
}

export function insertHpcCluster(db: Database.Database, c: HpcClusterRecord): void {
  db.prepare('INSERT INTO hpc_clusters (id, account_id, region_id, name, description, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    c.id,
    c.accountId,
    c.regionId,
    c.name,
    c.description,
    c.createdAt,
  );
}

/** The account's HPC clusters in the region, newest first. */
export function listHpcClusters(db: Database.Database, accountId: number, regionId: string): HpcClusterRecord[] {
  return (
    db
      .prepare('SELECT * FROM hpc_clusters WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, id')
      .all(accountId, regionId) as Row[]
  ).map(toRecord);
}

export function changeHpcCluster(db: Database.Database, id: string, change: { name?: string; description?: string }): void {
  if (change.name !== undefined) db.prepare('UPDATE hpc_clusters SET name = ? WHERE id = ?').run(change.name, id);
  if (change.description !== undefined) db.prepare('UPDATE hpc_clusters SET description = ? WHERE id = ?').run(change.description, id);
}

export function deleteHpcClusterRow(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM hpc_clusters WHERE id = ?').run(id);
}
