/**
 * DescribeInstances in SQL: every filter, the derived status, COUNT(*) and the page run inside
 * SQLite over the `instances_listing` index, so a request loads only its page's rows. The status
 * condition restates repository.ts `currentInstanceStatus` on `status`/`status_since` and the
 * injected now (the same double arithmetic, so both always agree).
 */
import type Database from 'better-sqlite3';
import { listing, useWildcard, Where, type Listing } from '../db/list-sql.js';
import type { InstanceFilter } from './repository.js';

/** What DescribeInstances asks for, already validated. */
export interface InstanceQuery extends InstanceFilter {
  accountId: number;
  regionId: string;
  /** ms since epoch of the injected clock. */
  now: number;
  /** Seconds a transitional status lasts (settings.instanceStartSeconds). */
  transitionSeconds: number;
  status?: string;
  /** `*` wildcard pattern on InstanceName. */
  name?: string;
  securityGroupId?: string;
  lockReason?: string;
  tags: readonly { Key?: string; Value?: string }[];
}

/** SQL of `currentInstanceStatus` given `:now`, `:total` and `:half` (= total / 2 computed in JS). */
const STATUS_SQL = `CASE status
  WHEN 'Pending' THEN CASE WHEN :now - status_since >= :total THEN 'Running' WHEN :now - status_since >= :half THEN 'Starting' ELSE 'Pending' END
  WHEN 'Starting' THEN CASE WHEN :now - status_since >= :total THEN 'Running' ELSE 'Starting' END
  WHEN 'Stopping' THEN CASE WHEN :now - status_since >= :total THEN 'Stopped' ELSE 'Stopping' END
  ELSE status END`;

function where(db: Database.Database, q: InstanceQuery): Where {
  const w = new Where();
  w.add(`account_id = ${w.bind(q.accountId)}`).add(`region_id = ${w.bind(q.regionId)}`);
  w.eq('image_id', q.imageId)
    .eq('zone_id', q.zoneId)
    .eq('resource_group_id', q.resourceGroupId)
    .eq('vpc_id', q.vpcId)
    .eq('vswitch_id', q.vSwitchId)
    .eq('instance_type', q.instanceType)
    .inList('id', q.ids);
  if (q.status !== undefined) {
    const total = q.transitionSeconds * 1000;
    Object.assign(w.args, { now: q.now, total, half: total / 2 });
    w.add(`${STATUS_SQL} = ${w.bind(q.status)}`);
  }
  if (q.name !== undefined) {
    useWildcard(db);
    w.add(`emulator_wildcard(name, ${w.bind(q.name)})`);
  }
  if (q.securityGroupId !== undefined)
    w.add(`EXISTS (SELECT 1 FROM json_each(security_group_ids) WHERE value = ${w.bind(q.securityGroupId)})`);
  if (q.lockReason !== undefined)
    w.add(`EXISTS (SELECT 1 FROM json_each(locks) WHERE json_extract(value, '$.lockReason') = ${w.bind(q.lockReason)})`);
  return w.tags('instance', 'instances.id', 'instances.account_id', q.tags);
}

/** TotalCount and the ids of any window (newest creation_time first, then id); load rows with `instancesByIds`. */
export function queryInstances(db: Database.Database, q: InstanceQuery): Listing {
  const w = where(db, q);
  // Given ids, `+` keeps the planner on the primary key instead of the listing index.
  if (q.ids) {
    w.conds[0] = `+${w.conds[0]}`;
    w.conds[1] = `+${w.conds[1]}`;
  }
  return listing(db, 'instances', 'id', w, 'creation_time DESC, id');
}
