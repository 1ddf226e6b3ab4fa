/**
 * SQLite storage of security groups and their rules, partitioned by account
 * and region. Other families read through `findSecurityGroup` (RunInstances)
 * and `countSecurityGroupsInVpc` (DeleteVpc).
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../context.js';
import { ownedColumns, type Row } from '../db/rows.js';

export interface SecurityGroupRecord {
  securityGroupId: string;
  accountId: number;
  regionId: string;
  vpcId: string;
  name: string;
  description: string;
  type: 'normal' | 'enterprise';
  resourceGroupId: string;
  serviceManaged: boolean;
  /** `Accept` or `Drop` once set by ModifySecurityGroupPolicy; null means the type's default. */
  innerAccessPolicy?: 'Accept' | 'Drop' | null;
  clientToken: string | null;
  createdAt: number;
}

/** The inner access policy in force: the stored one, else Accept for normal groups and Drop for enterprise ones. */
export function innerAccessPolicyOf(g: SecurityGroupRecord): 'Accept' | 'Drop' {
  return g.innerAccessPolicy ?? (g.type === 'normal' ? 'Accept' : 'Drop');
}

export interface RuleRecord {
  ruleId: string;
  securityGroupId: string;
  direction: 'ingress' | 'egress';
  ipProtocol: string;
  portRange: string;
  sourceCidrIp: string;
  destCidrIp: string;
  sourceGroupId: string;
  destGroupId: string;
  sourcePortRange: string;
  policy: string;
  priority: string;
  nicType: string;
  description: string;
  createdAt: number;
  ipv6SourceCidrIp: string;
  ipv6DestCidrIp: string;
  /** Owner account of the peer group (SourceGroupOwnerAccount / DestGroupOwnerAccount). */
  peerOwnerAccount: string;
}

export const securityGroupMigrations: readonly Migration[] = [
  {
    id: '001_security_groups',
    sql: `
      CREATE TABLE security_groups (
        security_group_id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL,
        region_id TEXT NOT NULL,
        vpc_id TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL CHECK (type IN ('normal', 'enterprise')),
        resource_group_id TEXT NOT NULL DEFAULT '',
        service_managed INTEGER NOT NULL DEFAULT 0,
        client_token TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX security_groups_account_region ON security_groups (account_id, region_id, created_at);
      CREATE TABLE security_group_rules (
        rule_id TEXT PRIMARY KEY,
        security_group_id TEXT NOT NULL,
        direction TEXT NOT NULL,
        ip_protocol TEXT NOT NULL,
        port_range TEXT NOT NULL,
        source_cidr_ip TEXT NOT NULL DEFAULT '',
        dest_cidr_ip TEXT NOT NULL DEFAULT '',
        source_group_id TEXT NOT NULL DEFAULT '',
        dest_group_id TEXT NOT NULL DEFAULT '',
        source_port_range TEXT NOT NULL DEFAULT '',
        policy TEXT NOT NULL,
        priority TEXT NOT NULL,
        nic_type TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      );
      CREATE INDEX security_group_rules_group ON security_group_rules (security_group_id, created_at);
    `,
  },
  { id: '002_inner_access_policy', sql: 'ALTER TABLE security_groups ADD COLUMN inner_access_policy TEXT' },
  {
    id: '003_rule_ipv6_and_peer_owner',
    sql: `
      ALTER TABLE security_group_rules ADD COLUMN ipv6_source_cidr_ip TEXT NOT NULL DEFAULT '';
      ALTER TABLE security_group_rules ADD COLUMN ipv6_dest_cidr_ip TEXT NOT NULL DEFAULT '';
      ALTER TABLE security_group_rules ADD COLUMN peer_owner_account TEXT NOT NULL DEFAULT '';
    `,
  },
];

function toGroup(r: Row): SecurityGroupRecord {
  return {
    securityGroupId: r.security_group_id as string,
    ...ownedColumns(r),
    vpcId: r.vpc_id as string,
    name: r.name as string,
    type: r.type as 'normal' | 'enterprise',
    serviceManaged: r.service_managed === 1,
    innerAccessPolicy: (r.inner_access_policy as 'Accept' | 'Drop' | null) ?? null,
  };
}

function toRule(r: Row): RuleRecord {
  return {
    ruleId: r.rule_id as string,
    securityGroupId: r.security_group_id as string,
    direction: r.direction as 'ingress' | 'egress',
    ipProtocol: r.ip_protocol as string,
    portRange: r.port_range as string,
    sourceCidrIp: r.source_cidr_ip as string,
    destCidrIp: r.dest_cidr_ip as string,
    sourceGroupId: r.source_group_id as string,
    destGroupId: r.dest_group_id as string,
    sourcePortRange: r.source_port_range as string,
    policy: r.policy as string,
    priority: r.priority as string,
    nicType: r.nic_type as string,
    description: r.description as string,
    createdAt: r.created_at as number,
    ipv6SourceCidrIp: r.ipv6_source_cidr_ip as string,
    ipv6DestCidrIp: r.ipv6_dest_cidr_ip as string,
    peerOwnerAccount: r.peer_owner_account as string,
  };
}

export function insertSecurityGroup(db: Database.Database, g: SecurityGroupRecord): void {
  db.prepare(
    `INSERT INTO security_groups (security_group_id, account_id, region_id, vpc_id, name, description, type, resource_group_id,
       service_managed, client_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    g.securityGroupId,
    g.accountId,
    g.regionId,
    g.vpcId,
    g.name,
    g.description,
    g.type,
    g.resourceGroupId,
    g.serviceManaged ? 1 : 0,
    g.clientToken,
    g.createdAt,
  );
}

/** The group with this id in the account and region, or undefined. */
export function findSecurityGroup(db: Database.Database, accountId: number, regionId: string, id: string): SecurityGroupRecord | undefined {
  const r = db
    .prepare('SELECT * FROM security_groups WHERE account_id = ? AND region_id = ? AND security_group_id = ?')
    .get(accountId, regionId, id) as Row | undefined;
  return r && toGroup(r);
}

export function findSecurityGroupByToken(
  db: Database.Database,
  accountId: number,
  regionId: string,
  token: string,
): SecurityGroupRecord | undefined {
  const r = db
    .prepare('SELECT * FROM security_groups WHERE account_id = ? AND region_id = ? AND client_token = ?')
    .get(accountId, regionId, token) as Row | undefined;
  return r && toGroup(r);
}

/** Groups of the account in the region, newest first (as DescribeSecurityGroups lists them). */
export function listSecurityGroups(db: Database.Database, accountId: number, regionId: string): SecurityGroupRecord[] {
  return (
    db
      .prepare('SELECT * FROM security_groups WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, security_group_id DESC')
      .all(accountId, regionId) as Row[]
  ).map(toGroup);
}

/** How many groups still belong to the VPC (DeleteVpc refuses while any remain). */
export function countSecurityGroupsInVpc(db: Database.Database, accountId: number, regionId: string, vpcId: string): number {
  const r = db
    .prepare('SELECT COUNT(*) AS n FROM security_groups WHERE account_id = ? AND region_id = ? AND vpc_id = ?')
    .get(accountId, regionId, vpcId) as { n: number };
  return r.n;
}

export function updateSecurityGroup(db: Database.Database, g: SecurityGroupRecord): void {
  db.prepare(
    'UPDATE security_groups SET name = ?, description = ?, resource_group_id = ?, inner_access_policy = ? WHERE security_group_id = ?',
  ).run(g.name, g.description, g.resourceGroupId, g.innerAccessPolicy ?? null, g.securityGroupId);
}

export function deleteSecurityGroup(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM security_group_rules WHERE security_group_id = ?').run(id);
  db.prepare('DELETE FROM security_groups WHERE security_group_id = ?').run(id);
}

export function insertRule(db: Database.Database, r: RuleRecord): void {
  db.prepare(
    `INSERT INTO security_group_rules (rule_id, security_group_id, direction, ip_protocol, port_range, source_cidr_ip, dest_cidr_ip,
       source_group_id, dest_group_id, source_port_range, policy, priority, nic_type, description, created_at,
       ipv6_source_cidr_ip, ipv6_dest_cidr_ip, peer_owner_account)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.ruleId,
    r.securityGroupId,
    r.direction,
    r.ipProtocol,
    r.portRange,
    r.sourceCidrIp,
    r.destCidrIp,
    r.sourceGroupId,
    r.destGroupId,
    r.sourcePortRange,
    r.policy,
    r.priority,
    r.nicType,
    r.description,
    r.createdAt,
    r.ipv6SourceCidrIp,
    r.ipv6DestCidrIp,
    r.peerOwnerAccount,
  );
}

/** Save a rule's description, priority and policy (ModifySecurityGroupRule). */
export function updateRule(db: Database.Database, r: RuleRecord): void {
  db.prepare('UPDATE security_group_rules SET description = ?, priority = ?, policy = ? WHERE rule_id = ?').run(
    r.description,
    r.priority,
    r.policy,
    r.ruleId,
  );
}

export function listRules(db: Database.Database, securityGroupId: string): RuleRecord[] {
  return (
    db.prepare('SELECT * FROM security_group_rules WHERE security_group_id = ? ORDER BY created_at, rule_id').all(securityGroupId) as Row[]
  ).map(toRule);
}

export function deleteRule(db: Database.Database, ruleId: string): void {
  db.prepare('DELETE FROM security_group_rules WHERE rule_id = ?').run(ruleId);
}
