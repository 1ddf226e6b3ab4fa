/**
 * How CreateImage turns its source (instance, disk device mappings or one snapshot) into the
 * image's disk mappings, with the domain checks of ecs-api.md 3.1: instance state and security lock,
 * snapshot readiness and age, one system disk, at most 16 data disks, devices and sizes.
 */
import { EcsApiError, apiError, type FamilyQueries, type HandlerContext } from '../context.js';
import type { createImageSpec } from '../../spec/ecs/images.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import type { ImageDiskMapping } from './repository.js';

/** One decoded `DiskDeviceMapping.N` of CreateImage. */
type MappingInput = NonNullable<InputOf<typeof createImageSpec>['DiskDeviceMapping']>[number];

/** The snapshot and instance records as their families answer them. */
type Snapshot = NonNullable<ReturnType<FamilyQueries['snapshots']['find']>>;
type Instance = NonNullable<ReturnType<FamilyQueries['instances']['find']>>;

/** Snapshots created on or before this instant cannot make images (ecs-api.md 3.1). */
const TOO_OLD = Date.parse('2013-07-16T00:00:00Z');
const MAX_DATA_DISKS = 16;
const MAX_SIZE = 32768;
const MIN_EMPTY_SIZE = 20;
/** Any disk at least; basic (`cloud`) disks at most (docs: 5-2000 basic, 20-32768 others). */
const MIN_SIZE = 5;
const MAX_BASIC_SIZE = 2000;
const SYSTEM_DEVICES = ['/dev/xvda', '/dev/vda'];

/** A snapshot usable for an image: exists, accomplished, newer than 2013-07-15. */
export function usableSnapshot(ctx: HandlerContext, id: string, param: string): Snapshot {
  const snapshots = ctx.backend.queries.snapshots;
  const s = snapshots?.find(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!snapshots || !s)
    throw apiError('InvalidSnapshotId.NotFound', `The snapshot "${id}" given in ${param} does not exist in region ${ctx.regionId}.`);
  if (s.createdAt < TOO_OLD)
    throw apiError(
      'InvalidSnapshot.TooOld',
      `The snapshot "${id}" given in ${param} was created on or before 2013-07-15 and cannot be used to create an image.`,
    );
  if (snapshots.status(s, ctx.now()) !== 'accomplished')
    throw apiError('InvalidSnapshotId.NotReady', `The snapshot "${id}" given in ${param} is not accomplished yet.`);
  return s;
}

/** Mode 1: the instance (Running or Stopped, not security-locked). */
export function sourceInstance(ctx: HandlerContext, id: string): Instance {
  const instances = ctx.backend.queries.instances;
  const inst = instances?.find(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!instances || !inst)
    throw apiError('InvalidInstanceId.NotFound', `The instance "${id}" given in InstanceId does not exist in region ${ctx.regionId}.`);
  if (inst.locks.some((l) => l.lockReason === 'security'))
    throw apiError('InstanceLockedForSecurity', `The instance "${id}" is locked for security reasons and cannot be imaged.`);
  const status = instances.status(inst, ctx.now(), ctx.settings.instanceStartSeconds);
  if (status !== 'Running' && status !== 'Stopped')
    throw apiError('IncorrectInstanceStatus', `The instance "${id}" is ${status}; it must be Running or Stopped to create an image.`);
  return inst;
}

/** Mode 2: `DiskDeviceMapping.N`; empty strings and 0 mean "unset" (the Go provider sends them). */
export function mappingsFromInput(ctx: HandlerContext, items: readonly MappingInput[]): ImageDiskMapping[] {
  const resolved = items.map((item, i) => {
    const n = i + 1;
    const snapshotId = item.SnapshotId;
    const snap = snapshotId ? usableSnapshot(ctx, snapshotId, `DiskDeviceMapping.${n}.SnapshotId`) : undefined;
    const type = item.DiskType ?? snap?.sourceDiskType ?? (i === 0 ? 'system' : 'data');
    const size = (item.Size || undefined) ?? snap?.sourceDiskSizeGiB ?? MIN_EMPTY_SIZE;
    if (!Number.isInteger(size) || size > MAX_SIZE)
      throw apiError('InvalidSize.ValueNotSupported', `DiskDeviceMapping.${n}.Size must be an integer of at most ${MAX_SIZE} GiB.`);
    if (size < MIN_SIZE) throw apiError('InvalidSize.ValueNotSupported', `DiskDeviceMapping.${n}.Size must be at least ${MIN_SIZE} GiB.`);
    if (snap?.sourceStorageType === 'cloud' && size > MAX_BASIC_SIZE)
      throw apiError(
        'InvalidSize.ValueNotSupported',
        `DiskDeviceMapping.${n}.Size must be at most ${MAX_BASIC_SIZE} GiB for a basic disk.`,
      );
    if (snap && snap.sourceStorageType !== 'cloud' && size < MIN_EMPTY_SIZE)
      throw apiError(
        'InvalidSize.ValueNotSupported',
        `DiskDeviceMapping.${n}.Size must be at least ${MIN_EMPTY_SIZE} GiB for a ${snap.sourceStorageType} disk.`,
      );
    if (snap && size < snap.sourceDiskSizeGiB)
      throw apiError(
        'InvalidSize.ValueNotSupported',
        `DiskDeviceMapping.${n}.Size (${size} GiB) must be at least the snapshot size (${snap.sourceDiskSizeGiB} GiB).`,
      );
    if (!snap && size < MIN_EMPTY_SIZE)
      throw apiError(
        'InvalidSize.ValueNotSupported',
        `DiskDeviceMapping.${n}.Size must be ${MIN_EMPTY_SIZE}-${MAX_SIZE} GiB for a disk without snapshot.`,
      );
    return { n, type, snapshotId: snapshotId ?? '', size, device: item.Device };
  });
  const systems = resolved.filter((m) => m.type === 'system');
  if (systems.length !== 1)
    throw apiError('OperationDenied', `DiskDeviceMapping must contain exactly one system disk; it contains ${systems.length}.`);
  if (!systems[0]!.snapshotId) throw apiError('OperationDenied', 'The system disk in DiskDeviceMapping needs a SnapshotId.');
  if (resolved.length - 1 > MAX_DATA_DISKS)
    throw apiError('OperationDenied', `DiskDeviceMapping may contain at most ${MAX_DATA_DISKS} data disks.`);
  const used = new Set<string>();
  for (const m of resolved) {
    if (!m.device) continue;
    if (m.type === 'system' && !SYSTEM_DEVICES.includes(m.device))
      throw apiError('InvalidDevice.Malformed', `DiskDeviceMapping.${m.n}.Device of the system disk must be /dev/xvda or /dev/vda.`);
    if (m.type === 'data' && SYSTEM_DEVICES.includes(m.device))
      throw apiError(
        'InvalidDevice.Malformed',
        `DiskDeviceMapping.${m.n}.Device of a data disk must be /dev/xvdb to /dev/xvdz or /dev/vdb to /dev/vdz.`,
      );
    if (used.has(m.device))
      throw apiError('InvalidDevice.InUse', `DiskDeviceMapping.${m.n}.Device ${m.device} is used by another mapping.`);
    used.add(m.device);
  }
  const free = 'bcdefghijklmnopqrstuvwxyz'
    .split('')
    .map((c) => `/dev/xvd${c}`)
    .filter((d) => !used.has(d));
  const ordered = [...systems, ...resolved.filter((m) => m.type === 'data')];
  return ordered.map((m) => ({
    device: m.device ?? (m.type === 'system' ? '/dev/xvda' : free.shift()!),
    type: m.type,
    snapshotId: m.snapshotId,
    sizeGiB: m.size,
    format: '',
  }));
}

/** Mode 3: one system-disk snapshot. */
export function mappingFromSnapshot(ctx: HandlerContext, id: string): ImageDiskMapping[] {
  const s = usableSnapshot(ctx, id, 'SnapshotId');
  if (s.sourceDiskType !== 'system')
    throw new EcsApiError(
      'OperationDenied',
      403,
      `The snapshot "${id}" given in SnapshotId is a data-disk snapshot; use DiskDeviceMapping with DiskType=system to make it a system disk.`,
    );
  return [{ device: '/dev/xvda', type: 'system', snapshotId: s.id, sizeGiB: s.sourceDiskSizeGiB, format: '' }];
}
