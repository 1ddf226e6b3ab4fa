/**
 * Per-account seed (SEED.md): the default VPC and vSwitch the seeded instances point at, in
 * `settings.defaultRegionId`. Idempotent: an existing id is left alone (restarts, admin reset).
 */
import type Database from 'better-sqlite3';
import type { Account, EmulatorSettings } from '../context.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { zonesOf } from '../zones/catalogue.js';
import { moveLegacyNetworkTags } from './legacy-tags.js';
import { findVpc, findVSwitch, insertVpc, insertVSwitch, VPC_EXTRA_DEFAULTS } from './repository.js';

/** CIDR of the default VPC (Alibaba's default) and of its default vSwitch (holds the seeded 172.16.0.x IPs). */
export const DEFAULT_VPC_CIDR = '172.16.0.0/12';
export const DEFAULT_VSWITCH_CIDR = '172.16.0.0/20';
const SEEDED_AT = Date.parse('2024-01-01T00:00:00Z');

/** Ids of an account's default VPC and vSwitch (the seeded instances use them too). */
export const defaultVpcId = (accountId: number) => `vpc-default-${accountId}`;
export const defaultVSwitchId = (accountId: number) => `vsw-default-${accountId}`;
/** Zone of the default vSwitch and the seeded instances: the region's second zone (sells every family) or its only one. */
export const seedZone = (regionId: string) => {
  const z = zonesOf(regionId);
  return (z[1] ?? z[0])!.zoneId;
};

export function seedDefaultNetwork(db: Database.Database, account: Account | null, settings: EmulatorSettings): void {
  if (!account) return;
  moveLegacyNetworkTags(db);
  const a = account.accountId;
  const region = settings.defaultRegionId;
  const net = { vpcId: defaultVpcId(a), vSwitchId: defaultVSwitchId(a) };
  if (!findVpc(db, a, region, net.vpcId)) {
    insertVpc(db, {
      vpcId: net.vpcId,
      accountId: a,
      regionId: region,
      vpcName: 'default',
      description: 'Default VPC seeded by the emulator',
      cidrBlock: DEFAULT_VPC_CIDR,
      isDefault: true,
      resourceGroupId: seededGroupId(a, 'default'),
      vRouterId: `vrt-default-${a}`,
      routeTableId: `vtb-default-${a}`,
      tags: [],
      clientToken: null,
      createdAt: SEEDED_AT,
      ...VPC_EXTRA_DEFAULTS,
      userCidrs: [],
      secondaryCidrBlocks: [],
    });
  }
  if (!findVSwitch(db, a, region, net.vSwitchId)) {
    insertVSwitch(db, {
      vSwitchId: net.vSwitchId,
      accountId: a,
      regionId: region,
      vpcId: net.vpcId,
      zoneId: seedZone(region),
      cidrBlock: DEFAULT_VSWITCH_CIDR,
      vSwitchName: 'default',
      description: 'Default vSwitch seeded by the emulator',
      isDefault: true,
      resourceGroupId: seededGroupId(a, 'default'),
      tags: [],
      clientToken: null,
      createdAt: SEEDED_AT,
    });
  }
}
