/** SQLite storage of automatic snapshot policies and of the disks they apply to; only this file holds their SQL. */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';
import { regionalTable } from '../db/regional-table.js';

/** Resource type of the policies' tags (TagResources `snapshotpolicy`). */
export const POLICY_TAG_TYPE = 'snapshotpolicy';

export interface AutoSnapshotPolicyRecord {
  id: string;
  accountId: number;
  regionId: string;
  name: string;
  /** JSON array of hour strings, as ECS answers it. */
  timePoints: string;
  /** JSON array of weekday strings. */
  repeatWeekdays: string;
  retentionDays: number;
  resourceGroupId: string;
  /** Insertion order (ms since epoch), for newest-first listing. */
  createdAt: number;
}

export const autoSnapshotPolicyMigrations: readonly Migration[] = [
  {
    id: '001_auto_snapshot_policies',
    sql: `CREATE TABLE IF NOT EXISTS auto_snapshot_policies (
      id TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      time_points TEXT NOT NULL,
      repeat_weekdays TEXT NOT NULL,
      retention_days INTEGER NOT NULL,
      resource_group_id TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS auto_snapshot_policies_by_account ON auto_snapshot_policies (account_id, region_id, created_at);
    CREATE TABLE IF NOT EXISTS auto_snapshot_policy_disks (
      disk_id TEXT PRIMARY KEY,
      policy_id TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS auto_snapshot_policy_disks_by_policy ON auto_snapshot_policy_disks (policy_id);`,
  },
];

/** The auto_snapshot_policies table: find, list (newest first), update, remove. */
export const autoSnapshotPolicies = regionalTable('auto_snapshot_policies', (r): AutoSnapshotPolicyRecord => ({
  id: r.id as string,
  accountId: r.account_id as number,
  regionId: r.region_id as string,
  name: r.name as string,
  timePoints: r.time_points as string,
  repeatWeekdays: r.repeat_weekdays as string,
  retentionDays: r.retention_days as number,
  resourceGroupId: r.resource_group_id as string,
  createdAt: r.created_at as number,
}));

export function insertAutoSnapshotPolicy(db: Database.Database, p: AutoSnapshotPolicyRecord): void {
  db.prepare(
    `INSERT INTO auto_snapshot_policies (id, account_id, region_id, name, time_points, repeat_weekdays, retention_days, resource_group_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.accountId, p.regionId, p.name, p.timePoints, p.repeatWeekdays, p.retentionDays, p.resourceGroupId, p.createdAt);
}

/** The policy a disk follows, or ''. */
export function policyOfDisk(db: Database.Database, diskId: string): string {
  const row = db.prepare('SELECT policy_id FROM auto_snapshot_policy_disks WHERE disk_id = ?').get(diskId) as
    { policy_id: string } | undefined;
  return row?.policy_id ?? '';
}

/** A disk follows the policy from now on (replacing any other policy; ECS allows one per disk). */
export function applyToDisk(db: Database.Database, policyId: string, diskId: string): void {
  db.prepare(
    'INSERT INTO auto_snapshot_policy_disks (disk_id, policy_id) VALUES (?, ?) ON CONFLICT(disk_id) DO UPDATE SET policy_id = excluded.policy_id',
  ).run(diskId, policyId);
}

export function cancelForDisk(db: Database.Database, diskId: string): void {
  db.prepare('DELETE FROM auto_snapshot_policy_disks WHERE disk_id = ?').run(diskId);
}

export function diskCount(db: Database.Database, policyId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM auto_snapshot_policy_disks WHERE policy_id = ?').get(policyId) as { n: number }).n;
}

/** Delete the policy and release its disks. */
export function removePolicy(db: Database.Database, policyId: string): void {
  db.prepare('DELETE FROM auto_snapshot_policy_disks WHERE policy_id = ?').run(policyId);
  autoSnapshotPolicies.remove(db, policyId);
}
