/**
 * Disks: system and data disks of instances and stand-alone disks (CreateDisk). The stored
 * `status` is the last commanded state with the time it was entered (`statusSince`, ms since
 * epoch); the status a client sees is derived by {@link diskStatus} (Creating, Attaching and
 * Detaching last `transitionSeconds`), so a restart never loses progress. Only this file holds
 * disk SQL.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';
import { rowsByIds } from '../db/list-sql.js';

export type StoredDiskStatus = 'Creating' | 'Available' | 'Attaching' | 'In_use' | 'Detaching';
export type DiskStatus = StoredDiskStatus;

/** A disk as an instance sees it (launch, ReplaceSystemDisk, CreateImage). */
export interface DiskRecord {
  id: string;
  type: 'system' | 'data';
  sizeGiB: number;
  /** `cloud_essd`, `cloud_efficiency`, `cloud_ssd`, `cloud` (basic), ... */
  category: string;
  /** `/dev/xvda` for the system disk, `/dev/xvdb`... for data disks; '' when not attached. */
  device: string;
  name?: string;
  description?: string;
  deleteWithInstance?: boolean;
  encrypted?: boolean;
  kmsKeyId?: string;
  performanceLevel?: string;
  sourceSnapshotId?: string;
  /** cloud_auto only: performance burst on. */
  burstingEnabled?: boolean;
  /** cloud_auto only: provisioned IOPS (0 when none). */
  provisionedIops?: number;
  /** The encryption algorithm of an encrypted disk given at creation, '' when not given. */
  encryptAlgorithm?: string;
}

/** Every stored attribute of a disk. */
export interface DiskView extends Required<DiskRecord> {
  accountId: number;
  regionId: string;
  zoneId: string;
  /** The instance it is attached to, '' when not attached. */
  instanceId: string;
  /** The instance it was detached from last (shown while Detaching). */
  lastInstanceId: string;
  resourceGroupId: string;
  imageId: string;
  creationTime: string;
  status: StoredDiskStatus;
  statusSince: number;
  deleteAutoSnapshot: boolean;
  attachedTime: string;
  detachedTime: string;
  position: number;
}

interface Row {
  id: string;
  account_id: number;
  region_id: string;
  zone_id: string;
  instance_id: string;
  last_instance_id: string;
  type: 'system' | 'data';
  size_gib: number;
  category: string;
  device: string;
  resource_group_id: string;
  image_id: string;
  creation_time: string;
  position: number;
  name: string;
  description: string;
  status: StoredDiskStatus;
  status_since: number;
  delete_with_instance: number;
  delete_auto_snapshot: number;
  encrypted: number;
  kms_key_id: string;
  performance_level: string;
  source_snapshot_id: string;
  attached_time: string;
  detached_time: string;
  bursting_enabled: number;
  provisioned_iops: number;
  encrypt_algorithm: string;
}

const toView = (r: Row): DiskView => ({
  id: r.id,
  accountId: r.account_id,
  regionId: r.region_id,
  zoneId: r.zone_id,
  instanceId: r.instance_id,
  lastInstanceId: r.last_instance_id,
  type: r.type,
  sizeGiB: r.size_gib,
  category: r.category,
  device: r.device,
  resourceGroupId: r.resource_group_id,
  imageId: r.image_id,
  creationTime: r.creation_time,
  position: r.position,
  name: r.name,
  description: r.description,
  status: r.status,
  statusSince: r.status_since,
  deleteWithInstance: r.delete_with_instance === 1,
  deleteAutoSnapshot: r.delete_auto_snapshot === 1,
  encrypted: r.encrypted === 1,
  kmsKeyId: r.kms_key_id,
  performanceLevel: r.performance_level,
  sourceSnapshotId: r.source_snapshot_id,
  attachedTime: r.attached_time,
  detachedTime: r.detached_time,
  burstingEnabled: r.bursting_enabled === 1,
  provisionedIops: r.provisioned_iops,
  encryptAlgorithm: r.encrypt_algorithm,
});

const columns: Record<keyof Omit<DiskView, 'id'>, string> = {
  accountId: 'account_id',
  regionId: 'region_id',
  zoneId: 'zone_id',
  instanceId: 'instance_id',
  lastInstanceId: 'last_instance_id',
  type: 'type',
  sizeGiB: 'size_gib',
  category: 'category',
  device: 'device',
  resourceGroupId: 'resource_group_id',
  imageId: 'image_id',
  creationTime: 'creation_time',
  position: 'position',
  name: 'name',
  description: 'description',
  status: 'status',
  statusSince: 'status_since',
  deleteWithInstance: 'delete_with_instance',
  deleteAutoSnapshot: 'delete_auto_snapshot',
  encrypted: 'encrypted',
  kmsKeyId: 'kms_key_id',
  performanceLevel: 'performance_level',
  sourceSnapshotId: 'source_snapshot_id',
  attachedTime: 'attached_time',
  detachedTime: 'detached_time',
  burstingEnabled: 'bursting_enabled',
  provisionedIops: 'provisioned_iops',
  encryptAlgorithm: 'encrypt_algorithm',
};

const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** Insert a disk; ignored when the id exists (seeds run again after restarts). */
export function insertDisk(db: Database.Database, d: DiskView): void {
  const keys = Object.keys(columns) as (keyof typeof columns)[];
  cachedStatement(
    db,
    `INSERT OR IGNORE INTO disks (id, ${keys.map((k) => columns[k]).join(', ')}) VALUES (?, ${keys.map(() => '?').join(', ')})`,
  ).run(d.id, ...keys.map((k) => sqlValue(d[k])));
}

/** Change fields of a disk by id. */
export function updateDisk(db: Database.Database, id: string, patch: Partial<Omit<DiskView, 'id' | 'accountId'>>): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof typeof columns, unknown][];
  if (entries.length === 0) return;
  db.prepare(`UPDATE disks SET ${entries.map(([k]) => `${columns[k]} = ?`).join(', ')} WHERE id = ?`).run(
    ...entries.map(([, v]) => sqlValue(v)),
    id,
  );
}

export function deleteDisk(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM disks WHERE id = ?').run(id);
}

/** One disk of the account in the region, or undefined. */
export function getDisk(db: Database.Database, accountId: number, regionId: string, id: string): DiskView | undefined {
  const row = db.prepare('SELECT * FROM disks WHERE account_id = ? AND region_id = ? AND id = ?').get(accountId, regionId, id) as
    Row | undefined;
  return row && toView(row);
}

/** One disk of the account by id in any region (disk actions without RegionId). */
export function findDiskAnyRegion(db: Database.Database, accountId: number, id: string): DiskView | undefined {
  const row = db.prepare('SELECT * FROM disks WHERE account_id = ? AND id = ?').get(accountId, id) as Row | undefined;
  return row && toView(row);
}

/** Disks with the given ids, in that order (a DescribeDisks page, one query). */
export function disksByIds(db: Database.Database, ids: readonly string[]): DiskView[] {
  return rowsByIds<Row>(db, 'disks', ids).map(toView);
}

/** Every disk of the account in the region, in DescribeDisks order. */
export function listDisks(db: Database.Database, accountId: number, regionId: string): DiskView[] {
  const rows = db
    .prepare('SELECT * FROM disks WHERE account_id = ? AND region_id = ? ORDER BY creation_time DESC, instance_id, position, id')
    .all(accountId, regionId) as Row[];
  return rows.map(toView);
}

/** The disks attached to each of the instances (system first, then by position), in one query. */
export function disksOfInstances(db: Database.Database, instanceIds: readonly string[]): Map<string, DiskView[]> {
  const out = new Map<string, DiskView[]>();
  if (instanceIds.length === 0) return out;
  const rows = cachedStatement(
    db,
    'SELECT * FROM disks WHERE instance_id IN (SELECT value FROM json_each(?)) ORDER BY instance_id, position, id',
  ).all(JSON.stringify(instanceIds)) as Row[];
  for (const r of rows) {
    const list = out.get(r.instance_id) ?? [];
    list.push(toView(r));
    out.set(r.instance_id, list);
  }
  return out;
}

/** Ids of the disks created from the snapshots (DescribeSnapshots `Usage`, DeleteSnapshot). */
export function disksFromSnapshots(db: Database.Database, snapshotIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (snapshotIds.length === 0) return out;
  const rows = cachedStatement(
    db,
    `SELECT id, source_snapshot_id AS s FROM disks WHERE source_snapshot_id != '' AND source_snapshot_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(JSON.stringify(snapshotIds)) as { id: string; s: string }[];
  for (const r of rows) out.set(r.s, [...(out.get(r.s) ?? []), r.id]);
  return out;
}

/** Move a disk to a resource group (JoinResourceGroup `disk`). */
export function setDiskResourceGroup(db: Database.Database, accountId: number, regionId: string, id: string, rg: string): boolean {
  return (
    db.prepare('UPDATE disks SET resource_group_id = ? WHERE account_id = ? AND region_id = ? AND id = ?').run(rg, accountId, regionId, id)
      .changes > 0
  );
}

/**
 * The status a client sees at `now`: Creating, Attaching and Detaching end after
 * `transitionSeconds` (the disks of a new instance are Attaching while it starts).
 * {@link diskStatusSql} is the same rule in SQL.
 */
export function diskStatus(d: Pick<DiskView, 'status' | 'statusSince' | 'instanceId'>, now: Date, transitionSeconds: number): DiskStatus {
  const busy = now.getTime() - d.statusSince < transitionSeconds * 1000;
  if (d.instanceId !== '') return d.status === 'Attaching' && busy ? 'Attaching' : 'In_use';
  return (d.status === 'Creating' || d.status === 'Detaching') && busy ? d.status : 'Available';
}

/** {@link diskStatus} as an SQL expression over a `disks` row; `cutoff` binds `now - transitionSeconds` in ms. */
export const diskStatusSql = (cutoff: string) =>
  `(CASE WHEN instance_id != '' THEN (CASE WHEN status = 'Attaching' AND status_since > ${cutoff} THEN 'Attaching' ELSE 'In_use' END)
    WHEN status IN ('Creating', 'Detaching') AND status_since > ${cutoff} THEN status ELSE 'Available' END)`;
