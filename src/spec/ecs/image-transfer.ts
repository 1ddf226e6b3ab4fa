/**
 * ECS image transfer to and from object storage: ImportImage, ExportImage and the task actions
 * that follow them (DescribeTasks, DescribeTaskAttribute), written from api-wave2.md §1.4-1.6
 * and the SDK models of @alicloud/ecs20140526.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { ARCHITECTURES, BOOT_MODES, ECS_VERSION, PLATFORMS, descriptionParam, imageNameParam, tagsParam } from './images.js';
import { clientTokenParam, dryRunParam, pageNumberParam, pageSizeParam, regionIdParam } from './params.js';
import { r } from './shape.js';

/** Disk image formats ImportImage reads (`qcow2` is also accepted in lower case, as the Go provider sends it). */
export const IMPORT_FORMATS = ['RAW', 'VHD', 'QCOW2', 'VMDK', 'qcow2'] as const;
/** Formats ExportImage writes. */
export const EXPORT_FORMATS = ['raw', 'vhd', 'qcow2', 'vmdk', 'vdi'] as const;
export const TASK_ACTIONS = ['ImportImage', 'ExportImage', 'RedeployInstance', 'ModifyDiskSpec', 'ArchiveSnapshot'] as const;

// ImportImage and ExportImage models have no OwnerAccount.
const ownerIds = [
  { kind: 'scalar', name: 'OwnerId', type: 'long' },
  { kind: 'scalar', name: 'ResourceOwnerId', type: 'long' },
  { kind: 'scalar', name: 'ResourceOwnerAccount', type: 'string' },
] as const satisfies readonly ScalarParam[];

const roleNameParam = {
  kind: 'scalar',
  name: 'RoleName',
  type: 'string',
  emptyIsAbsent: true,
  description: 'RAM role ECS assumes to reach the bucket (the emulator does not check it).',
} as const satisfies ScalarParam;

export const importImageSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ImportImage',
  mutating: true,
  params: [
    regionIdParam,
    {
      kind: 'repeatList',
      name: 'DiskDeviceMapping',
      required: true,
      missingCode: 'MissingParameter.DiskDeviceMapping',
      maxItems: 17,
      tooManyCode: 'InvalidParameter',
      description: 'Item 1 is the system disk, items 2-17 data disks; each names the bucket and object of its disk image.',
      fields: [
        { kind: 'scalar', name: 'OSSBucket', type: 'string', emptyIsAbsent: true, description: 'Bucket in the same region.' },
        {
          kind: 'scalar',
          name: 'OSSObject',
          type: 'string',
          emptyIsAbsent: true,
          maxLength: 1023,
          errorCode: 'InvalidOSSObject.Malformed',
          description: 'Object key of the disk image.',
        },
        {
          kind: 'scalar',
          name: 'Format',
          type: 'string',
          enum: IMPORT_FORMATS,
          emptyIsAbsent: true,
          errorCode: 'InvalidImageFormat.Malformed',
          description: 'RAW, VHD, QCOW2 (or qcow2) or VMDK; empty detects it.',
        },
        {
          kind: 'scalar',
          name: 'DiskImageSize',
          type: 'integer',
          min: 1,
          max: 2048,
          errorCode: 'InvalidImageSize',
          description: 'GiB, 1-2048.',
        },
        {
          kind: 'scalar',
          name: 'DiskImSize',
          type: 'integer',
          min: 1,
          max: 2048,
          errorCode: 'InvalidImageSize',
          description: 'Deprecated alias of DiskImageSize.',
        },
        { kind: 'scalar', name: 'Device', type: 'string', emptyIsAbsent: true, description: 'Deprecated.' },
      ],
    },
    imageNameParam,
    descriptionParam,
    {
      kind: 'scalar',
      name: 'Architecture',
      type: 'string',
      enum: ARCHITECTURES,
      emptyIsAbsent: true,
      errorCode: 'InvalidArchitecture.Malformed',
    },
    {
      kind: 'scalar',
      name: 'OSType',
      type: 'string',
      enum: ['linux', 'windows'],
      emptyIsAbsent: true,
      errorCode: 'InvalidOSType.Malformed',
    },
    {
      kind: 'scalar',
      name: 'Platform',
      type: 'string',
      enum: [...PLATFORMS, 'Other Windows'],
      emptyIsAbsent: true,
      errorCode: 'InvalidPlatform.Malformed',
    },
    {
      kind: 'scalar',
      name: 'LicenseType',
      type: 'string',
      enum: ['Auto', 'Aliyun', 'BYOL'],
      emptyIsAbsent: true,
      errorCode: 'InvalidLicenseType.NotSupported',
      description: 'Auto, Aliyun or BYOL.',
    },
    {
      kind: 'scalar',
      name: 'BootMode',
      type: 'string',
      enum: BOOT_MODES,
      emptyIsAbsent: true,
      errorCode: 'InvalidBootMode.ValueNotSupported',
    },
    roleNameParam,
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagsParam(),
    clientTokenParam,
    dryRunParam,
    ...ownerIds,
  ],
  errors: [
    'MissingParameter',
    'MissingParameter.DiskDeviceMapping',
    'InvalidImageName.Malformed',
    'InvalidImageName.Duplicated',
    'InvalidDescription.Malformed',
    'InvalidArchitecture.Malformed',
    'InvalidOSType.Malformed',
    'InvalidPlatform.Malformed',
    'InvalidImageFormat.Malformed',
    'InvalidImageSize',
    'InvalidLicenseType.NotSupported',
    'InvalidBootMode.ValueNotSupported',
    'InvalidOSSBucket.NotFound',
    'InvalidOSSBucket.NotMatched',
    'InvalidOSSObject.NotFound',
    'InvalidOSSObject.Malformed',
    'InvalidResourceGroup.NotFound',
    'IdempotentParameterMismatch',
  ],
  response: r.response({ RegionId: r.string, ImageId: r.string, TaskId: r.string }),
});

export const exportImageSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ExportImage',
  mutating: true,
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'ImageId', type: 'string', required: true },
    { kind: 'scalar', name: 'OSSBucket', type: 'string', required: true, description: 'Bucket in the same region.' },
    {
      kind: 'scalar',
      name: 'OSSPrefix',
      type: 'string',
      emptyIsAbsent: true,
      pattern: '^[A-Za-z0-9]{1,30}$',
      errorCode: 'InvalidOSSPrefix.Malformed',
      description: '1-30 letters and digits; the object is `<OSSPrefix>_<ImageId>_system.<format>.tar.gz`.',
    },
    {
      kind: 'scalar',
      name: 'ImageFormat',
      type: 'string',
      enum: EXPORT_FORMATS,
      emptyIsAbsent: true,
      errorCode: 'InvalidImageFormat.Malformed',
      description: 'raw (default), vhd, qcow2, vmdk or vdi.',
    },
    roleNameParam,
    dryRunParam,
    ...ownerIds,
  ],
  errors: [
    'MissingParameter',
    'IncorrectImageStatus',
    'ImageNotSupported',
    'InvalidImageId.NotFound',
    'InvalidOSSBucket.NotFound',
    'InvalidOSSBucket.NotMatched',
    'InvalidOSSPrefix.Malformed',
    'InvalidImageFormat.Malformed',
    'ImageIsExporting',
  ],
  response: r.response({ RegionId: r.string, TaskId: r.string }),
});

export const describeTasksSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeTasks',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'TaskIds',
      packing: 'comma',
      maxItems: 100,
      tooManyCode: 'InvalidParameter',
      description: 'Comma-separated task ids.',
    },
    { kind: 'scalar', name: 'TaskAction', type: 'string', enum: TASK_ACTIONS, emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'TaskStatus',
      type: 'string',
      emptyIsAbsent: true,
      description: 'Finished, Processing or Failed; other values are ignored.',
    },
    { kind: 'scalarList', name: 'ResourceIds', type: 'string', maxItems: 100, tooManyCode: 'InvalidParameter' },
    pageNumberParam,
    pageSizeParam,
    { kind: 'scalar', name: 'OwnerId', type: 'long' },
    { kind: 'scalar', name: 'OwnerAccount', type: 'string' },
    { kind: 'scalar', name: 'ResourceOwnerId', type: 'long' },
    { kind: 'scalar', name: 'ResourceOwnerAccount', type: 'string' },
  ],
  errors: [],
  response: r.response({
    RegionId: r.string,
    TotalCount: r.integer,
    PageNumber: r.integer,
    PageSize: r.integer,
    TaskSet: r.list(
      'Task',
      r.object({
        TaskId: r.string,
        TaskAction: r.string,
        TaskStatus: r.string,
        SupportCancel: r.string,
        CreationTime: r.string,
        FinishedTime: r.string,
        ResourceId: r.string,
      }),
    ),
  }),
});

export const describeTaskAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeTaskAttribute',
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'TaskId', type: 'string', required: true },
    { kind: 'scalar', name: 'OwnerId', type: 'long' },
    { kind: 'scalar', name: 'ResourceOwnerId', type: 'long' },
    { kind: 'scalar', name: 'ResourceOwnerAccount', type: 'string' },
  ],
  errors: ['InvalidTaskId.NotFound'],
  response: r.response({
    RegionId: r.string,
    TaskId: r.string,
    TaskAction: r.string,
    TaskStatus: r.string,
    TaskProcess: r.string,
    SupportCancel: r.string,
    CreationTime: r.string,
    FinishedTime: r.string,
    TotalCount: r.integer,
    SuccessCount: r.integer,
    FailedCount: r.integer,
  }),
});

export const imageTransferActions: readonly ActionSpec[] = [importImageSpec, exportImageSpec, describeTasksSpec, describeTaskAttributeSpec];

/** Error codes of these actions (HTTP statuses per api-wave2.md §1.4-1.5; `InvalidTaskId.NotFound` 404 assumed). */
export const imageTransferErrors: readonly ErrorSpec[] = [
  { code: 'MissingParameter.DiskDeviceMapping', status: 403, message: 'The DiskDeviceMapping parameter is required.' },
  { code: 'InvalidOSType.Malformed', status: 400, message: 'The specified OSType is wrongly formed.' },
  { code: 'InvalidImageFormat.Malformed', status: 400, message: 'The specified image format is wrongly formed.' },
  { code: 'InvalidImageSize', status: 400, message: 'The specified disk image size is not valid.' },
  { code: 'InvalidLicenseType.NotSupported', status: 400, message: 'The specified license type is not supported.' },
  { code: 'InvalidOSSBucket.NotFound', status: 400, message: 'The specified OSS bucket does not exist.' },
  { code: 'InvalidOSSBucket.NotMatched', status: 400, message: 'The specified OSS bucket is not in the region of the request.' },
  { code: 'InvalidOSSObject.NotFound', status: 400, message: 'The specified OSS object does not exist.' },
  { code: 'InvalidOSSObject.Malformed', status: 400, message: 'The specified OSS object is wrongly formed.' },
  { code: 'InvalidOSSPrefix.Malformed', status: 400, message: 'The specified OSS prefix is wrongly formed.' },
  { code: 'ImageNotSupported', status: 400, message: 'The specified image cannot be exported.' },
  { code: 'ImageIsExporting', status: 403, message: 'The specified image is being exported.' },
  { code: 'InvalidTaskId.NotFound', status: 404, message: 'The specified task does not exist.' },
];
