/** ReplaceSystemDisk: a new system disk from an image (the disk id changes); ResizeDisk is the disks family's. */
import { apiError, type HandlerOf } from '../context.js';
import { minuteTime } from '../core/time.js';
import type { replaceSystemDiskSpec } from '../../spec/ecs/instance-lifecycle.js';
import { withClientToken } from '../db/client-tokens.js';
import { checkPassword, ownInstance, requireStatus } from './lifecycle-common.js';
import { availableImage } from './run-instances-input.js';
import { updateInstance } from './repository.js';
import { checkPasswordInherit } from './launch-options.js';

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
    const disks = ctx.backend.need('disks');
    const old = disks.ofInstance(ctx.db, inst.id).find((d) => d.type === 'system');
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
    checkPasswordInherit(input.PasswordInherit, password, image.ownerAlias);
    const diskId = ctx.newId('d-');
    const now = ctx.now();
    disks.replaceSystemDisk(
      ctx.db,
      {
        accountId: inst.accountId,
        regionId: inst.regionId,
        zoneId: inst.zoneId,
        instanceId: inst.id,
        resourceGroupId: inst.resourceGroupId,
        imageId: image.id,
        creationTime: minuteTime(now),
        since: now.getTime(),
      },
      {
        id: diskId,
        type: 'system',
        sizeGiB: size,
        category: old?.category ?? 'cloud_essd',
        device: old?.device ?? '/dev/xvda',
        performanceLevel: old?.performanceLevel,
        encrypted: old?.encrypted,
        kmsKeyId: old?.kmsKeyId,
        encryptAlgorithm: old?.encryptAlgorithm,
        burstingEnabled: old?.burstingEnabled,
        provisionedIops: old?.provisionedIops,
        name: old?.name,
        description: old?.description,
      },
    );
    updateInstance(ctx.db, inst.id, {
      imageId: image.id,
      platform: image.platform,
      osType: image.osType,
      osName: image.osName,
      osNameEn: image.osNameEn,
      ...(password !== undefined || input.PasswordInherit === true ? { hasPassword: true } : {}),
    });
    const result = { DiskId: diskId };
    return result;
  });
};
