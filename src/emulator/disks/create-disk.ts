import { apiError, type HandlerOf } from '../context.js';
import { minuteTime } from '../core/time.js';
import { diskSizeRange, type createDiskSpec } from '../../spec/ecs/disks.js';
import { withClientToken } from '../db/client-tokens.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { setTags } from '../tags/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import { findZone } from '../zones/catalogue.js';
import { newDiskEncryptAlgorithm, newDiskPerformance } from './performance.js';
import { insertDisk } from './repository.js';

/**
 * CreateDisk: a pay-as-you-go data disk in ZoneId, empty (Size in the category's range) or from
 * an accomplished snapshot (size at least the snapshot's). It is Creating, then Available.
 * BurstingEnabled and ProvisionedIops are for cloud_auto only (performance.ts); EncryptAlgorithm needs
 * Encrypted=true. Disks created straight onto a subscription instance (InstanceId) are not emulated.
 */
export const createDisk: HandlerOf<typeof createDiskSpec> = (ctx, input) =>
  withClientToken(ctx, 'CreateDisk', input.ClientToken, input, () => {
    if (input.InstanceId !== undefined) {
      if (input.ZoneId !== undefined) throw apiError('InvalidParameter.Conflict', 'Give ZoneId or InstanceId, not both.');
      throw apiError('OperationDenied', 'CreateDisk with InstanceId (a disk for a subscription instance) is not emulated; give ZoneId.');
    }
    const zoneId = input.ZoneId;
    if (zoneId === undefined)
      throw apiError('MissingParameter', 'The input parameter "ZoneId" that is mandatory for processing this request is not supplied.');
    if (!findZone(ctx.regionId, zoneId))
      throw apiError('InvalidZoneId.NotFound', `The zone "${zoneId}" given in ZoneId does not exist in region ${ctx.regionId}.`);
    const category = input.DiskCategory ?? 'cloud';
    if (input.PerformanceLevel !== undefined && category !== 'cloud_essd')
      throw apiError('InvalidPerformanceLevel.Malformed', `PerformanceLevel is for cloud_essd disks only, not ${category}.`);
    const level = category === 'cloud_essd' ? (input.PerformanceLevel ?? 'PL1') : '';
    const [min, max] = diskSizeRange(category, level);
    let snapshotSize = 0;
    const snapId = input.SnapshotId;
    if (snapId !== undefined) {
      const snapshots = ctx.backend.need('snapshots');
      const snap = snapshots.find(ctx.db, ctx.account.accountId, ctx.regionId, snapId);
      if (!snap)
        throw apiError(
          'InvalidSnapshotId.NotFound',
          `The snapshot "${snapId}" given in SnapshotId does not exist in region ${ctx.regionId}.`,
        );
      if (snapshots.status(snap, ctx.now()) !== 'accomplished')
        throw apiError('InvalidSnapshotId.NotReady', `The snapshot "${snapId}" given in SnapshotId is not accomplished yet.`);
      snapshotSize = snap.sourceDiskSizeGiB;
    } else if (input.Size === undefined) {
      throw apiError('MissingParameter', 'One of Size or SnapshotId must be given to create a disk.');
    }
    const size = Math.max(input.Size ?? 0, snapshotSize);
    if (input.Size !== undefined && input.Size < snapshotSize)
      throw apiError('InvalidDiskSize.TooSmall', `Size ${input.Size} is smaller than the snapshot "${snapId}" (${snapshotSize} GiB).`);
    if (!Number.isInteger(size) || size < min || size > max)
      throw apiError(
        'InvalidDiskSize.NotSupported',
        `Size ${size} is not valid for ${category}${level ? ` ${level}` : ''} disks: an integer from ${min} to ${max} GiB.`,
      );
    if (input.KMSKeyId !== undefined && input.Encrypted !== true)
      throw apiError('InvalidParameter', 'KMSKeyId is only taken with Encrypted=true.');
    const performance = newDiskPerformance('', category, size, input);
    const encryptAlgorithm = newDiskEncryptAlgorithm('', input.Encrypted === true, input.EncryptAlgorithm);
    const resourceGroupId = resolveResourceGroup(ctx, input.ResourceGroupId, 'InvalidResourceGroup.NotFound');
    const tags = tagsFromInput(input.Tag);
    const id = ctx.newId('d-');
    const now = ctx.now();
    insertDisk(ctx.db, {
      id,
      accountId: ctx.account.accountId,
      regionId: ctx.regionId,
      zoneId,
      instanceId: '',
      lastInstanceId: '',
      type: 'data',
      sizeGiB: size,
      category,
      device: '',
      resourceGroupId,
      imageId: '',
      creationTime: minuteTime(now),
      position: 0,
      name: input.DiskName ?? '',
      description: input.Description ?? '',
      status: 'Creating',
      statusSince: now.getTime(),
      deleteWithInstance: false,
      deleteAutoSnapshot: true,
      encrypted: input.Encrypted === true,
      kmsKeyId: input.Encrypted === true ? (input.KMSKeyId ?? `key-default-${ctx.regionId}`) : '',
      performanceLevel: level,
      sourceSnapshotId: snapId ?? '',
      attachedTime: '',
      detachedTime: '',
      ...performance,
      encryptAlgorithm,
    });
    if (tags.length > 0) setTags(ctx.db, ctx.account.accountId, 'disk', id, tags);
    return { DiskId: id, OrderId: '' };
  });
