import { EcsApiError, apiError, type HandlerOf } from '../context.js';
import type { resizeDiskSpec } from '../../spec/ecs/disks.js';
import { withClientToken } from '../db/client-tokens.js';
import { ownDisk } from './attach-detach.js';
import { diskTransitionSeconds } from './describe-disks.js';
import { diskStatus, updateDisk } from './repository.js';

/** Largest size (GiB) ResizeDisk allows: system disks 2048; data disks 2000 (basic `cloud`) or 32768. */
export function maxDiskSize(type: 'system' | 'data', category: string): number {
  if (type === 'system') return 2048;
  return category === 'cloud' ? 2000 : 32768;
}

/**
 * ResizeDisk: grow a disk to NewSize GiB (larger than now, at most {@link maxDiskSize}); the disk
 * is Available or In_use, and the instance it is attached to Running or Stopped. Repeating the
 * same request with its ClientToken succeeds again.
 */
export const resizeDisk: HandlerOf<typeof resizeDiskSpec> = (ctx, input) => {
  const disk = ownDisk(ctx, input.DiskId);
  return withClientToken(ctx, 'ResizeDisk', input.ClientToken, input, () => {
    const newSize = input.NewSize;
    const max = maxDiskSize(disk.type, disk.category);
    if (newSize <= disk.sizeGiB) {
      throw apiError(
        'InvalidDiskSize.TooSmall',
        `NewSize ${newSize} must be larger than the current size ${disk.sizeGiB} GiB of disk "${disk.id}"; disks only grow.`,
      );
    }
    if (newSize > max) {
      throw new EcsApiError(
        'InvalidParameter',
        403,
        `NewSize ${newSize} is not valid for ${disk.type} disk "${disk.id}" (${disk.category}): at most ${max} GiB.`,
      );
    }
    const status = diskStatus(disk, ctx.now(), diskTransitionSeconds(ctx));
    if (status !== 'Available' && status !== 'In_use' && status !== 'Attaching')
      throw new EcsApiError('IncorrectDiskStatus', 403, `The disk "${disk.id}" is ${status}; ResizeDisk needs it Available or In_use.`);
    const instances = ctx.backend.queries.instances;
    const inst = disk.instanceId ? instances?.find(ctx.db, ctx.account.accountId, disk.regionId, disk.instanceId) : undefined;
    if (inst && instances) {
      const st = instances.status(inst, ctx.now(), ctx.settings.instanceStartSeconds);
      if (st !== 'Running' && st !== 'Stopped') {
        throw new EcsApiError(
          'OperationDenied',
          403,
          `The instance "${inst.id}" of disk "${disk.id}" is ${st}; ResizeDisk needs it Running or Stopped.`,
        );
      }
    }
    updateDisk(ctx.db, disk.id, { sizeGiB: newSize });
    const result = {};
    return result;
  });
};
