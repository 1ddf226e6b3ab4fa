/**
 * SQLite storage of VPCs and vSwitches, partitioned by account and region.
 * Other families read through `findVpc`, `findVSwitch` and `countVSwitches`
 * (security groups check their VpcId; instances check their vSwitch).
 * Tags live in the shared tags table under the VPC product's resource types `VPC` and
 * `VSWITCH` (the old JSON `tags` columns stay empty; `legacy-tags.ts` moves old rows over).
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';
import { ownedColumns, type Row } from '../db/rows.js';
import { getTagsOfMany, setTags } from '../tags/repository.js';

/** Resource types of VPCs and vSwitches in the shared tags table (as TagResources names them). */
export const VPC_TAG_TYPE = 'VPC';
export const VSWITCH_TAG_TYPE = 'VSWITCH';

export interface TagPair {
  Key: string;
  Value: string;
}

export interface VpcRecord {
  vpcId: string;
  accountId: number;
  regionId: string;
  vpcName: string;
  description: string;
  cidrBlock: string;
  isDefault: boolean;
  resourceGroupId: string;
  vRouterId: string;
  routeTableId: string;
  tags: TagPair[];
  clientToken: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The VPC's IPv6 /56 ('' while IPv6 is off) and its ISP. */
  ipv6CidrBlock: string;
  ipv6Isp: string;
  userCidrs: string[];
  secondaryCidrBlocks: string[];
  dnsHostnameStatus: 'ENABLED' | 'DISABLED';
  classicLinkEnabled: boolean;
  /** Name, description and route propagation of the system route table (`routeTableId`). */
  routeTableName: string;
  routeTableDescription: string;
  routePropagationEnable: boolean;
}

/** Fields of a new VPC record that start at their zero value. */
export const VPC_EXTRA_DEFAULTS = {
  ipv6CidrBlock: '',
  ipv6Isp: '',
  userCidrs: [] as string[],
  secondaryCidrBlocks: [] as string[],
  dnsHostnameStatus: 'DISABLED',
  classicLinkEnabled: false,
  routeTableName: '',
  routeTableDescription: '',
  routePropagationEnable: true,
} as const satisfies Partial<VpcRecord>;

export interface VSwitchRecord {
  vSwitchId: string;
  accountId: number;
  regionId: string;
  vpcId: string;
  zoneId: string;
  cidrBlock: string;
  vSwitchName: string;
  description: string;
  isDefault: boolean;
  resourceGroupId: string;
  tags: TagPair[];
  clientToken: string | null;
  createdAt: number;
  /** The vSwitch's IPv6 /64 inside the VPC's /56 ('' while IPv6 is off). */
  ipv6CidrBlock?: string;
}

export const vpcMigrations: readonly Migration[] = [
  {
    id: '001_vpcs',
    sql: `
      CREATE TABLE vpcs (
        vpc_id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL,
        region_id TEXT NOT NULL,
        vpc_name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        cidr_block TEXT NOT NULL,
        is_default INTEGER NOT NULL DEFAULT 0,
        resource_group_id TEXT NOT NULL DEFAULT '',
        vrouter_id TEXT NOT NULL,
        route_table_id TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        client_token TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX vpcs_account_region ON vpcs (account_id, region_id, created_at);
      CREATE TABLE vswitches (
        vswitch_id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL,
        region_id TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        zone_id TEXT NOT NULL,
        cidr_block TEXT NOT NULL,
        vswitch_name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        is_default INTEGER NOT NULL DEFAULT 0,
        resource_group_id TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        client_token TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX vswitches_account_region ON vswitches (account_id, region_id, created_at);
      CREATE INDEX vswitches_vpc ON vswitches (vpc_id);
    `,
  },
  {
    id: '002_vpc_ipv6_cidrs_route_table',
    sql: `
      ALTER TABLE vpcs ADD COLUMN ipv6_cidr_block TEXT NOT NULL DEFAULT '';
      ALTER TABLE vpcs ADD COLUMN ipv6_isp TEXT NOT NULL DEFAULT '';
      ALTER TABLE vpcs ADD COLUMN user_cidrs TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE vpcs ADD COLUMN secondary_cidr_blocks TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE vpcs ADD COLUMN dns_hostname_status TEXT NOT NULL DEFAULT 'DISABLED';
      ALTER TABLE vpcs ADD COLUMN classic_link_enabled INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE vpcs ADD COLUMN route_table_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE vpcs ADD COLUMN route_table_description TEXT NOT NULL DEFAULT '';
      ALTER TABLE vpcs ADD COLUMN route_propagation_enable INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE vswitches ADD COLUMN ipv6_cidr_block TEXT NOT NULL DEFAULT '';
    `,
  },
];

/** Attach each record's tags from the shared tags table (one query for the whole list). */
function withTags<T extends { accountId: number; tags: TagPair[] }>(
  db: Database.Database,
  type: string,
  idOf: (r: T) => string,
  records: T[],
): T[] {
  if (records.length === 0) return records;
  const tags = getTagsOfMany(
    db,
    type,
    records.map((r) => ({ accountId: r.accountId, resourceId: idOf(r) })),
  );
  for (const r of records) r.tags = (tags.get(`${r.accountId}/${idOf(r)}`) ?? []).map((t) => ({ Key: t.key, Value: t.value }));
  return records;
}
const vpcsWithTags = (db: Database.Database, rs: VpcRecord[]) => withTags(db, VPC_TAG_TYPE, (v) => v.vpcId, rs);
const vswitchesWithTags = (db: Database.Database, rs: VSwitchRecord[]) => withTags(db, VSWITCH_TAG_TYPE, (s) => s.vSwitchId, rs);

function toVpc(r: Row): VpcRecord {
  return {
    vpcId: r.vpc_id as string,
    ...ownedColumns(r),
    vpcName: r.vpc_name as string,
    cidrBlock: r.cidr_block as string,
    isDefault: r.is_default === 1,
    vRouterId: r.vrouter_id as string,
    routeTableId: r.route_table_id as string,
    tags: JSON.parse(r.tags as string) as TagPair[],
    ipv6CidrBlock: r.ipv6_cidr_block as string,
    ipv6Isp: r.ipv6_isp as string,
    userCidrs: JSON.parse(r.user_cidrs as string) as string[],
    secondaryCidrBlocks: JSON.parse(r.secondary_cidr_blocks as string) as string[],
    dnsHostnameStatus: r.dns_hostname_status as 'ENABLED' | 'DISABLED',
    classicLinkEnabled: r.classic_link_enabled === 1,
    routeTableName: r.route_table_name as string,
    routeTableDescription: r.route_table_description as string,
    routePropagationEnable: r.route_propagation_enable === 1,
  };
}

function toVSwitch(r: Row): VSwitchRecord {
  return {
    vSwitchId: r.vswitch_id as string,
    ...ownedColumns(r),
    vpcId: r.vpc_id as string,
    zoneId: r.zone_id as string,
    cidrBlock: r.cidr_block as string,
    vSwitchName: r.vswitch_name as string,
    isDefault: r.is_default === 1,
    tags: JSON.parse(r.tags as string) as TagPair[],
    ipv6CidrBlock: r.ipv6_cidr_block as string,
  };
}

export function insertVpc(db: Database.Database, v: VpcRecord): void {
  db.prepare(
    `INSERT INTO vpcs (vpc_id, account_id, region_id, vpc_name, description, cidr_block, is_default, resource_group_id,
       vrouter_id, route_table_id, tags, client_token, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.vpcId,
    v.accountId,
    v.regionId,
    v.vpcName,
    v.description,
    v.cidrBlock,
    v.isDefault ? 1 : 0,
    v.resourceGroupId,
    v.vRouterId,
    v.routeTableId,
    '[]',
    v.clientToken,
    v.createdAt,
  );
  updateVpc(db, v);
  if (v.tags.length > 0)
    setTags(
      db,
      v.accountId,
      VPC_TAG_TYPE,
      v.vpcId,
      v.tags.map((t) => ({ key: t.Key, value: t.Value })),
    );
}

/** The VPC with this id in the account and region, or undefined. */
export function findVpc(db: Database.Database, accountId: number, regionId: string, vpcId: string): VpcRecord | undefined {
  const r = db.prepare('SELECT * FROM vpcs WHERE account_id = ? AND region_id = ? AND vpc_id = ?').get(accountId, regionId, vpcId) as
    Row | undefined;
  return r && vpcsWithTags(db, [toVpc(r)])[0];
}

export function findVpcByToken(db: Database.Database, accountId: number, regionId: string, token: string): VpcRecord | undefined {
  const r = db.prepare('SELECT * FROM vpcs WHERE account_id = ? AND region_id = ? AND client_token = ?').get(accountId, regionId, token) as
    Row | undefined;
  return r && vpcsWithTags(db, [toVpc(r)])[0];
}

/** All VPCs of the account in the region, oldest first. */
export function listVpcs(db: Database.Database, accountId: number, regionId: string): VpcRecord[] {
  return vpcsWithTags(
    db,
    (
      db.prepare('SELECT * FROM vpcs WHERE account_id = ? AND region_id = ? ORDER BY created_at, vpc_id').all(accountId, regionId) as Row[]
    ).map(toVpc),
  );
}

/** Save every mutable field (tags go through the tags repository). */
export function updateVpc(db: Database.Database, v: VpcRecord): void {
  db.prepare(
    `UPDATE vpcs SET vpc_name = ?, description = ?, cidr_block = ?, resource_group_id = ?, ipv6_cidr_block = ?, ipv6_isp = ?,
       user_cidrs = ?, secondary_cidr_blocks = ?, dns_hostname_status = ?, classic_link_enabled = ?, route_table_name = ?,
       route_table_description = ?, route_propagation_enable = ? WHERE vpc_id = ?`,
  ).run(
    v.vpcName,
    v.description,
    v.cidrBlock,
    v.resourceGroupId,
    v.ipv6CidrBlock,
    v.ipv6Isp,
    JSON.stringify(v.userCidrs),
    JSON.stringify(v.secondaryCidrBlocks),
    v.dnsHostnameStatus,
    v.classicLinkEnabled ? 1 : 0,
    v.routeTableName,
    v.routeTableDescription,
    v.routePropagationEnable ? 1 : 0,
    v.vpcId,
  );
}

export function deleteVpc(db: Database.Database, vpcId: string): void {
  db.prepare('DELETE FROM vpcs WHERE vpc_id = ?').run(vpcId);
  db.prepare('DELETE FROM tags WHERE resource_type = ? AND resource_id = ?').run(VPC_TAG_TYPE, vpcId);
}

export function insertVSwitch(db: Database.Database, s: VSwitchRecord): void {
  db.prepare(
    `INSERT INTO vswitches (vswitch_id, account_id, region_id, vpc_id, zone_id, cidr_block, vswitch_name, description,
       is_default, resource_group_id, tags, client_token, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.vSwitchId,
    s.accountId,
    s.regionId,
    s.vpcId,
    s.zoneId,
    s.cidrBlock,
    s.vSwitchName,
    s.description,
    s.isDefault ? 1 : 0,
    s.resourceGroupId,
    '[]',
    s.clientToken,
    s.createdAt,
  );
  updateVSwitch(db, s);
  if (s.tags.length > 0)
    setTags(
      db,
      s.accountId,
      VSWITCH_TAG_TYPE,
      s.vSwitchId,
      s.tags.map((t) => ({ key: t.Key, value: t.Value })),
    );
}

/** The vSwitch with this id in the account and region, or undefined. */
export function findVSwitch(db: Database.Database, accountId: number, regionId: string, vSwitchId: string): VSwitchRecord | undefined {
  const r = db
    .prepare('SELECT * FROM vswitches WHERE account_id = ? AND region_id = ? AND vswitch_id = ?')
    .get(accountId, regionId, vSwitchId) as Row | undefined;
  return r && vswitchesWithTags(db, [toVSwitch(r)])[0];
}

export function findVSwitchByToken(db: Database.Database, accountId: number, regionId: string, token: string): VSwitchRecord | undefined {
  const r = db
    .prepare('SELECT * FROM vswitches WHERE account_id = ? AND region_id = ? AND client_token = ?')
    .get(accountId, regionId, token) as Row | undefined;
  return r && vswitchesWithTags(db, [toVSwitch(r)])[0];
}

/** All vSwitches of the account in the region (optionally of one VPC), oldest first. */
export function listVSwitches(db: Database.Database, accountId: number, regionId: string, vpcId?: string): VSwitchRecord[] {
  const rows =
    vpcId === undefined
      ? db
          .prepare('SELECT * FROM vswitches WHERE account_id = ? AND region_id = ? ORDER BY created_at, vswitch_id')
          .all(accountId, regionId)
      : db
          .prepare('SELECT * FROM vswitches WHERE account_id = ? AND region_id = ? AND vpc_id = ? ORDER BY created_at, vswitch_id')
          .all(accountId, regionId, vpcId);
  return vswitchesWithTags(db, (rows as Row[]).map(toVSwitch));
}

/** Save name, description and IPv6 block (tags go through the tags repository). */
export function updateVSwitch(db: Database.Database, s: VSwitchRecord): void {
  db.prepare('UPDATE vswitches SET vswitch_name = ?, description = ?, ipv6_cidr_block = ? WHERE vswitch_id = ?').run(
    s.vSwitchName,
    s.description,
    s.ipv6CidrBlock ?? '',
    s.vSwitchId,
  );
}

export function deleteVSwitch(db: Database.Database, vSwitchId: string): void {
  db.prepare('DELETE FROM vswitches WHERE vswitch_id = ?').run(vSwitchId);
  db.prepare('DELETE FROM tags WHERE resource_type = ? AND resource_id = ?').run(VSWITCH_TAG_TYPE, vSwitchId);
}
