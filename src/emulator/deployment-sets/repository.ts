/** SQLite storage of deployment sets, keyed by id; only this file holds deployment set SQL. */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';

export interface DeploymentSetRecord {
  id: string;
  accountId: number;
  regionId: string;
  name: string;
  description: string;
  strategy: string;
  /** Groups of an AvailabilityGroup set (1-7); 0 for the other strategies. */
  groupCount: number;
  onUnableToRedeployFailedInstance: string;
  /** `yyyy-MM-ddTHH:mm:ssZ`. */
  creationTime: string;
  /** Insertion order (ms since epoch), for newest-first listing. */
  createdAt: number;
}

interface Row {
  id: string;
  account_id: number;
  region_id: string;
  name: string;
  description: string;
  strategy: string;
  group_count: number;
  on_unable: string;
  creation_time: string;
  created_at: number;
}

export const deploymentSetMigrations: readonly Migration[] = [
  {
    id: '001_deployment_sets',
    sql: `CREATE TABLE IF NOT EXISTS deployment_sets (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      strategy TEXT NOT NULL,
      group_count INTEGER NOT NULL DEFAULT 0,
      on_unable TEXT NOT NULL,
      creation_time TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS deployment_sets_by_account ON deployment_sets (account_id, region_id, created_at);`,
  },
];

const toRecord = (r: Row): DeploymentSetRecord => ({
  id: r.id,
  accountId: r.account_id,
  regionId: r.region_id,
  name: r.name,
  description: r.description,
  strategy: r.strategy,
  groupCount: r.group_count,
  onUnableToRedeployFailedInstance: r.on_unable,
  creationTime: r.creation_time,
  createdAt: r.created_at,
});

export function findDeploymentSet(db: Database.Database, accountId: number, regionId: string, id: string): DeploymentSetRecord | undefined {
  const row = db.prepare('SELECT * FROM deployment_sets WHERE id = ? AND account_id = ? AND region_id = ?').get(id, accountId, regionId) as
    Row | undefined;
  return row && toRecord(row);
}

export function insertDeploymentSet(db: Database.Database, d: DeploymentSetRecord): void {
  db.prepare(
    `INSERT INTO deployment_sets (id, account_id, region_id, name, description, strategy, group_count, on_unable, creation_time, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.id,
    d.accountId,
    d.regionId,
    d.name,
    d.description,
    d.strategy,
    d.groupCount,
    d.onUnableToRedeployFailedInstance,
    d.creationTime,
    d.createdAt,
  );
}

/** The account's deployment sets in the region, newest first. */
export function listDeploymentSets(db: Database.Database, accountId: number, regionId: string): DeploymentSetRecord[] {
  return (
    db
      .prepare('SELECT * FROM deployment_sets WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, id')
      .all(accountId, regionId) as Row[]
  ).map(toRecord);
}

export function renameDeploymentSet(db: Database.Database, id: string, change: { name?: string; description?: string }): void {
  if (change.name !== undefined) db.prepare('UPDATE deployment_sets SET name = ? WHERE id = ?').run(change.name, id);
  if (change.description !== undefined) db.prepare('UPDATE deployment_sets SET description = ? WHERE id = ?').run(change.description, id);
}

export function deleteDeploymentSet(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM deployment_sets WHERE id = ?').run(id);
}
