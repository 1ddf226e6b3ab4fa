/**
 * Instances (their disks live in the disks family). The stored `status` is the last commanded state with the time it
 * was entered (`statusSince`, ms since epoch); transitional states (Pending -> Starting ->
 * Running, Stopping -> Stopped) are derived from it by {@link currentInstanceStatus}, so a
 * restart never loses progress. Only this file holds instance SQL; other families (RunInstances,
 * StartInstance, ... in a later step) call these functions.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';
import { rowsByIds } from '../db/list-sql.js';

export type InstanceStatus = 'Pending' | 'Starting' | 'Running' | 'Stopping' | 'Stopped';

export interface OperationLock {
  /** `security`, `financial`, `Recycling`, ... */
  lockReason: string;
  lockMsg?: string;
}

export interface InstanceRecord {
  id: string;
  accountId: number;
  regionId: string;
  zoneId: string;
  name: string;
  instanceType: string;
  imageId: string;
  /** Last commanded status; read the effective one with {@link currentInstanceStatus}. */
  status: InstanceStatus;
  /** When `status` was entered, ms since epoch. */
  statusSince: number;
  vpcId: string;
  vSwitchId: string;
  securityGroupIds: string[];
  resourceGroupId: string;
  /** `yyyy-MM-ddTHH:mmZ` as ECS formats instance creation times. */
  creationTime: string;
  internetMaxBandwidthOut: number;
  locks: OperationLock[];
  description?: string;
  privateIp?: string;
  /** Lifecycle attributes (migration 002); absent on rows written before, read back with defaults. */
  hostName?: string;
  hasPassword?: boolean;
  deletionProtection?: boolean;
  internetChargeType?: string;
  instanceChargeType?: string;
  publicIp?: string;
  /** The image's OS recorded at launch, so the instance (and images made from it) keep it after the image is gone. */
  platform?: string;
  osType?: string;
  osName?: string;
  osNameEn?: string;
  /** `yyyy-MM-ddTHH:mmZ` of the last start; '' when never started explicitly. */
  startTime?: string;
  /** Further launch and billing attributes (migration 005, one JSON column); replaced whole by updateInstance. */
  extra?: InstanceExtra;
}

/** Attributes of an instance kept together in the `extra` JSON column. */
export interface InstanceExtra {
  keyPairName?: string;
  /** Subscription: expiry (`yyyy-MM-ddTHH:mmZ`), renewal. */
  expiredTime?: string;
  renewalStatus?: 'AutoRenewal' | 'Normal' | 'NotRenewal';
  autoRenewPeriod?: number;
  /** Unit of autoRenewPeriod (`Month` or `Week`). */
  renewPeriodUnit?: string;
  periodUnit?: string;
  spotStrategy?: string;
  spotPriceLimit?: number;
  stoppedMode?: string;
  userData?: string;
  securityEnhancementStrategy?: string;
  /** Secondary private IPv4 addresses of the primary interface. */
  secondaryIps?: string[];
  /** IPv6 addresses of the primary interface (RFC 5952 text), from the vSwitch's IPv6 /64. */
  ipv6s?: string[];
  /** ModifyInstanceVpcAttribute ran since the last start: the next change needs a start first. */
  vpcChangedSinceStart?: boolean;
  creditSpecification?: string;
  /** Instance metadata access (RunInstances / ModifyInstanceMetadataOptions); absent means enabled, optional, 1. */
  httpEndpoint?: string;
  httpTokens?: string;
  httpPutResponseHopLimit?: number;
  /** Launch options (launch-options.ts): release time `yyyy-MM-ddTHH:mmZ`, spot retention/interruption, inbound bandwidth. */
  autoReleaseTime?: string;
  spotDuration?: number;
  spotInterruptionBehavior?: string;
  internetMaxBandwidthIn?: number;
  passwordInherited?: boolean;
  /** Maintenance attributes (maintenance.ts); absent means AutoRecover, no notification, no window. */
  maintenanceAction?: string;
  maintenanceNotify?: boolean;
  maintenanceWindow?: { start: string; end: string };
  /** Options of the primary interface given in RunInstances NetworkInterface.N (network-interfaces.ts); absent means defaults. */
  primaryEni?: EniOptions;
  /** Secondary interfaces RunInstances created with the instance; released with it. */
  secondaryEnis?: SecondaryEni[];
  /** Hardware options (hardware-options.ts): CPU options asked at launch, ecs-user logon, jumbo frames (absent: the type's default). */
  cpuCoreCount?: number;
  cpuThreadsPerCore?: number;
  cpuTopologyType?: string;
  loginAsNonRoot?: boolean;
  jumboFrame?: boolean;
  /** Deployment set (deployment.ts) and, in an AvailabilityGroup set, the group (1-7). */
  deploymentSetId?: string;
  deploymentSetGroupNo?: number;
  /** HPC cluster of an SCC instance (placement.ts). */
  hpcClusterId?: string;
  /** Private pool options (placement.ts); absent means None. */
  privatePoolMatchCriteria?: string;
}

/** What an interface keeps beyond its addresses: traffic mode, RDMA queue pairs, source/destination check, card. */
export interface EniOptions {
  trafficMode: string;
  queuePairNumber?: number;
  sourceDestCheck: boolean;
  networkCardIndex: number;
}

/** A secondary interface of an instance (device index = position + 1). */
export interface SecondaryEni extends EniOptions {
  id: string;
  vSwitchId: string;
  securityGroupIds: string[];
  privateIp: string;
}

/** Filters applied in SQL (status is derived, so callers filter it after {@link currentInstanceStatus}). */
export interface InstanceFilter {
  ids?: readonly string[];
  imageId?: string;
  zoneId?: string;
  resourceGroupId?: string;
  vpcId?: string;
  vSwitchId?: string;
  instanceType?: string;
}

interface InstanceRow {
  id: string;
  account_id: number;
  region_id: string;
  zone_id: string;
  name: string;
  description: string;
  instance_type: string;
  image_id: string;
  status: InstanceStatus;
  status_since: number;
  vpc_id: string;
  vswitch_id: string;
  private_ip: string;
  security_group_ids: string;
  resource_group_id: string;
  creation_time: string;
  internet_max_bandwidth_out: number;
  locks: string;
  host_name: string;
  has_password: number;
  deletion_protection: number;
  internet_charge_type: string;
  instance_charge_type: string;
  public_ip: string;
  platform: string;
  os_type: string;
  os_name: string;
  os_name_en: string;
  start_time: string;
  extra?: string;
}
function toRecord(r: InstanceRow): InstanceRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    regionId: r.region_id,
    zoneId: r.zone_id,
    name: r.name,
    description: r.description,
    instanceType: r.instance_type,
    imageId: r.image_id,
    status: r.status,
    statusSince: r.status_since,
    vpcId: r.vpc_id,
    vSwitchId: r.vswitch_id,
    privateIp: r.private_ip,
    securityGroupIds: JSON.parse(r.security_group_ids) as string[],
    resourceGroupId: r.resource_group_id,
    creationTime: r.creation_time,
    internetMaxBandwidthOut: r.internet_max_bandwidth_out,
    locks: JSON.parse(r.locks) as OperationLock[],
    hostName: r.host_name,
    hasPassword: r.has_password === 1,
    deletionProtection: r.deletion_protection === 1,
    internetChargeType: r.internet_charge_type,
    instanceChargeType: r.instance_charge_type,
    publicIp: r.public_ip,
    platform: r.platform,
    osType: r.os_type,
    osName: r.os_name,
    osNameEn: r.os_name_en,
    startTime: r.start_time,
    extra: r.extra ? (JSON.parse(r.extra) as InstanceExtra) : {},
  };
}

/** One instance of the account in the region, or undefined. */
export function getInstance(db: Database.Database, accountId: number, regionId: string, id: string): InstanceRecord | undefined {
  const row = db.prepare('SELECT * FROM instances WHERE account_id = ? AND region_id = ? AND id = ?').get(accountId, regionId, id) as
    InstanceRow | undefined;
  return row && toRecord(row);
}

/** Insert an instance; ignored when the id exists (seeds run again after restarts). */
export function insertInstance(db: Database.Database, rec: InstanceRecord): void {
  const res = db
    .prepare(
      `INSERT OR IGNORE INTO instances (id, account_id, region_id, zone_id, name, description, instance_type, image_id, status, status_since,
      vpc_id, vswitch_id, private_ip, security_group_ids, resource_group_id, creation_time, internet_max_bandwidth_out, locks)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      rec.id,
      rec.accountId,
      rec.regionId,
      rec.zoneId,
      rec.name,
      rec.description ?? '',
      rec.instanceType,
      rec.imageId,
      rec.status,
      rec.statusSince,
      rec.vpcId,
      rec.vSwitchId,
      rec.privateIp ?? '',
      JSON.stringify(rec.securityGroupIds),
      rec.resourceGroupId,
      rec.creationTime,
      rec.internetMaxBandwidthOut,
      JSON.stringify(rec.locks),
    );
  if (res.changes === 0) return;
  const { id: _i, accountId: _a, regionId: _r, ...rest } = rec;
  updateInstance(db, rec.id, Object.fromEntries(Object.entries(rest).filter(([k]) => lifecycleKeys.has(k))));
}

const lifecycleKeys = new Set([
  'hostName',
  'hasPassword',
  'deletionProtection',
  'internetChargeType',
  'instanceChargeType',
  'publicIp',
  'platform',
  'osType',
  'osName',
  'osNameEn',
  'startTime',
  'extra',
]);

/** One instance of the account by id in any region (actions without RegionId: StartInstance, DeleteInstance, ...). */
export function findInstanceAnyRegion(db: Database.Database, accountId: number, id: string): InstanceRecord | undefined {
  const row = db.prepare('SELECT * FROM instances WHERE account_id = ? AND id = ?').get(accountId, id) as InstanceRow | undefined;
  return row && toRecord(row);
}

/** Ids of the account's instances in the region that belong to the security group (DeleteSecurityGroup dependency). */
export function instancesInSecurityGroup(db: Database.Database, accountId: number, regionId: string, sgId: string): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM instances WHERE account_id = ? AND region_id = ? AND (EXISTS (SELECT 1 FROM json_each(security_group_ids) WHERE value = ?)
           OR EXISTS (SELECT 1 FROM json_each(instances.extra, '$.secondaryEnis') AS e, json_each(e.value, '$.securityGroupIds') AS g WHERE g.value = ?))
         ORDER BY id`,
      )
      .all(accountId, regionId, sgId, sgId) as { id: string }[]
  ).map((r) => r.id);
}

/** Private IPs already taken in a vSwitch, primary and secondary (any account: the vSwitch is the account's own anyway). */
export function privateIpsInVSwitch(db: Database.Database, vSwitchId: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT private_ip AS ip FROM instances WHERE vswitch_id = ? AND private_ip != ''
       UNION ALL SELECT j.value FROM instances, json_each(instances.extra, '$.secondaryIps') AS j WHERE vswitch_id = ? AND extra IS NOT NULL
       UNION ALL SELECT json_extract(e.value, '$.privateIp') FROM instances, json_each(instances.extra, '$.secondaryEnis') AS e
         WHERE extra IS NOT NULL AND json_extract(e.value, '$.vSwitchId') = ?`,
    )
    .all(vSwitchId, vSwitchId, vSwitchId) as { ip: string }[];
  return new Set(rows.map((r) => r.ip));
}

/** The id of an instance's primary network interface (the emulator derives it from the instance id). */
export const primaryEniId = (instanceId: string): string => `eni-${instanceId.slice(2)}`;

/** Instances of the account in the region matching the filter, newest first then by id. */
export function listInstances(db: Database.Database, accountId: number, regionId: string, filter: InstanceFilter = {}): InstanceRecord[] {
  const where = ['account_id = ?', 'region_id = ?'];
  const args: unknown[] = [accountId, regionId];
  const eq = (col: string, v: string | undefined) => {
    if (v !== undefined) {
      where.push(`${col} = ?`);
      args.push(v);
    }
  };
  eq('image_id', filter.imageId);
  eq('zone_id', filter.zoneId);
  eq('resource_group_id', filter.resourceGroupId);
  eq('vpc_id', filter.vpcId);
  eq('vswitch_id', filter.vSwitchId);
  eq('instance_type', filter.instanceType);
  if (filter.ids) {
    where.push(`id IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(filter.ids));
  }
  const rows = db
    .prepare(`SELECT * FROM instances WHERE ${where.join(' AND ')} ORDER BY creation_time DESC, id`)
    .all(...args) as InstanceRow[];
  return rows.map(toRecord);
}

/** Instances with the given ids in that order (a Describe* page, one query). */
export function instancesByIds(db: Database.Database, ids: readonly string[]): InstanceRecord[] {
  return rowsByIds<InstanceRow>(db, 'instances', ids).map(toRecord);
}

/** Ids of the images the account's instances run (any region), for DescribeImages `Usage` in one query. */
export function imageIdsInUse(db: Database.Database, accountId: number): string[] {
  return (
    cachedStatement(db, 'SELECT DISTINCT image_id AS id FROM instances WHERE account_id = ? ORDER BY image_id').all(accountId) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

/** Instances of the account (any region) that run the image, for DescribeImages `Usage` and DeleteImage. */
export function instancesUsingImage(db: Database.Database, accountId: number, imageId: string): string[] {
  return (
    db.prepare('SELECT id FROM instances WHERE account_id = ? AND image_id = ? ORDER BY id').all(accountId, imageId) as { id: string }[]
  ).map((r) => r.id);
}

const columns: Partial<Record<keyof InstanceRecord, string>> = {
  zoneId: 'zone_id',
  name: 'name',
  description: 'description',
  instanceType: 'instance_type',
  imageId: 'image_id',
  status: 'status',
  statusSince: 'status_since',
  vpcId: 'vpc_id',
  vSwitchId: 'vswitch_id',
  privateIp: 'private_ip',
  securityGroupIds: 'security_group_ids',
  resourceGroupId: 'resource_group_id',
  creationTime: 'creation_time',
  internetMaxBandwidthOut: 'internet_max_bandwidth_out',
  locks: 'locks',
  hostName: 'host_name',
  hasPassword: 'has_password',
  deletionProtection: 'deletion_protection',
  internetChargeType: 'internet_charge_type',
  instanceChargeType: 'instance_charge_type',
  publicIp: 'public_ip',
  platform: 'platform',
  osType: 'os_type',
  osName: 'os_name',
  osNameEn: 'os_name_en',
  startTime: 'start_time',
  extra: 'extra',
};

/**
 * Change fields of an instance by id. Arrays are stored as JSON. Changing `status` without
 * `statusSince` is a bug the caller must avoid.
 */
export function updateInstance(
  db: Database.Database,
  id: string,
  patch: Partial<Omit<InstanceRecord, 'id' | 'accountId' | 'regionId'>>,
): void {
  const sets: string[] = [];
  const args: unknown[] = [];
  for (const [k, v] of Object.entries(patch) as [keyof InstanceRecord, unknown][]) {
    const col = columns[k];
    if (!col || v === undefined) continue;
    sets.push(`${col} = ?`);
    args.push(typeof v === 'object' && v !== null ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  if (sets.length > 0) db.prepare(`UPDATE instances SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
}

/** Delete an instance (its disks are released by the disks family). */
export function deleteInstance(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM instances WHERE id = ?').run(id);
}

/** Status as a client sees it at `now`: transitional states end after `transitionSeconds`. */
export function currentInstanceStatus(
  rec: Pick<InstanceRecord, 'status' | 'statusSince'>,
  now: Date,
  transitionSeconds: number,
): InstanceStatus {
  const elapsed = now.getTime() - rec.statusSince;
  const total = transitionSeconds * 1000;
  switch (rec.status) {
    case 'Pending':
      return elapsed >= total ? 'Running' : elapsed >= total / 2 ? 'Starting' : 'Pending';
    case 'Starting':
      return elapsed >= total ? 'Running' : 'Starting';
    case 'Stopping':
      return elapsed >= total ? 'Stopped' : 'Stopping';
    default:
      return rec.status;
  }
}
