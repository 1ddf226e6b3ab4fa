/**
 * DescribeSnapshots in SQL: every filter, the derived status and Usage, COUNT(*) and the page
 * run inside SQLite over the `snapshots_listing` index. Status restates repository.ts
 * `snapshotState` (accomplished once now >= ready_at); Usage is `image` while an image mapping
 * references the snapshot and `disk` while a disk was created from it (`image_disk` both), as
 * describe-snapshots.ts `snapshotUsage` says.
 */
import type Database from 'better-sqlite3';
import { listing, Where, type Listing } from '../db/list-sql.js';
import { cachedStatement } from '../db/statements.js';

/** What DescribeSnapshots asks for, already validated (raw input values where the handler compared them raw). */
export interface SnapshotQuery {
  accountId: number;
  regionId: string;
  /** ms since epoch of the injected clock. */
  now: number;
  ids?: readonly string[];
  instanceId?: unknown;
  diskId?: unknown;
  name?: unknown;
  /** `progressing`, `accomplished`, `failed` (never matches) or `all`/'' (no filter). */
  status?: string;
  /** `user`, `auto`, or `all`/'' (no filter). */
  snapshotType?: string;
  /** Already lower-cased. */
  sourceDiskType?: string;
  /** `image` (referenced by an image), `disk` (a disk was made from it), `image_disk` (either) or `none`. */
  usage?: unknown;
  category?: unknown;
  encrypted?: unknown;
  resourceGroupId?: unknown;
  tags: readonly { Key?: string; Value?: string }[];
}

const BY_IMAGE = 'EXISTS (SELECT 1 FROM image_disk_mappings m WHERE m.snapshot_id = snapshots.id)';
// The disks table is the disks family's; absent when that family is not served.
const byDisk = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'disks'").get()
    ? "EXISTS (SELECT 1 FROM disks d WHERE d.source_snapshot_id = snapshots.id AND d.source_snapshot_id != '')"
    : '0';
const USAGE: Record<string, (db: Database.Database) => string> = {
  image: () => BY_IMAGE,
  disk: byDisk,
  image_disk: (db) => `(${BY_IMAGE} OR ${byDisk(db)})`,
  none: (db) => `NOT (${BY_IMAGE} OR ${byDisk(db)})`,
};

function where(db: Database.Database, q: SnapshotQuery): Where {
  const w = new Where();
  // The old handler compared with ===, so a non-string value matched nothing (SQLite would coerce it).
  const same = (col: string, v: unknown) => {
    if (v !== undefined) w.add(typeof v === 'string' ? `${col} = ${w.bind(v)}` : '0');
  };
  w.add(`account_id = ${w.bind(q.accountId)}`)
    .add(`region_id = ${w.bind(q.regionId)}`)
    .inList('id', q.ids);
  same('instance_id', q.instanceId);
  same('source_disk_id', q.diskId);
  same('name', q.name);
  if (q.status && q.status !== 'all') {
    w.add(q.status === 'accomplished' ? `${w.bind(q.now)} >= ready_at` : q.status === 'progressing' ? `${w.bind(q.now)} < ready_at` : '0');
  }
  if (q.snapshotType && q.snapshotType !== 'all') w.eq('snapshot_type', q.snapshotType);
  w.eq('source_disk_type', q.sourceDiskType);
  if (q.usage !== undefined) w.add(typeof q.usage === 'string' && USAGE[q.usage] ? USAGE[q.usage]!(db) : '0');
  same('category', q.category);
  if (q.encrypted !== undefined) w.add(typeof q.encrypted === 'boolean' ? `encrypted = ${q.encrypted ? 1 : 0}` : '0');
  same('resource_group_id', q.resourceGroupId);
  return w.tags('snapshot', 'snapshots.id', 'snapshots.account_id', q.tags);
}

/** TotalCount and the ids of any window (newest created_at first, then id); load rows with `snapshotsByIds`. */
export function querySnapshots(db: Database.Database, q: SnapshotQuery): Listing {
  const w = where(db, q);
  // Given ids, `+` keeps the planner on the primary key instead of the listing index.
  if (q.ids) {
    w.conds[0] = `+${w.conds[0]}`;
    w.conds[1] = `+${w.conds[1]}`;
  }
  return listing(db, 'snapshots', 'id', w, 'created_at DESC, id');
}

/** Which of these snapshots an image references (their Usage is `image`), in one query. */
export function snapshotsInUse(db: Database.Database, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(
    (
      cachedStatement(
        db,
        'SELECT DISTINCT snapshot_id AS id FROM image_disk_mappings WHERE snapshot_id IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(ids)) as { id: string }[]
    ).map((r) => r.id),
  );
}
