/**
 * DescribeDisks in SQL: filters, COUNT(*) and the page run inside SQLite over the
 * `disks_listing` index (newest instance creation first, then instance, position, id).
 */
import type Database from 'better-sqlite3';
import { listing, Where, type Listing } from '../db/list-sql.js';

/** What DescribeDisks asks for, already validated. */
export interface DiskQuery {
  accountId: number;
  regionId: string;
  ids?: readonly string[];
  instanceId?: string;
  diskType?: 'system' | 'data';
  zoneId?: string;
  resourceGroupId?: string;
  tags: readonly { Key?: string; Value?: string }[];
}

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
    .eq('zone_id', q.zoneId)
    .eq('resource_group_id', q.resourceGroupId)
    .tags('disk', 'disks.id', 'disks.account_id', q.tags);
  return listing(db, 'disks', 'id', w, 'creation_time DESC, instance_id, position, id');
}
