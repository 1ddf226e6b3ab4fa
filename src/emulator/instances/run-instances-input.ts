/**
 * The checks of RunInstances that need other families' data: the image (public or own, usable),
 * the vSwitch/zone/security-group triangle, the instance type in the zone, disks against the
 * image and the zone's categories, and private addresses from the vSwitch CIDR.
 */
import { apiError, type FamilyQueries, type HandlerContext } from '../context.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import type { runInstancesSpec } from '../../spec/ecs/instance-lifecycle.js';
import { parseCidr } from '../vpc/cidr.js';
import { DATA_DISK_CATEGORIES, SYSTEM_DISK_CATEGORIES, findInstanceType, findZone, isInstanceTypeAvailable } from '../zones/catalogue.js';
import { privateIpsInVSwitch } from './repository.js';

/** RunInstances input as the core decoded it. */
export type RunInput = InputOf<typeof runInstancesSpec>;

/** The image and vSwitch records as their families answer them. */
type LaunchImage = NonNullable<ReturnType<FamilyQueries['images']['findLaunchable']>>;
type VSwitch = NonNullable<ReturnType<FamilyQueries['vpc']['findVSwitch']>>;

const required = (v: string | undefined, name: string, why = ''): string => {
  if (v === undefined)
    throw apiError(
      'MissingParameter',
      `The input parameter "${name}" that is mandatory for processing this request is not supplied${why}.`,
    );
  return v;
};

/** The `ImageId` an instance gets in `regionId`: a public image or the account's own there, Available (`use` says for what). */
export function availableImage(ctx: HandlerContext, regionId: string, id: string, use: string): LaunchImage {
  const images = ctx.backend.queries.images;
  const img = images?.findLaunchable(ctx.db, ctx.account.accountId, regionId, id);
  if (!images || !img)
    throw apiError('InvalidImageId.NotFound', `The image "${id}" given in ImageId does not exist in region ${regionId} for this account.`);
  const status = images.status(img, ctx.now());
  if (status !== 'Available')
    throw apiError('IncorrectImageStatus', `The image "${id}" given in ImageId is ${status}; only an Available image can ${use}.`);
  return img;
}

/** The image to launch from: a public image or the account's own in the region, Available. */
export function launchImage(ctx: HandlerContext, input: RunInput): LaunchImage {
  return availableImage(ctx, ctx.regionId, required(input.ImageId, 'ImageId'), 'launch instances');
}

export interface LaunchNetwork {
  vSwitch: VSwitch;
  zoneId: string;
  securityGroupIds: string[];
}

/** VSwitchId (required: instances are VPC-only), ZoneId (must match the vSwitch), security groups of the same VPC. */
export function launchNetwork(ctx: HandlerContext, input: RunInput): LaunchNetwork {
  const vswId = required(input.VSwitchId, 'VSwitchId', ' (the emulator launches VPC instances only)');
  const vSwitch = ctx.backend.queries.vpc?.findVSwitch(ctx.db, ctx.account.accountId, ctx.regionId, vswId);
  if (!vSwitch)
    throw apiError('InvalidVSwitchId.NotFound', `The vSwitch "${vswId}" given in VSwitchId does not exist in region ${ctx.regionId}.`);
  const zoneId = input.ZoneId;
  if (zoneId !== undefined) {
    if (!findZone(ctx.regionId, zoneId))
      throw apiError('InvalidZoneId.NotFound', `The zone "${zoneId}" given in ZoneId does not exist in region ${ctx.regionId}.`);
    if (zoneId !== vSwitch.zoneId)
      throw apiError('InvalidParameter.Mismatch', `ZoneId "${zoneId}" does not match the zone "${vSwitch.zoneId}" of vSwitch "${vswId}".`);
  }
  const single = input.SecurityGroupId;
  const many = (input.SecurityGroupIds ?? []).filter((s) => s !== '');
  if (single !== undefined && many.length > 0)
    throw apiError('InvalidParameter', 'Give either SecurityGroupId or SecurityGroupIds.N, not both.');
  const ids = single !== undefined ? [single] : [...new Set(many)];
  if (ids.length === 0)
    throw apiError(
      'MissingParameter',
      'The input parameter "SecurityGroupId" (or SecurityGroupIds.N) that is mandatory for processing this request is not supplied.',
    );
  for (const id of ids) {
    const sg = ctx.backend.queries.securityGroups?.find(ctx.db, ctx.account.accountId, ctx.regionId, id);
    if (!sg) throw apiError('InvalidSecurityGroupId.NotFound', `The security group "${id}" does not exist in region ${ctx.regionId}.`);
    if (sg.vpcId !== vSwitch.vpcId)
      throw apiError(
        'InvalidParameter.Mismatch',
        `The security group "${id}" belongs to VPC "${sg.vpcId}", but vSwitch "${vswId}" is in VPC "${vSwitch.vpcId}".`,
      );
  }
  return { vSwitch, zoneId: vSwitch.zoneId, securityGroupIds: ids };
}

/** InstanceType must exist in the catalogue and be sold in the zone; x86 types only run x86 images. */
export function launchInstanceType(ctx: HandlerContext, input: RunInput, zoneId: string, image: LaunchImage): string {
  const type = required(input.InstanceType, 'InstanceType');
  if (!findInstanceType(type))
    throw apiError(
      'InvalidInstanceType.NotFound',
      `The instance type "${type}" does not exist; call DescribeInstanceTypes for the known types.`,
    );
  if (!isInstanceTypeAvailable(ctx.regionId, zoneId, type)) {
    throw apiError(
      'InvalidInstanceType.ValueUnauthorized',
      `The instance type "${type}" is not sold in zone ${zoneId}; call DescribeAvailableResource for the types of that zone.`,
    );
  }
  if (image.architecture !== 'x86_64' && image.architecture !== 'i386') {
    throw apiError('InvalidParameter.Mismatch', `The image "${image.id}" is ${image.architecture}, but instance type "${type}" is x86_64.`);
  }
  return type;
}

/** A disk RunInstances creates with the instance: the disks family's record, before it has an id. */
export type PlannedDisk = Omit<Parameters<FamilyQueries['disks']['launch']>[2][number], 'id'>;

const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'];

/**
 * Name, description, level, encryption and AutoPL performance of a launch disk (`where` names it in
 * messages: `SystemDisk`, `DataDisk.2`); the performance and algorithm rules are the disks family's.
 */
function diskExtras(
  ctx: HandlerContext,
  where: string,
  category: string,
  sizeGiB: number,
  d: {
    DiskName?: string;
    Description?: string;
    PerformanceLevel?: string;
    Encrypted?: string;
    KMSKeyId?: string;
    EncryptAlgorithm?: string;
    BurstingEnabled?: boolean;
    ProvisionedIops?: number;
  },
): Omit<PlannedDisk, 'type' | 'category' | 'sizeGiB' | 'device'> {
  if (d.DiskName !== undefined && !/^[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff.:_-]{1,127}$/u.test(d.DiskName))
    throw apiError('InvalidDiskName.Malformed', `${where}.DiskName "${d.DiskName}" must be 2-128 characters starting with a letter.`);
  if (d.Description !== undefined && (d.Description.length < 2 || d.Description.length > 256 || /^https?:\/\//.test(d.Description)))
    throw apiError('InvalidDescription.Malformed', `${where}.Description must be 2-256 characters, not starting with http:// or https://.`);
  const level = d.PerformanceLevel;
  if (level !== undefined && (category !== 'cloud_essd' || !PERFORMANCE_LEVELS.includes(level)))
    throw apiError(
      'InvalidPerformanceLevel.Malformed',
      `${where}.PerformanceLevel "${level}" is for cloud_essd disks only: PL0, PL1, PL2 or PL3.`,
    );
  const encrypted = d.Encrypted === 'true';
  if (d.KMSKeyId !== undefined && !encrypted)
    throw apiError('InvalidParameter', `${where}.KMSKeyId is only taken with ${where}.Encrypted=true.`);
  const disks = ctx.backend.need('disks');
  return {
    name: d.DiskName,
    description: d.Description,
    performanceLevel: category === 'cloud_essd' ? (level ?? 'PL1') : '',
    encrypted,
    kmsKeyId: encrypted ? (d.KMSKeyId ?? `key-default-${ctx.regionId}`) : '',
    encryptAlgorithm: disks.newDiskEncryptAlgorithm(`${where}.`, encrypted, d.EncryptAlgorithm),
    ...disks.newDiskPerformance(`${where}.`, category, sizeGiB, d),
  };
}

/** System disk from the image (size at least the image's, 20-2048 GiB) and up to 16 data disks (20-32768 GiB). */
export function launchDisks(ctx: HandlerContext, input: RunInput, image: LaunchImage): PlannedDisk[] {
  const sys = input.SystemDisk ?? {};
  const category = sys.Category ?? 'cloud_essd';
  if (!(SYSTEM_DISK_CATEGORIES as readonly string[]).includes(category)) {
    throw apiError(
      'InvalidSystemDiskCategory.ValueNotSupported',
      `SystemDisk.Category "${category}" is not sold here; allowed: ${SYSTEM_DISK_CATEGORIES.join(', ')}.`,
    );
  }
  const size = sys.Size === undefined ? Math.max(40, image.sizeGiB) : Number(sys.Size);
  if (!Number.isInteger(size) || size < 20 || size > 2048 || size < image.sizeGiB) {
    throw apiError(
      'InvalidSystemDiskSize',
      `SystemDisk.Size ${String(sys.Size)} is not valid: an integer from ${Math.max(20, image.sizeGiB)} (the image size ${image.sizeGiB} GiB, at least 20) to 2048 GiB.`,
    );
  }
  const disks: PlannedDisk[] = [
    {
      type: 'system',
      category,
      sizeGiB: size,
      device: '/dev/xvda',
      deleteWithInstance: true,
      ...diskExtras(ctx, 'SystemDisk', category, size, sys),
    },
  ];
  const devices = new Set<string>();
  const data = input.DataDisk ?? [];
  data.forEach((d, i) => {
    const n = i + 1;
    const cat = d.Category ?? 'cloud_efficiency';
    if (!(DATA_DISK_CATEGORIES as readonly string[]).includes(cat)) {
      throw apiError(
        'InvalidDataDiskCategory.ValueNotSupported',
        `DataDisk.${n}.Category "${cat}" is not sold here; allowed: ${DATA_DISK_CATEGORIES.join(', ')}.`,
      );
    }
    const snapId = d.SnapshotId;
    let min = 20;
    if (snapId !== undefined) {
      const snapshots = ctx.backend.queries.snapshots;
      const snap = snapshots?.find(ctx.db, ctx.account.accountId, ctx.regionId, snapId);
      if (!snapshots || !snap)
        throw apiError(
          'InvalidSnapshotId.NotFound',
          `The snapshot "${snapId}" given in DataDisk.${n}.SnapshotId does not exist in region ${ctx.regionId}.`,
        );
      if (snapshots.status(snap, ctx.now()) !== 'accomplished')
        throw apiError('InvalidSnapshotId.NotReady', `The snapshot "${snapId}" given in DataDisk.${n}.SnapshotId is not accomplished yet.`);
      min = Math.max(min, snap.sourceDiskSizeGiB);
    }
    const sz = d.Size === undefined ? (snapId !== undefined ? min : NaN) : Number(d.Size);
    if (!Number.isInteger(sz) || sz < min || sz > 32768) {
      throw apiError(
        'InvalidDataDiskSize.ValueNotSupported',
        `DataDisk.${n}.Size ${d.Size === undefined ? '(missing)' : String(d.Size)} is not valid: an integer from ${min} to 32768 GiB.`,
      );
    }
    const device = d.Device ?? `/dev/xvd${'bcdefghijklmnopq'[i]}`;
    if (!/^\/dev\/xvd[b-z]$/.test(device))
      throw apiError('InvalidDevice.Malformed', `DataDisk.${n}.Device "${device}" is not valid: /dev/xvdb to /dev/xvdz.`);
    if (devices.has(device)) throw apiError('InvalidDevice.InUse', `DataDisk.${n}.Device ${device} is given to two data disks.`);
    devices.add(device);
    disks.push({
      type: 'data',
      category: cat,
      sizeGiB: sz,
      device,
      deleteWithInstance: d.DeleteWithInstance ?? true,
      sourceSnapshotId: snapId,
      ...diskExtras(ctx, `DataDisk.${n}`, cat, sz, d),
    });
  });
  return disks;
}

const ipText = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
/** The IPv4 address as a 32-bit number, or undefined when it is not one. */
export const ipNumber = (t: string): number | undefined => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) return undefined;
  return m.slice(1).reduce((acc, o) => ((acc << 8) | Number(o)) >>> 0, 0);
};

/**
 * `count` free private addresses of the vSwitch (first one and last three of the CIDR are
 * reserved), or the requested `PrivateIpAddress` (Amount 1 only). Fewer than `minCount` free
 * addresses: InvalidVSwitchId.IpNotEnough.
 */
export function allocatePrivateIps(
  ctx: HandlerContext,
  vSwitch: VSwitch,
  requested: string | undefined,
  count: number,
  minCount: number,
  alsoTaken: ReadonlySet<string> = new Set(),
): string[] {
  const cidr = parseCidr(vSwitch.cidrBlock);
  if (!cidr) throw new Error(`emulator bug: vSwitch ${vSwitch.vSwitchId} has CIDR ${vSwitch.cidrBlock}`);
  const first = cidr.base + 1;
  const last = cidr.base + 2 ** (32 - cidr.mask) - 4;
  const taken = new Set([...privateIpsInVSwitch(ctx.db, vSwitch.vSwitchId), ...alsoTaken]);
  if (requested !== undefined) {
    if (count !== 1) throw apiError('InvalidParameter', 'PrivateIpAddress can only be given with Amount=1.');
    const n = ipNumber(requested);
    if (n === undefined || n < first || n > last) {
      throw apiError(
        'InvalidPrivateIpAddress',
        `PrivateIpAddress "${requested}" is not a usable address of vSwitch ${vSwitch.vSwitchId} (${vSwitch.cidrBlock}, from ${ipText(first)} to ${ipText(last)}).`,
      );
    }
    if (taken.has(requested))
      throw apiError(
        'InvalidPrivateIpAddress.Duplicated',
        `PrivateIpAddress "${requested}" is already used by another instance in vSwitch ${vSwitch.vSwitchId}.`,
      );
    return [requested];
  }
  const out: string[] = [];
  for (let n = first; n <= last && out.length < count; n++) {
    const ip = ipText(n);
    if (!taken.has(ip)) out.push(ip);
  }
  if (out.length < minCount) {
    throw apiError(
      'InvalidVSwitchId.IpNotEnough',
      `vSwitch ${vSwitch.vSwitchId} (${vSwitch.cidrBlock}) has ${out.length} free private address(es), fewer than the ${minCount} requested.`,
    );
  }
  return out;
}
