import { apiError, EcsApiError, type HandlerOf } from '../context.js';
import type { deleteDiskSpec, modifyDiskAttributeSpec } from '../../spec/ecs/disks.js';
import { setTags } from '../tags/repository.js';
import { ownDisk } from './attach-detach.js';
import { diskTransitionSeconds } from './describe-disks.js';
import { checkBursting } from './performance.js';
import { deleteDisk as removeDisk, diskStatus, updateDisk } from './repository.js';

/** DeleteDisk: only an Available disk goes; one with a snapshot in progress stays. */
export const deleteDisk: HandlerOf<typeof deleteDiskSpec> = (ctx, input) => {
  const disk = ownDisk(ctx, input.DiskId);
  const status = diskStatus(disk, ctx.now(), diskTransitionSeconds(ctx));
  if (status === 'In_use' || status === 'Attaching')
    throw apiError('DiskStillAttached', `The disk "${disk.id}" is attached to "${disk.instanceId}"; detach it first.`);
  if (status !== 'Available')
    throw new EcsApiError('IncorrectDiskStatus', 403, `The disk "${disk.id}" is ${status}; wait until it is Available.`);
  if (ctx.backend.queries.snapshots?.progressingOfDisk(ctx.db, disk.id, ctx.now()))
    throw apiError('DiskCreatingSnapshot', `A snapshot of the disk "${disk.id}" is being created; wait until it is accomplished.`);
  removeDisk(ctx.db, disk.id);
  setTags(ctx.db, ctx.account.accountId, 'disk', disk.id, []);
  return {};
};

/** ModifyDiskAttribute: unset arguments stay as they are; DiskId and DiskIds.N are exclusive; BurstingEnabled is for cloud_auto disks. */
export const modifyDiskAttribute: HandlerOf<typeof modifyDiskAttributeSpec> = (ctx, input) => {
  if (input.DiskId !== undefined && input.DiskIds !== undefined)
    throw apiError('InvalidParameter.Conflict', 'Give DiskId or DiskIds.N, not both.');
  const ids = input.DiskId !== undefined ? [input.DiskId] : (input.DiskIds ?? []);
  if (ids.length === 0)
    throw apiError('MissingParameter', 'The input parameter "DiskId" that is mandatory for processing this request is not supplied.');
  const patch = {
    name: input.DiskName,
    description: input.Description,
    deleteWithInstance: input.DeleteWithInstance,
    deleteAutoSnapshot: input.DeleteAutoSnapshot,
    burstingEnabled: input.BurstingEnabled,
  };
  const changes = Object.values(patch).some((v) => v !== undefined) || input.EnableAutoSnapshot !== undefined;
  if (!changes)
    throw apiError(
      'NoAttributeToModify',
      'Give at least one of DiskName, Description, DeleteWithInstance, DeleteAutoSnapshot, BurstingEnabled.',
    );
  const disks = ids.map((id) => ownDisk(ctx, id));
  for (const d of disks) checkBursting(ids.length > 1 ? `Disk ${d.id}: ` : '', d.category, input.BurstingEnabled);
  for (const d of disks) updateDisk(ctx.db, d.id, patch);
  return {};
};
