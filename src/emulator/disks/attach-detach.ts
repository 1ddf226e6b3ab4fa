/**
 * AttachDisk and DetachDisk: a data disk joins or leaves a Running or Stopped instance of its
 * zone. Attaching and Detaching last as long as an instance's start; the device is the first
 * free `/dev/xvdb`..`/dev/xvdz`.
 */
import { apiError, EcsApiError, type HandlerContext, type HandlerOf } from '../context.js';
import { minuteTime } from '../core/time.js';
import type { attachDiskSpec, detachDiskSpec } from '../../spec/ecs/disks.js';
import { diskTransitionSeconds } from './describe-disks.js';
import { disksOfInstances, diskStatus, findDiskAnyRegion, updateDisk, type DiskView } from './repository.js';

const DATA_DEVICES = [...'bcdefghijklmnopqrstuvwxyz'].map((c) => `/dev/xvd${c}`);

/** The account's disk by id (these actions carry no RegionId). */
export function ownDisk(ctx: HandlerContext, id: string): DiskView {
  const disk = findDiskAnyRegion(ctx.db, ctx.account.accountId, id);
  if (!disk) throw apiError('InvalidDiskId.NotFound', `The disk "${id}" given in DiskId does not exist.`);
  return disk;
}

/** The disk's instance in its region, Running or Stopped. */
function usableInstance(ctx: HandlerContext, disk: DiskView, instanceId: string, action: string) {
  const instances = ctx.backend.need('instances');
  const inst = instances.find(ctx.db, ctx.account.accountId, disk.regionId, instanceId);
  if (!inst) throw apiError('InvalidInstanceId.NotFound', `The instance "${instanceId}" given in InstanceId does not exist.`);
  const status = instances.status(inst, ctx.now(), ctx.settings.instanceStartSeconds);
  if (status !== 'Running' && status !== 'Stopped')
    throw apiError('IncorrectInstanceStatus', `The instance "${inst.id}" is ${status}; ${action} needs it Running or Stopped.`);
  return inst;
}

export const attachDisk: HandlerOf<typeof attachDiskSpec> = (ctx, input) => {
  const disk = ownDisk(ctx, input.DiskId);
  if (input.Bootable === true)
    throw apiError('OperationDenied', 'AttachDisk with Bootable=true (a system disk) is not emulated; attach data disks only.');
  const inst = usableInstance(ctx, disk, input.InstanceId, 'AttachDisk');
  const status = diskStatus(disk, ctx.now(), diskTransitionSeconds(ctx));
  if (status !== 'Available') throw apiError('IncorrectDiskStatus', `The disk "${disk.id}" is ${status}; AttachDisk needs it Available.`);
  if (disk.zoneId !== inst.zoneId)
    throw apiError(
      'InvalidParameter.Mismatch',
      `The disk "${disk.id}" is in zone ${disk.zoneId} but the instance "${inst.id}" is in ${inst.zoneId}; they must share a zone.`,
    );
  const attached = disksOfInstances(ctx.db, [inst.id]).get(inst.id) ?? [];
  const used = new Set(attached.map((d) => d.device));
  if (attached.filter((d) => d.type === 'data').length >= 16)
    throw apiError('InstanceDiskLimitExceeded', `The instance "${inst.id}" already has 16 data disks.`);
  if (input.Device !== undefined && used.has(input.Device))
    throw apiError('InvalidDevice.InUse', `The device ${input.Device} of instance "${inst.id}" is used by another disk.`);
  const device = input.Device ?? DATA_DEVICES.find((d) => !used.has(d))!;
  const now = ctx.now();
  updateDisk(ctx.db, disk.id, {
    instanceId: inst.id,
    device,
    position: Math.max(0, ...attached.map((d) => d.position)) + 1,
    status: 'Attaching',
    statusSince: now.getTime(),
    attachedTime: minuteTime(now),
    deleteWithInstance: input.DeleteWithInstance === true,
  });
  return {};
};

export const detachDisk: HandlerOf<typeof detachDiskSpec> = (ctx, input) => {
  const disk = ownDisk(ctx, input.DiskId);
  if (disk.instanceId !== input.InstanceId)
    throw apiError('InvalidDisk.AlreadyDetached', `The disk "${disk.id}" is not attached to the instance "${input.InstanceId}".`);
  if (disk.type === 'system')
    throw apiError('InvalidDiskId.OperationNotSupported', `The disk "${disk.id}" is a system disk; the emulator detaches data disks only.`);
  usableInstance(ctx, disk, input.InstanceId, 'DetachDisk');
  const status = diskStatus(disk, ctx.now(), diskTransitionSeconds(ctx));
  if (status !== 'In_use')
    throw new EcsApiError('IncorrectDiskStatus', 403, `The disk "${disk.id}" is ${status}; DetachDisk needs it In_use.`);
  const now = ctx.now();
  updateDisk(ctx.db, disk.id, {
    instanceId: '',
    lastInstanceId: input.InstanceId,
    device: '',
    status: 'Detaching',
    statusSince: now.getTime(),
    detachedTime: minuteTime(now),
    ...(input.DeleteWithInstance !== undefined ? { deleteWithInstance: input.DeleteWithInstance } : {}),
  });
  return {};
};
