/**
 * System disk actions: ReplaceSystemDisk (a new system disk from an image; the disk id changes)
 * and ResizeDisk (grow a system or data disk).
 */
import { EcsApiError, apiError, type HandlerOf } from '../context.js';
import type { replaceSystemDiskSpec, resizeDiskSpec } from '../../spec/ecs/instance-lifecycle.js';
import { withClientToken } from '../db/client-tokens.js';
import { checkPassword, ownInstance, requireStatus, statusNow } from './lifecycle-common.js';
import { availableImage } from './run-instances-input.js';
import { findDiskAnyRegion, findInstanceAnyRegion, updateInstance } from './repository.js';

/** Largest size (GiB) ResizeDisk allows: system disks 2048; data disks 2000 (basic `cloud`) or 32768. */
export function maxDiskSize(type: 'system' | 'data', category: string): number {
  if (type === 'system') return 2048;
  return category === 'cloud' ? 2000 : 32768;
}

/**
 * ReplaceSystemDisk: the instance must be Stopped and not security-locked; ImageId must be an
 * Available public image or the account's own in the instance's region. SystemDisk.Size
 * defaults to max(40, image size, old size) and must be at least max(20, image size, old size).
 * The category is kept; the old disk is released and the instance records the new image and OS.
 */
export const replaceSystemDisk: HandlerOf<typeof replaceSystemDiskSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  return withClientToken(ctx, 'ReplaceSystemDisk', input.ClientToken, input, () => {
    if (inst.locks.some((l) => l.lockReason === 'security')) {
      throw apiError(
        'InstanceLockedForSecurity',
        `The instance "${inst.id}" is locked for security reasons; ReplaceSystemDisk is refused.`,
      );
    }
    const imageId = input.ImageId;
    if (imageId === undefined)
      throw apiError('MissingParameter', 'The input parameter "ImageId" that is mandatory for processing this request is not supplied.');
    if (input.DiskId !== undefined)
      throw apiError(
        'InvalidParameter.Conflict',
        'Give ImageId or DiskId, not both (the emulator replaces system disks from images only).',
      );
    const image = availableImage(ctx, inst.regionId, imageId, 'replace a system disk');
    requireStatus(ctx, inst, ['Stopped'], 'ReplaceSystemDisk');
    const old = inst.disks.find((d) => d.type === 'system');
    const oldSize = old?.sizeGiB ?? 20;
    const min = Math.max(20, image.sizeGiB, oldSize);
    const size = input.SystemDisk?.Size ?? Math.max(40, image.sizeGiB, oldSize);
    if (!Number.isInteger(size) || size < min || size > 2048) {
      throw apiError(
        'InvalidSystemDiskSize',
        `SystemDisk.Size ${size} is not valid: an integer from ${min} (at least 20, the image size ${image.sizeGiB} GiB and the current system disk size ${oldSize} GiB) to 2048 GiB.`,
      );
    }
    const password = input.Password;
    if (password !== undefined) checkPassword(password);
    const diskId = ctx.newId('d-');
    const disks = [
      { id: diskId, type: 'system' as const, sizeGiB: size, category: old?.category ?? 'cloud_essd', device: old?.device ?? '/dev/xvda' },
      ...inst.disks.filter((d) => d.type !== 'system'),
    ];
    updateInstance(ctx.db, inst.id, {
      imageId: image.id,
      platform: image.platform,
      osType: image.osType,
      osName: image.osName,
      osNameEn: image.osNameEn,
      ...(password !== undefined ? { hasPassword: true } : {}),
      disks,
    });
    const result = { DiskId: diskId };
    return result;
  });
};

/**
 * ResizeDisk: grow a disk to NewSize GiB (larger than now, at most {@link maxDiskSize}); the
 * instance it is attached to must be Running or Stopped. Repeating the same request with its
 * ClientToken succeeds again.
 */
export const resizeDisk: HandlerOf<typeof resizeDiskSpec> = (ctx, input) => {
  const diskId = input.DiskId;
  const disk = findDiskAnyRegion(ctx.db, ctx.account.accountId, diskId);
  if (!disk) throw apiError('InvalidDiskId.NotFound', `The disk "${diskId}" given in DiskId does not exist.`);
  return withClientToken(ctx, 'ResizeDisk', input.ClientToken, input, () => {
    const newSize = input.NewSize;
    const max = maxDiskSize(disk.type, disk.category);
    if (newSize <= disk.sizeGiB) {
      throw apiError(
        'InvalidDiskSize.TooSmall',
        `NewSize ${newSize} must be larger than the current size ${disk.sizeGiB} GiB of disk "${diskId}"; disks only grow.`,
      );
    }
    if (newSize > max) {
      throw new EcsApiError(
        'InvalidParameter',
        403,
        `NewSize ${newSize} is not valid for ${disk.type} disk "${diskId}" (${disk.category}): at most ${max} GiB.`,
      );
    }
    const inst = disk.instanceId ? findInstanceAnyRegion(ctx.db, ctx.account.accountId, disk.instanceId) : undefined;
    if (inst) {
      const status = statusNow(ctx, inst);
      if (status !== 'Running' && status !== 'Stopped') {
        throw new EcsApiError(
          'OperationDenied',
          403,
          `The instance "${inst.id}" of disk "${diskId}" is ${status}; ResizeDisk needs it Running or Stopped.`,
        );
      }
      updateInstance(ctx.db, inst.id, { disks: inst.disks.map((d) => (d.id === diskId ? { ...d, sizeGiB: newSize } : d)) });
    }
    const result = {};
    return result;
  });
};
