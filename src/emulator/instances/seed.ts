/**
 * Per-account seed instances (see SEED.md): a Running and a Stopped instance on Ubuntu 22.04,
 * each with a system and a data disk (seeded by the disks family), and a security-locked
 * instance on CentOS 7.9. Ids are stable and readable: `i-running-<accountId>`, `d-running-system-<accountId>`, ...
 */
import type Database from 'better-sqlite3';
import type { Account, EmulatorSettings } from '../context.js';
import { SEED_INSTANCE_IMAGE, SEED_LOCKED_INSTANCE_IMAGE } from '../images/public-images.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { defaultSecurityGroupId } from '../security-groups/seed.js';
import { defaultVpcId, defaultVSwitchId, seedZone } from '../vpc/seed.js';
import { insertInstance, type InstanceStatus } from './repository.js';
import { seedInstanceId, type SeedInstanceRole } from './seed-ids.js';

export { seedDiskId, seedInstanceId, type SeedInstanceRole } from './seed-ids.js';

export function seedInstances(db: Database.Database, account: Account | null, settings: EmulatorSettings): void {
  if (!account) return;
  const a = account.accountId;
  const region = settings.defaultRegionId;
  const make = (role: SeedInstanceRole, status: InstanceStatus, image: string, n: number) =>
    insertInstance(db, {
      id: seedInstanceId(a, role),
      accountId: a,
      regionId: region,
      zoneId: seedZone(region),
      name: `seed-${role}`,
      instanceType: 'ecs.g8i.large',
      imageId: image,
      status,
      statusSince: Date.parse('2024-01-02T00:00:00Z'),
      vpcId: defaultVpcId(a),
      vSwitchId: defaultVSwitchId(a),
      securityGroupIds: [defaultSecurityGroupId(a)],
      resourceGroupId: seededGroupId(a, 'default'),
      creationTime: `2024-01-02T00:0${n}Z`,
      internetMaxBandwidthOut: 0,
      privateIp: `172.16.0.${10 + n}`,
      description: `Seeded ${role} instance`,
      locks: role === 'locked' ? [{ lockReason: 'security', lockMsg: 'Locked by the emulator seed for tests.' }] : [],
    });
  make('running', 'Running', SEED_INSTANCE_IMAGE, 1);
  make('stopped', 'Stopped', SEED_INSTANCE_IMAGE, 2);
  make('locked', 'Running', SEED_LOCKED_INSTANCE_IMAGE, 3);
}
