/**
 * DescribeDisks in SQL: filters, COUNT(*) and the page run inside SQLite over the
 * `disks_listing` index (newest first, then instance, position, id). The derived status is
 * filtered with the same rule the view uses (`diskStatusSql`).
 */
import type Database from 'better-sqlite3';
import { listing, Where, type Listing } from '../db/list-sql.js';
import { diskStatusSql } from './repository.js';

/** What DescribeDisks asks for, already validated. */
export interface DiskQuery {
  accountId: number;
  regionId: string;
  ids?: readonly string[];
  instanceId?: string;
  diskType?: 'system' | 'data';
  category?: string;
  /** A status as {@link diskStatusSql} derives it at `now` with `transitionSeconds`. */
  status?: string;
  now?: number;
  transitionSeconds?: number;
  zoneId?: string;
  name?: string;
  snapshotId?: string;
  portable?: boolean;
  encrypted?: boolean;
  deleteWithInstance?: boolean;
  resourceGroupId?: string;
  tags: readonly { Key?: string; Value?: string }[];
}

const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** TotalCount and the ids of any window in DescribeDisks order. */
export function queryDisks(db: Database.Database, q: DiskQuery): Listing {
  const w = new Where();
  // Given ids, `+` keeps the planner on the primary key instead of the listing index.
  const p = q.ids ? '+' : '';
  w.add(`${p}account_id = ${w.bind(q.accountId)}`)
    .add(`${p}region_id = ${w.bind(q.regionId)}`)
    .inList('id', q.ids)
    .eq('instance_id', q.instanceId)
    .eq('type', q.diskType)
    .eq('category', q.category)
    .eq('zone_id', q.zoneId)
    .eq('name', q.name)
    .eq('source_snapshot_id', q.snapshotId)
    .eq('encrypted', flag(q.encrypted))
    .eq('delete_with_instance', flag(q.deleteWithInstance))
    .eq('resource_group_id', q.resourceGroupId)
    .tags('disk', 'disks.id', 'disks.account_id', q.tags);
  // Data disks are portable (they can be detached); system disks are not.
  if (q.portable !== undefined) w.add(`type ${q.portable ? '=' : '!='} 'data'`);
  if (q.status !== undefined) {
    const cutoff = w.bind((q.now ?? 0) - (q.transitionSeconds ?? 0) * 1000);
    w.add(`${diskStatusSql(cutoff)} = ${w.bind(q.status)}`);
  }
  return listing(db, 'disks', 'id', w, 'creation_time DESC, instance_id, position, id');
}
