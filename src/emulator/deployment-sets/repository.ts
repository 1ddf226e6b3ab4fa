/** SQLite storage of deployment sets, keyed by id; only this file holds deployment set SQL. */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';
import { regionalTable } from '../db/regional-table.js';

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

/** The deployment_sets table: find, list (newest first), update, remove. */
export const deploymentSets = regionalTable('deployment_sets', (r): DeploymentSetRecord => ({
  id: r.id as string,
  accountId: r.account_id as number,
  regionId: r.region_id as string,
  name: r.name as string,
  description: r.description as string,
  strategy: r.strategy as string,
  groupCount: r.group_count as number,
  onUnableToRedeployFailedInstance: r.on_unable as string,
  creationTime: r.creation_time as string,
  createdAt: r.created_at as number,
}));

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
