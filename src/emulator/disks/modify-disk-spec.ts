import { EcsApiError, apiError, type HandlerOf } from '../context.js';
import { diskSizeRange } from '../../spec/ecs/disks.js';
import type { modifyDiskSpecSpec } from '../../spec/ecs/disk-spec.js';
import { ownDisk } from './attach-detach.js';
import { checkProvisionedIops } from './performance.js';
import { diskTransitionSeconds } from './describe-disks.js';
import { diskStatus, updateDisk } from './repository.js';

/**
 * ModifyDiskSpec: a new performance level for a `cloud_essd` disk at least as large as the level's
 * minimum (PL2 461 GiB, PL3 1261 GiB), or new provisioned IOPS for a `cloud_auto` disk (within the
 * size's limit, performance.ts); the disk Available or In_use and its instance Running or Stopped, as
 * for ResizeDisk. The same values again change nothing.
 */
export const modifyDiskSpec: HandlerOf<typeof modifyDiskSpecSpec> = (ctx, input) => {
  const disk = ownDisk(ctx, input.DiskId);
  const level = input.PerformanceLevel;
  const iops = input.ProvisionedIops;
  if (level === undefined && iops === undefined)
    throw apiError('MissingParameter', 'Give PerformanceLevel (cloud_essd) or ProvisionedIops (cloud_auto) to change.');
  if (level !== undefined) {
    if (disk.category !== 'cloud_essd')
      throw apiError(
        'InvalidPerformanceLevel.Malformed',
        `The disk "${disk.id}" is ${disk.category}; PerformanceLevel applies to cloud_essd disks only.`,
      );
    const [min] = diskSizeRange('cloud_essd', level);
    if (disk.sizeGiB < min)
      throw apiError(
        'InvalidDiskSize.NotSupported',
        `The disk "${disk.id}" is ${disk.sizeGiB} GiB; ${level} needs at least ${min} GiB. Grow it with ResizeDisk first.`,
      );
  }
  checkProvisionedIops('', disk.category, disk.sizeGiB, iops);
  const status = diskStatus(disk, ctx.now(), diskTransitionSeconds(ctx));
  if (status !== 'Available' && status !== 'In_use')
    throw new EcsApiError('IncorrectDiskStatus', 403, `The disk "${disk.id}" is ${status}; ModifyDiskSpec needs it Available or In_use.`);
  const instances = ctx.backend.queries.instances;
  const inst = disk.instanceId ? instances?.find(ctx.db, ctx.account.accountId, disk.regionId, disk.instanceId) : undefined;
  if (inst && instances) {
    const st = instances.status(inst, ctx.now(), ctx.settings.instanceStartSeconds);
    if (st !== 'Running' && st !== 'Stopped')
      throw apiError(
        'IncorrectInstanceStatus',
        `The instance "${inst.id}" of disk "${disk.id}" is ${st}; ModifyDiskSpec needs it Running or Stopped.`,
      );
  }
  if (input.DryRun === true) throw apiError('DryRunOperation');
  updateDisk(ctx.db, disk.id, { performanceLevel: level, provisionedIops: iops });
  return {};
};
