/**
 * CreateSnapshot and ModifySnapshotAttribute. A snapshot is progressing for
 * settings.imageCreateSeconds after CreateSnapshot, then accomplished (derived from the stored
 * times, so restarts keep the progress).
 */
import { apiError, type HandlerOf } from '../context.js';
import type { createSnapshotSpec, modifySnapshotAttributeSpec } from '../../spec/ecs/snapshots.js';
import { withClientToken } from '../db/client-tokens.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { setTags } from '../tags/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import { findSnapshotAnyRegion, insertSnapshot, progressingOfDisk, updateSnapshot } from './repository.js';

/** CreateSnapshot: the disk is In_use, or Available after having been attached once; one snapshot of a disk at a time. */
export const createSnapshot: HandlerOf<typeof createSnapshotSpec> = (ctx, input) =>
  withClientToken(ctx, 'CreateSnapshot', input.ClientToken, input, () => {
    const disks = ctx.backend.need('disks');
    const disk = disks.findAnyRegion(ctx.db, ctx.account.accountId, input.DiskId);
    if (!disk) throw apiError('InvalidDiskId.NotFound', `The disk "${input.DiskId}" given in DiskId does not exist.`);
    const status = disks.status(disk, ctx.now(), ctx.settings.instanceStartSeconds);
    if (status !== 'In_use' && status !== 'Available')
      throw apiError('IncorrectDiskStatus', `The disk "${disk.id}" is ${status}; CreateSnapshot needs it In_use or Available.`);
    if (status === 'Available' && disk.attachedTime === '')
      throw apiError('IncorrectDiskStatus.NeverAttached', `The disk "${disk.id}" has never been attached to an instance.`);
    if (progressingOfDisk(ctx.db, disk.id, ctx.now()))
      throw apiError('IncorrectDiskStatus.CreatingSnapshot', `A snapshot of the disk "${disk.id}" is already being created.`);
    const resourceGroupId = resolveResourceGroup(ctx, input.ResourceGroupId, 'InvalidResourceGroup.NotFound');
    const tags = tagsFromInput(input.Tag);
    const id = ctx.newId('s-');
    const now = ctx.now().getTime();
    insertSnapshot(ctx.db, {
      id,
      accountId: ctx.account.accountId,
      regionId: disk.regionId,
      name: input.SnapshotName ?? '',
      description: input.Description ?? '',
      sourceDiskId: disk.id,
      sourceDiskSizeGiB: disk.sizeGiB,
      sourceDiskType: disk.type,
      sourceStorageType: disk.category,
      instanceId: disk.instanceId,
      createdAt: now,
      readyAt: now + ctx.settings.imageCreateSeconds * 1000,
      resourceGroupId,
      snapshotType: 'user',
      category: (input.Category ?? 'standard').toLowerCase(),
      encrypted: disk.encrypted,
      retentionDays: input.RetentionDays ?? 0,
    });
    if (tags.length > 0) setTags(ctx.db, ctx.account.accountId, 'snapshot', id, tags);
    return { SnapshotId: id };
  });

/** ModifySnapshotAttribute: unset arguments stay; RetentionDays can only grow. */
export const modifySnapshotAttribute: HandlerOf<typeof modifySnapshotAttributeSpec> = (ctx, input) => {
  const snap = findSnapshotAnyRegion(ctx.db, ctx.account.accountId, input.SnapshotId);
  if (!snap) throw apiError('InvalidSnapshotId.NotFound', `The snapshot "${input.SnapshotId}" does not exist.`);
  const days = input.RetentionDays;
  if (days !== undefined && snap.retentionDays > 0 && days < snap.retentionDays)
    throw apiError(
      'InvalidRetentionDays.Malformed',
      `RetentionDays ${days} is shorter than the current ${snap.retentionDays}; the retention of a snapshot can only be extended.`,
    );
  updateSnapshot(ctx.db, snap.id, { name: input.SnapshotName, description: input.Description, retentionDays: days });
  return {};
};
