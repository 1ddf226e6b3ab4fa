/**
 * Per-account seed (SEED.md): the default security group of the default VPC, which the seeded
 * instances join. Idempotent: an existing id is left alone.
 */
import type Database from 'better-sqlite3';
import type { Account, EmulatorSettings } from '../context.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { defaultVpcId } from '../vpc/seed.js';
import { findSecurityGroup, insertRule, insertSecurityGroup } from './repository.js';

/** Id of an account's default security group (the seeded instances join it). */
export const defaultSecurityGroupId = (accountId: number) => `sg-default-${accountId}`;

export function seedDefaultSecurityGroup(db: Database.Database, account: Account | null, settings: EmulatorSettings): void {
  if (!account) return;
  const a = account.accountId;
  const id = defaultSecurityGroupId(a);
  if (findSecurityGroup(db, a, settings.defaultRegionId, id)) return;
  insertSecurityGroup(db, {
    securityGroupId: id,
    accountId: a,
    regionId: settings.defaultRegionId,
    vpcId: defaultVpcId(a),
    name: 'default',
    description: 'Default security group seeded by the emulator',
    type: 'normal',
    resourceGroupId: seededGroupId(a, 'default'),
    serviceManaged: false,
    clientToken: null,
    createdAt: Date.parse('2024-01-01T00:00:00Z'),
  });
  // One rule to look at and import: SSH from the private 10.0.0.0/8 range.
  insertRule(db, {
    ruleId: `sgr-default-ssh-${a}`,
    securityGroupId: id,
    direction: 'ingress',
    ipProtocol: 'tcp',
    portRange: '22/22',
    sourceCidrIp: '10.0.0.0/8',
    destCidrIp: '',
    sourceGroupId: '',
    destGroupId: '',
    sourcePortRange: '',
    policy: 'accept',
    priority: '1',
    nicType: 'intranet',
    description: 'SSH from the private network (seeded)',
    createdAt: Date.parse('2024-01-01T00:00:00Z'),
    ipv6SourceCidrIp: '',
    ipv6DestCidrIp: '',
    peerOwnerAccount: '',
  });
}
