/**
 * Per-account seed (SEED.md): the default VPC and vSwitch the seeded instances point at, in
 * `settings.defaultRegionId`. Idempotent: an existing id is left alone (restarts, admin reset).
 */
import type Database from 'better-sqlite3';
import type { Account, EmulatorSettings } from '../context.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { seedNetwork, seedZone } from '../instances/seed.js';
import { moveLegacyNetworkTags } from './legacy-tags.js';
import { findVpc, findVSwitch, insertVpc, insertVSwitch } from './repository.js';

/** CIDR of the default VPC (Alibaba's default) and of its default vSwitch (holds the seeded 172.16.0.x IPs). */
export const DEFAULT_VPC_CIDR = '172.16.0.0/12';
export const DEFAULT_VSWITCH_CIDR = '172.16.0.0/20';
const SEEDED_AT = Date.parse('2024-01-01T00:00:00Z');

export function seedDefaultNetwork(db: Database.Database, account: Account | null, settings: EmulatorSettings): void {
  if (!account) return;
  moveLegacyNetworkTags(db);
  const a = account.accountId;
  const region = settings.defaultRegionId;
  const net = seedNetwork(a);
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
