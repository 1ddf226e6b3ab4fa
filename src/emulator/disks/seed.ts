/**
 * The disks of the seeded instances (see SEED.md): a system and a data disk on the Running and
 * Stopped seed instances, a system disk on the locked one, with stable ids (`d-running-system-<accountId>`).
 */
import type Database from 'better-sqlite3';
import type { Account, EmulatorSettings } from '../context.js';
import { SEED_INSTANCE_IMAGE, SEED_LOCKED_INSTANCE_IMAGE } from '../images/public-images.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { seedZone } from '../vpc/seed.js';
import { seedDiskId, seedInstanceId, SEED_INSTANCE_ROLES } from '../instances/seed-ids.js';
import { diskQueries } from './queries.js';

export function seedDisks(db: Database.Database, account: Account | null, settings: EmulatorSettings): void {
  if (!account) return;
  const a = account.accountId;
  const region = settings.defaultRegionId;
  SEED_INSTANCE_ROLES.forEach((role, i) => {
    const essd = { category: 'cloud_essd', performanceLevel: 'PL1' };
    diskQueries.launch(
      db,
      {
        accountId: a,
        regionId: region,
        zoneId: seedZone(region),
        instanceId: seedInstanceId(a, role),
        resourceGroupId: seededGroupId(a, 'default'),
        imageId: role === 'locked' ? SEED_LOCKED_INSTANCE_IMAGE : SEED_INSTANCE_IMAGE,
        creationTime: `2024-01-02T00:0${i + 1}Z`,
        since: 0,
      },
      [
        { id: seedDiskId(a, role, 'system'), type: 'system', sizeGiB: 40, device: '/dev/xvda', ...essd },
        ...(role === 'locked'
          ? []
          : [{ id: seedDiskId(a, role, 'data'), type: 'data' as const, sizeGiB: 100, device: '/dev/xvdb', ...essd }]),
      ],
    );
  });
}
