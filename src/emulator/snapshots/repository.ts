/**
 * Snapshots of disks. Status is derived from `createdAt`/`readyAt` (progressing until readyAt,
 * then accomplished), so snapshots made by CreateImage finish with their image even across
 * restarts. Usage (`image`/`none`) is derived from the images that reference them.
 */
import type Database from 'better-sqlite3';
import { rowsByIds } from '../db/list-sql.js';

export interface SnapshotRecord {
  id: string;
  accountId: number;
  regionId: string;
  name: string;
  description: string;
  sourceDiskId: string;
  sourceDiskSizeGiB: number;
  sourceDiskType: 'system' | 'data';
  /** Category of the source disk (`cloud_essd`, ...). */
  sourceStorageType: string;
  instanceId: string;
  /** ms since epoch. */
  createdAt: number;
  /** ms since epoch when the snapshot is accomplished. */
  readyAt: number;
  resourceGroupId: string;
  snapshotType: 'user' | 'auto';
  category: string;
  encrypted: boolean;
  retentionDays: number;
}

interface Row {
  id: string;
  account_id: number;
  region_id: string;
  name: string;
  description: string;
  source_disk_id: string;
  source_disk_size: number;
  source_disk_type: 'system' | 'data';
  source_storage_type: string;
  instance_id: string;
  created_at: number;
  ready_at: number;
  resource_group_id: string;
  snapshot_type: 'user' | 'auto';
  category: string;
  encrypted: number;
  retention_days: number;
}

const toRecord = (r: Row): SnapshotRecord => ({
  id: r.id,
  accountId: r.account_id,
  regionId: r.region_id,
  name: r.name,
  description: r.description,
  sourceDiskId: r.source_disk_id,
  sourceDiskSizeGiB: r.source_disk_size,
  sourceDiskType: r.source_disk_type,
  sourceStorageType: r.source_storage_type,
  instanceId: r.instance_id,
  createdAt: r.created_at,
  readyAt: r.ready_at,
  resourceGroupId: r.resource_group_id,
  snapshotType: r.snapshot_type,
  category: r.category,
  encrypted: r.encrypted === 1,
  retentionDays: r.retention_days,
});

/** Insert a snapshot; ignored when the id exists (seeds run again after restarts). */
export function insertSnapshot(db: Database.Database, s: SnapshotRecord): void {
  db.prepare(
    `INSERT OR IGNORE INTO snapshots (id, account_id, region_id, name, description, source_disk_id, source_disk_size, source_disk_type,
      source_storage_type, instance_id, created_at, ready_at, resource_group_id, snapshot_type, category, encrypted, retention_days)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.id,
    s.accountId,
    s.regionId,
    s.name,
    s.description,
    s.sourceDiskId,
    s.sourceDiskSizeGiB,
    s.sourceDiskType,
    s.sourceStorageType,
    s.instanceId,
    s.createdAt,
    s.readyAt,
    s.resourceGroupId,
    s.snapshotType,
    s.category,
    s.encrypted ? 1 : 0,
    s.retentionDays,
  );
}

/** A snapshot of the account in the region, or undefined. */
export function getSnapshot(db: Database.Database, accountId: number, regionId: string, id: string): SnapshotRecord | undefined {
  const row = db.prepare('SELECT * FROM snapshots WHERE account_id = ? AND region_id = ? AND id = ?').get(accountId, regionId, id) as
    Row | undefined;
  return row && toRecord(row);
}

/** Every snapshot of the account in the region, newest first then by id. */
export function listSnapshots(db: Database.Database, accountId: number, regionId: string): SnapshotRecord[] {
  return (
    db
      .prepare('SELECT * FROM snapshots WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, id')
      .all(accountId, regionId) as Row[]
  ).map(toRecord);
}

/** Snapshots with the given ids, in that order (a Describe* page, one query). */
export function snapshotsByIds(db: Database.Database, ids: readonly string[]): SnapshotRecord[] {
  return rowsByIds<Row>(db, 'snapshots', ids).map(toRecord);
}

/** A snapshot of the account in any region (DeleteSnapshot without RegionId), or undefined. */
export function findSnapshotAnyRegion(db: Database.Database, accountId: number, id: string): SnapshotRecord | undefined {
  const row = db.prepare('SELECT * FROM snapshots WHERE account_id = ? AND id = ?').get(accountId, id) as Row | undefined;
  return row && toRecord(row);
}

/** Whether a snapshot of the disk is still progressing at `now`. */
export function progressingOfDisk(db: Database.Database, diskId: string, now: Date): boolean {
  return db.prepare('SELECT 1 FROM snapshots WHERE source_disk_id = ? AND ready_at > ? LIMIT 1').get(diskId, now.getTime()) !== undefined;
}

/** Change the attributes ModifySnapshotAttribute sets. */
export function updateSnapshot(
  db: Database.Database,
  id: string,
  patch: { name?: string; description?: string; retentionDays?: number },
): void {
  const cols = { name: 'name', description: 'description', retentionDays: 'retention_days' } as const;
  const entries = (Object.keys(cols) as (keyof typeof cols)[]).filter((k) => patch[k] !== undefined);
  if (entries.length === 0) return;
  db.prepare(`UPDATE snapshots SET ${entries.map((k) => `${cols[k]} = ?`).join(', ')} WHERE id = ?`).run(
    ...entries.map((k) => patch[k]),
    id,
  );
}

export function deleteSnapshot(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
}

/** Move a snapshot to a resource group; false when it does not exist in the account and region. */
export function setSnapshotResourceGroup(db: Database.Database, accountId: number, regionId: string, id: string, rg: string): boolean {
  return (
    db
      .prepare('UPDATE snapshots SET resource_group_id = ? WHERE account_id = ? AND region_id = ? AND id = ?')
      .run(rg, accountId, regionId, id).changes > 0
  );
}

/** Status as a client sees it at `now`. */
export function snapshotState(
  s: Pick<SnapshotRecord, 'createdAt' | 'readyAt'>,
  now: Date,
): { status: 'progressing' | 'accomplished'; progress: number; remainSeconds: number } {
  const t = now.getTime();
  if (t >= s.readyAt) return { status: 'accomplished', progress: 100, remainSeconds: 0 };
  const span = Math.max(1, s.readyAt - s.createdAt);
  return {
    status: 'progressing',
    progress: Math.min(99, Math.floor(((t - s.createdAt) / span) * 100)),
    remainSeconds: Math.ceil((s.readyAt - t) / 1000),
  };
}
