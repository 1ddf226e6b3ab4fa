/**
 * ECS block storage: DescribeDisks with its filters, CreateDisk, DeleteDisk, AttachDisk,
 * DetachDisk, ModifyDiskAttribute and ResizeDisk (api-wave2.md section 2), and their error codes.
 * Disk statuses: Creating -> Available; Available -> Attaching -> In_use; In_use -> Detaching ->
 * Available. Size ranges per category are in {@link DISK_SIZE_RANGES}.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ecsTagsShape, tokenPageFields } from './outputs.js';
import { ECS_VERSION, IMAGE_NAME_PATTERN, descriptionParam, tagsParam } from './images.js';
import {
  dryRunParam,
  idempotencyTokenParam as clientToken,
  instanceIdParam as instanceId,
  ownerParams,
  pagingParams,
  regionIdParam,
  tagFilterParam,
} from './params.js';

export const DISK_STATUSES = ['Creating', 'Available', 'Attaching', 'In_use', 'Detaching', 'ReIniting'] as const;

/** Categories CreateDisk sells (elastic ephemeral and regional disks are not emulated). */
export const DISK_CATEGORIES = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry'] as const;
export const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'] as const;

/** CreateDisk `Size` / data-disk ResizeDisk `NewSize` range in GiB per category (ESSD per performance level). */
export const DISK_SIZE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  cloud: [5, 2000],
  cloud_efficiency: [20, 32768],
  cloud_ssd: [20, 32768],
  'cloud_essd:PL0': [1, 65536],
  'cloud_essd:PL1': [20, 65536],
  'cloud_essd:PL2': [461, 65536],
  'cloud_essd:PL3': [1261, 65536],
  cloud_auto: [1, 65536],
  cloud_essd_entry: [10, 32768],
};

/** The category whose performance is provisioned (ESSD AutoPL): the only one taking `ProvisionedIops` and `BurstingEnabled`. */
export const AUTO_PL_CATEGORY = 'cloud_auto';

/**
 * The most IOPS a `cloud_auto` disk of `sizeGiB` can have provisioned (CreateDisk, RunInstances
 * and ModifyDiskSpec `ProvisionedIops`): min{50,000, 1,000 x size - baseline}, baseline =
 * min{1,800 + 50 x size, 50,000}; never below 0.
 */
export function provisionedIopsMax(sizeGiB: number): number {
  const baseline = Math.min(1800 + 50 * sizeGiB, PROVISIONED_IOPS_LIMIT);
  return Math.max(0, Math.min(PROVISIONED_IOPS_LIMIT, 1000 * sizeGiB - baseline));
}

/** The most IOPS any disk can have provisioned. */
export const PROVISIONED_IOPS_LIMIT = 50000;

/** `EncryptAlgorithm` values (hidden in the SDK docs; the official provider's docs name these two). */
export const ENCRYPT_ALGORITHMS = ['AES-256', 'SM4-128'] as const;

/** The size range of a data disk of `category` (and `performanceLevel` for ESSD, PL1 by default). */
export function diskSizeRange(category: string, performanceLevel?: string): readonly [number, number] {
  const key = category === 'cloud_essd' ? `cloud_essd:${performanceLevel || 'PL1'}` : category;
  return DISK_SIZE_RANGES[key] ?? [20, 32768];
}

const diskId = { kind: 'scalar', name: 'DiskId', type: 'string', required: true } as const satisfies ScalarParam;

/** The codes of `ProvisionedIops` and `BurstingEnabled` on a disk (CreateDisk, RunInstances, ModifyDiskSpec). */
export const DISK_PERFORMANCE_ERRORS = [
  'ProvisionedIopsForDiskCategoryUnsupported',
  'InvalidProvisionedIops.LimitExceed',
  'BurstingEnabledForDiskCategoryUnsupported',
] as const;

/** The codes of `EncryptAlgorithm` on a new disk (CreateDisk, RunInstances). */
export const DISK_ENCRYPT_ALGORITHM_ERRORS = ['InvalidEncryptAlgorithm', 'InvalidEncrypted.NotMatchEncryptAlgorithm'] as const;

export const diskNameParam = {
  kind: 'scalar',
  name: 'DiskName',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: IMAGE_NAME_PATTERN,
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidDiskName.Malformed',
  emptyIsAbsent: true,
  description: '2-128 characters; starts with a letter; then letters, digits, `.`, `:`, `_`, `-`; not http:// or https://.',
} as const satisfies ScalarParam;

export const describeDisksSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeDisks',
  params: [
    regionIdParam,
    { kind: 'packedList', name: 'DiskIds', packing: 'json', maxItems: 100, tooManyCode: 'InvalidParameter' },
    { kind: 'scalar', name: 'InstanceId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'DiskType',
      type: 'string',
      enum: ['all', 'system', 'data'],
      emptyIsAbsent: true,
      errorCode: 'InvalidDiskType.ValueNotSupported',
    },
    {
      kind: 'scalar',
      name: 'Category',
      type: 'string',
      enum: ['all', ...DISK_CATEGORIES, 'ephemeral', 'ephemeral_ssd', 'local_ssd_pro', 'local_hdd_pro'],
      emptyIsAbsent: true,
      errorCode: 'InvalidCategory.ValueNotSupported',
    },
    {
      kind: 'scalar',
      name: 'Status',
      type: 'string',
      enum: ['All', ...DISK_STATUSES],
      emptyIsAbsent: true,
      errorCode: 'InvalidStatus.ValueNotSupported',
    },
    { kind: 'scalar', name: 'ZoneId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'DiskName', type: 'string', emptyIsAbsent: true, description: 'Exact name.' },
    { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true, description: 'Disks created from this snapshot.' },
    { kind: 'scalar', name: 'Portable', type: 'boolean' },
    { kind: 'scalar', name: 'Encrypted', type: 'boolean' },
    { kind: 'scalar', name: 'DeleteWithInstance', type: 'boolean' },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagFilterParam,
    ...pagingParams(500),
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidParameter', 'InvalidNextToken'],
  response: r.response({
    Disks: r.list(
      'Disk',
      r.object({
        DiskId: r.string,
        Status: r.string,
        ...r.defaults({
          AttachedTime: r.string,
          BurstingEnabled: r.boolean,
          Attachments: r.list(
            'Attachment',
            r.object(
              r.defaults({
                AttachedTime: r.string,
                Device: r.string,
                InstanceId: r.string,
              }),
            ),
          ),
          Category: r.string,
          CreationTime: r.string,
          DeleteAutoSnapshot: r.boolean,
          DeleteWithInstance: r.boolean,
          Description: r.string,
          DetachedTime: r.string,
          Device: r.string,
          DiskChargeType: r.string,
          DiskName: r.string,
          EnableAutoSnapshot: r.boolean,
          AutoSnapshotPolicyId: r.string,
          EnableAutomatedSnapshotPolicy: r.boolean,
          Encrypted: r.boolean,
          ImageId: r.string,
          InstanceId: r.string,
          KMSKeyId: r.string,
          MultiAttach: r.string,
          OperationLocks: r.list('OperationLock', r.object({})),
          PerformanceLevel: r.string,
          Portable: r.boolean,
          ProvisionedIops: r.long,
          RegionId: r.string,
          ResourceGroupId: r.string,
          SerialNumber: r.string,
          Size: r.integer,
          SourceSnapshotId: r.string,
          Tags: ecsTagsShape,
          Type: r.string,
          ZoneId: r.string,
        }),
      }),
    ),
    ...tokenPageFields,
  }),
});

/** CreateDisk: a pay-as-you-go data disk in a zone, empty (`Size`) or from a snapshot (`SnapshotId`). */
export const createDiskSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'CreateDisk',
  mutating: true,
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'ZoneId', type: 'string', emptyIsAbsent: true, description: 'Required unless InstanceId is given.' },
    {
      kind: 'scalar',
      name: 'InstanceId',
      type: 'string',
      emptyIsAbsent: true,
      description: 'Create the disk attached to this (subscription) instance; not emulated (answers OperationDenied).',
    },
    {
      kind: 'scalar',
      name: 'DiskCategory',
      type: 'string',
      enum: DISK_CATEGORIES,
      emptyIsAbsent: true,
      errorCode: 'InvalidDiskCategory.ValueNotSupported',
      description: 'Default `cloud`.',
    },
    { kind: 'scalar', name: 'Size', type: 'integer', errorCode: 'InvalidDiskSize.NotSupported', description: 'GiB; range by category.' },
    { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'PerformanceLevel',
      type: 'string',
      enum: PERFORMANCE_LEVELS,
      emptyIsAbsent: true,
      errorCode: 'InvalidPerformanceLevel.Malformed',
      description: 'ESSD only; default PL1.',
    },
    { kind: 'scalar', name: 'Encrypted', type: 'boolean' },
    { kind: 'scalar', name: 'KMSKeyId', type: 'string', emptyIsAbsent: true },
    diskNameParam,
    descriptionParam,
    {
      kind: 'scalar',
      name: 'MultiAttach',
      type: 'string',
      enum: ['Disabled', 'Enabled'],
      emptyIsAbsent: true,
      errorCode: 'InvalidParameter',
    },
    { kind: 'scalar', name: 'ProvisionedIops', type: 'long' },
    { kind: 'scalar', name: 'BurstingEnabled', type: 'boolean' },
    { kind: 'scalar', name: 'StorageSetId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'StorageSetPartitionNumber', type: 'integer' },
    { kind: 'scalar', name: 'StorageClusterId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'EncryptAlgorithm', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'AdvancedFeatures', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagsParam(),
    clientToken,
    ...ownerParams,
  ],
  errors: [
    'MissingParameter',
    'InvalidParameter',
    'InvalidParameter.Conflict',
    'InvalidDiskCategory.ValueNotSupported',
    'InvalidDiskSize.NotSupported',
    'InvalidDiskSize.TooSmall',
    'InvalidPerformanceLevel.Malformed',
    'InvalidDiskName.Malformed',
    'InvalidDescription.Malformed',
    'InvalidZoneId.NotFound',
    'InvalidSnapshotId.NotFound',
    'InvalidSnapshotId.NotReady',
    'InvalidResourceGroup.NotFound',
    'OperationDenied',
    'IdempotentParameterMismatch',
    ...DISK_PERFORMANCE_ERRORS,
    ...DISK_ENCRYPT_ALGORITHM_ERRORS,
  ],
  response: r.response({ DiskId: r.string, ...r.defaults({ OrderId: r.string }) }),
});

/** DeleteDisk: release an Available disk; an unknown id answers InvalidDiskId.NotFound. */
export const deleteDiskSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DeleteDisk',
  mutating: true,
  params: [diskId, ...ownerParams],
  errors: ['InvalidDiskId.NotFound', 'DiskStillAttached', 'IncorrectDiskStatus', 'DiskCreatingSnapshot'],
  response: r.response({}),
});

/** AttachDisk: attach an Available data disk to a Running or Stopped instance in the same zone. */
export const attachDiskSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'AttachDisk',
  mutating: true,
  params: [
    instanceId,
    diskId,
    { kind: 'scalar', name: 'DeleteWithInstance', type: 'boolean', description: 'Default false.' },
    { kind: 'scalar', name: 'Bootable', type: 'boolean', description: 'Attach as the system disk (not emulated: refused).' },
    { kind: 'scalar', name: 'Password', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'KeyPairName', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Force', type: 'boolean' },
    {
      kind: 'scalar',
      name: 'Device',
      type: 'string',
      pattern: '^/dev/xvd[b-z]$',
      emptyIsAbsent: true,
      errorCode: 'InvalidDevice.Malformed',
      description: 'Deprecated; /dev/xvdb../dev/xvdz.',
    },
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'InvalidInstanceId.NotFound',
    'IncorrectDiskStatus',
    'IncorrectInstanceStatus',
    'InstanceDiskLimitExceeded',
    'InvalidDevice.Malformed',
    'InvalidDevice.InUse',
    'InvalidParameter.Mismatch',
    'OperationDenied',
  ],
  response: r.response({}),
});

/** DetachDisk: detach an In_use data disk from its Running or Stopped instance (Detaching, then Available). */
export const detachDiskSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DetachDisk',
  mutating: true,
  params: [
    instanceId,
    diskId,
    { kind: 'scalar', name: 'DeleteWithInstance', type: 'boolean', description: 'Whether the disk follows a later attachment out.' },
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'InvalidInstanceId.NotFound',
    'IncorrectDiskStatus',
    'IncorrectInstanceStatus',
    'InvalidDisk.AlreadyDetached',
    'InvalidDiskId.OperationNotSupported',
  ],
  response: r.response({}),
});

/** ModifyDiskAttribute: name, description and release flags of one disk (`DiskId`) or many (`DiskIds.N`). */
export const modifyDiskAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyDiskAttribute',
  mutating: true,
  params: [
    { ...regionIdParam, required: false },
    { kind: 'scalar', name: 'DiskId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalarList', name: 'DiskIds', type: 'string', maxItems: 100, tooManyCode: 'InvalidParameter' },
    diskNameParam,
    { ...descriptionParam, minLength: 0, emptyIsAbsent: false, description: 'Up to 256 characters; empty clears it.' },
    { kind: 'scalar', name: 'DeleteWithInstance', type: 'boolean' },
    { kind: 'scalar', name: 'DeleteAutoSnapshot', type: 'boolean' },
    {
      kind: 'scalar',
      name: 'EnableAutoSnapshot',
      type: 'boolean',
      description:
        'Deprecated; accepted and ignored by ECS, which keeps the automatic snapshot feature on (DescribeDisks EnableAutoSnapshot=true).',
    },
    { kind: 'scalar', name: 'BurstingEnabled', type: 'boolean' },
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'NoAttributeToModify',
    'InvalidDiskName.Malformed',
    'InvalidDescription.Malformed',
    'InvalidParameter.Conflict',
    'MissingParameter',
    'BurstingEnabledForDiskCategoryUnsupported',
  ],
  response: r.response({}),
});

/** ResizeDisk: grow a disk (system or data); NewSize above the current size, within the category's maximum. */
export const resizeDiskSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ResizeDisk',
  mutating: true,
  params: [
    diskId,
    {
      kind: 'scalar',
      name: 'NewSize',
      type: 'integer',
      required: true,
      min: 1,
      max: 65536,
      errorCode: 'InvalidParameter',
      description: 'The new size in GiB, above the current size.',
    },
    { kind: 'scalar', name: 'Type', type: 'string', enum: ['offline', 'online'], emptyIsAbsent: true },
    clientToken,
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'InvalidDiskSize.TooSmall',
    'InvalidParameter',
    'OperationDenied',
    'IncorrectInstanceStatus',
    'IncorrectDiskStatus',
    'InvalidInstanceId.NotFound',
  ],
  response: r.response({}),
});

export const disksActions: readonly ActionSpec[] = [
  describeDisksSpec,
  createDiskSpec,
  deleteDiskSpec,
  attachDiskSpec,
  detachDiskSpec,
  modifyDiskAttributeSpec,
  resizeDiskSpec,
];

export const disksErrors: readonly ErrorSpec[] = [
  { code: 'InvalidDiskId.NotFound', status: 404, message: 'The specified disk does not exist.' },
  {
    code: 'InvalidDiskSize.TooSmall',
    status: 403,
    message: 'The specified disk size is smaller than allowed (the current size or the snapshot size).',
  },
  { code: 'InvalidDiskSize.NotSupported', status: 400, message: 'The specified disk size is not supported for this category.' },
  { code: 'InvalidDiskCategory.ValueNotSupported', status: 400, message: 'The specified disk category is not supported.' },
  { code: 'InvalidPerformanceLevel.Malformed', status: 400, message: 'The specified PerformanceLevel is not valid for this category.' },
  { code: 'InvalidDiskName.Malformed', status: 400, message: 'The specified disk name is wrongly formed.' },
  { code: 'InvalidCategory.ValueNotSupported', status: 400, message: 'The specified Category is not valid.' },
  { code: 'InvalidStatus.ValueNotSupported', status: 400, message: 'The specified Status is not valid.' },
  { code: 'IncorrectDiskStatus', status: 403, message: 'The current status of the disk does not support this operation.' },
  { code: 'DiskStillAttached', status: 403, message: 'The disk is still attached to an instance; detach it first.' },
  { code: 'DiskCreatingSnapshot', status: 403, message: 'A snapshot of the disk is being created.' },
  { code: 'InstanceDiskLimitExceeded', status: 403, message: 'The instance has reached its limit of 16 data disks.' },
  { code: 'InvalidDisk.AlreadyDetached', status: 403, message: 'The disk is not attached to the specified instance.' },
  { code: 'InvalidDiskId.OperationNotSupported', status: 403, message: 'The operation is not supported for this disk (a system disk).' },
  { code: 'NoAttributeToModify', status: 400, message: 'No attribute to modify was given.' },
  {
    code: 'ProvisionedIopsForDiskCategoryUnsupported',
    status: 400,
    message: 'The specified disk category does not support provisioned iops.',
  },
  { code: 'InvalidProvisionedIops.LimitExceed', status: 400, message: 'The provisioned iops exceeds the limit.' },
  {
    code: 'BurstingEnabledForDiskCategoryUnsupported',
    status: 400,
    message: 'The specified disk category does not support bursting enabled.',
  },
  { code: 'InvalidEncryptAlgorithm', status: 400, message: 'The specified parameter EncryptAlgorithm is not valid.' },
  {
    code: 'InvalidEncrypted.NotMatchEncryptAlgorithm',
    status: 400,
    message: 'The specified parameter Encrypted must be true when EncryptAlgorithm is not empty.',
  },
];
