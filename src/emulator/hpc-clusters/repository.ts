/** SQLite storage of HPC clusters, keyed by id; only this file holds HPC cluster SQL. */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';
import { regionalTable } from '../db/regional-table.js';

export interface HpcClusterRecord {
  id: string;
  accountId: number;
  regionId: string;
  name: string;
  description: string;
  /** Insertion order (ms since epoch), for newest-first listing. */
  createdAt: number;
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

/** The hpc_clusters table: find, list (newest first), update, remove. */
export const hpcClusters = regionalTable('hpc_clusters', (r): HpcClusterRecord => ({
  id: r.id as string,
  accountId: r.account_id as number,
  regionId: r.region_id as string,
  name: r.name as string,
  description: r.description as string,
  createdAt: r.created_at as number,
}));

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
