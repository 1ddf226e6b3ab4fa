/**
 * ECS image actions (CreateImage, DescribeImages, ModifyImageAttribute, DeleteImage) and their
 * error codes, written from docs/ecs-api.md sections 3.1-3.4 and 4. Re-exports the shared
 * parameter fragments of params.ts for older importers.
 *
 * Format rules (lengths, enums, patterns, prefixes) live here so the client, the emulator and the
 * docs agree; domain rules (existence, uniqueness, states) live in the emulator's handlers.
 */
import type { ActionSpec, ErrorSpec, ObjectParam, RepeatListParam, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import {
  ECS,
  clientTokenParam,
  dryRunParam,
  ownerParams,
  pageNumberParam,
  pageSizeParam,
  regionIdParam,
  tagFilterParam,
} from './params.js';
import { r } from './shape.js';
import { ecsTagsShape } from './outputs.js';

// The shared fragments used to live here; other tables still import them from this module.
export { dryRunParam, ownerParams, pageNumberParam, pageSizeParam, regionIdParam, tagFilterParam };

export const ECS_VERSION = ECS.version;

/** The 26 values CreateImage accepts for `Platform` (ecs-api.md 3.1). */
export const PLATFORMS = [
  'Aliyun',
  'Anolis',
  'CentOS',
  'Ubuntu',
  'CoreOS',
  'SUSE',
  'Debian',
  'OpenSUSE',
  'FreeBSD',
  'RedHat',
  'Kylin',
  'UOS',
  'Fedora',
  'Fedora CoreOS',
  'CentOS Stream',
  'AlmaLinux',
  'Rocky Linux',
  'Gentoo',
  'Customized Linux',
  'Others Linux',
  'Windows Server 2022',
  'Windows Server 2019',
  'Windows Server 2016',
  'Windows Server 2012',
  'Windows Server 2008',
  'Windows Server 2003',
] as const;
export const ARCHITECTURES = ['i386', 'x86_64', 'arm64'] as const;
export const BOOT_MODES = ['BIOS', 'UEFI', 'UEFI-Preferred'] as const;
export const IMAGE_STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'] as const;
export const IMAGE_OWNER_ALIASES = ['system', 'self', 'others', 'marketplace'] as const;

/** First character a letter or CJK ideograph; then letters, CJK, digits, `.` `:` `_` `-`. */
export const IMAGE_NAME_PATTERN = '^[A-Za-z\\u4e00-\\u9fff][A-Za-z0-9\\u4e00-\\u9fff.:_-]*$';
const URL_PREFIXES = ['http://', 'https://'] as const;
const SYSTEM_PREFIXES = ['aliyun', 'acs:', 'http://', 'https://'] as const;

export const imageNameParam = {
  kind: 'scalar',
  name: 'ImageName',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: IMAGE_NAME_PATTERN,
  forbiddenPrefixes: SYSTEM_PREFIXES,
  errorCode: 'InvalidImageName.Malformed',
  emptyIsAbsent: true,
  description:
    '2-128 characters; starts with a letter or Chinese character; then letters, digits, Chinese characters, `.`, `:`, `_`, `-`; must not start with aliyun, acs:, http:// or https://.',
} as const satisfies ScalarParam;
export const descriptionParam = {
  kind: 'scalar',
  name: 'Description',
  type: 'string',
  minLength: 2,
  maxLength: 256,
  forbiddenPrefixes: URL_PREFIXES,
  errorCode: 'InvalidDescription.Malformed',
  emptyIsAbsent: true,
  description: '2-256 characters; must not start with http:// or https://.',
} as const satisfies ScalarParam;
export const imageFamilyParam = {
  kind: 'scalar',
  name: 'ImageFamily',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: IMAGE_NAME_PATTERN,
  forbiddenPrefixes: SYSTEM_PREFIXES,
  errorCode: 'InvalidImageFamily.Malformed',
  emptyIsAbsent: true,
  description: '2-128 characters; starts with a letter or Chinese character; must not start with aliyun, acs:, http:// or https://.',
} as const satisfies ScalarParam;
export const bootModeParam = {
  kind: 'scalar',
  name: 'BootMode',
  type: 'string',
  enum: BOOT_MODES,
  emptyIsAbsent: true,
  errorCode: 'InvalidBootMode.ValueNotSupported',
  description: 'BIOS, UEFI or UEFI-Preferred.',
} as const satisfies ScalarParam;
export const licenseTypeParam = {
  kind: 'scalar',
  name: 'LicenseType',
  type: 'string',
  enum: ['Auto', 'Aliyun', 'BYOL'],
  emptyIsAbsent: true,
  description: 'License type (BYOL, Aliyun or Auto).',
} as const satisfies ScalarParam;
const imdsSupportField = { kind: 'scalar', name: 'ImdsSupport', type: 'string', enum: ['v1', 'v2'], emptyIsAbsent: true } as const;
/** `Features` of ModifyImageAttribute. The image's NVMe support is set here, not by CreateImage (whose model lacks it). */
export const featuresParam = {
  kind: 'object',
  name: 'Features',
  fields: [
    { kind: 'scalar', name: 'NvmeSupport', type: 'string', enum: ['supported', 'unsupported'], emptyIsAbsent: true },
    imdsSupportField,
  ],
} as const satisfies ObjectParam;
/** `Features` of CreateImage: only `ImdsSupport` (SDK `CreateImageRequestFeatures`). */
export const createImageFeaturesParam = { kind: 'object', name: 'Features', fields: [imdsSupportField] } as const satisfies ObjectParam;

/** `Tag.N.Key` / `Tag.N.Value` as resource tags are written (CreateImage, TagResources). */
export function tagsParam<const R extends boolean = false>(required?: R) {
  return {
    kind: 'repeatList',
    name: 'Tag',
    required: (required ?? false) as R,
    maxItems: 20,
    tooManyCode: 'NumberExceed.Tags',
    description: 'Up to 20 tags; keys unique.',
    fields: [
      {
        kind: 'scalar',
        name: 'Key',
        type: 'string',
        required: true,
        minLength: 1,
        maxLength: 128,
        forbiddenPrefixes: SYSTEM_PREFIXES,
        errorCode: 'InvalidTagKey.Malformed',
        missingCode: 'InvalidTagKey.Malformed',
        description: '1-128 characters; must not start with aliyun, acs:, http:// or https://.',
      },
      {
        kind: 'scalar',
        name: 'Value',
        type: 'string',
        maxLength: 128,
        forbiddenPrefixes: ['acs:', 'http://', 'https://'],
        errorCode: 'InvalidTagValue.Malformed',
        description: '0-128 characters; must not start with acs:, http:// or https://.',
      },
    ],
  } as const satisfies RepeatListParam;
}

export const createImageSpec = defineAction({
  ...ECS,
  action: 'CreateImage',
  mutating: true,
  params: [
    regionIdParam,
    {
      kind: 'scalar',
      name: 'InstanceId',
      type: 'string',
      emptyIsAbsent: true,
      description: 'Mode 1: image every disk of this Running or Stopped instance.',
    },
    { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true, description: 'Mode 3: image this system-disk snapshot.' },
    {
      kind: 'repeatList',
      name: 'DiskDeviceMapping',
      maxItems: 17,
      tooManyCode: 'OperationDenied',
      description: 'Mode 2: exactly one system disk and up to 16 data disks.',
      fields: [
        { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true },
        {
          kind: 'scalar',
          name: 'Size',
          type: 'integer',
          emptyIsAbsent: true,
          min: 0,
          max: 32768,
          errorCode: 'InvalidSize.ValueNotSupported',
          description: 'GiB; 0 or empty means unset.',
        },
        {
          kind: 'scalar',
          name: 'Device',
          type: 'string',
          emptyIsAbsent: true,
          pattern: '^/dev/x?vd[a-z]$',
          errorCode: 'InvalidDevice.Malformed',
          description: '/dev/xvda (or /dev/vda) for the system disk, /dev/xvdb to /dev/xvdz or /dev/vdb to /dev/vdz for data disks.',
        },
        {
          kind: 'scalar',
          name: 'DiskType',
          type: 'string',
          emptyIsAbsent: true,
          enum: ['system', 'data'],
          errorCode: 'InvalidDiskType.ValueNotSupported',
        },
      ],
    },
    imageNameParam,
    descriptionParam,
    imageFamilyParam,
    {
      kind: 'scalar',
      name: 'ImageVersion',
      type: 'string',
      minLength: 1,
      maxLength: 40,
      emptyIsAbsent: true,
      errorCode: 'InvalidImageVersion.Malformed',
      description: '1-40 characters.',
    },
    { kind: 'scalar', name: 'Platform', type: 'string', enum: PLATFORMS, emptyIsAbsent: true, errorCode: 'InvalidPlatform.Malformed' },
    {
      kind: 'scalar',
      name: 'Architecture',
      type: 'string',
      enum: ARCHITECTURES,
      emptyIsAbsent: true,
      errorCode: 'InvalidArchitecture.Malformed',
    },
    bootModeParam,
    { kind: 'scalar', name: 'DetectionStrategy', type: 'string', enum: ['Standard'], emptyIsAbsent: true },
    createImageFeaturesParam,
    {
      kind: 'object',
      name: 'SecureBootOptions',
      fields: [{ kind: 'scalar', name: 'SecureBootSupport', type: 'string', enum: ['supported', 'unsupported'], emptyIsAbsent: true }],
    },
    // No LicenseType: CreateImage does not take it (SDK CreateImageRequest); ModifyImageAttribute sets it.
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagsParam(),
    clientTokenParam,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'MissingParameter',
    'InvalidImageName.Malformed',
    'InvalidImageName.Duplicated',
    'InvalidDescription.Malformed',
    'InvalidImageVersion.Malformed',
    'InvalidArchitecture.Malformed',
    'InvalidPlatform.Malformed',
    'InvalidDevice.Malformed',
    'InvalidDevice.InUse',
    'InvalidSize.ValueNotSupported',
    'InvalidDiskType.ValueNotSupported',
    'OperationDenied',
    'IncorrectInstanceStatus',
    'InstanceLockedForSecurity',
    'Duplicate.TagKey',
    'InvalidTagKey.Malformed',
    'InvalidTagValue.Malformed',
    'IdempotentParameterMismatch',
    'InvalidSnapshotId.NotReady',
    'InvalidSnapshot.TooOld',
    'InvalidSnapshotId.NotFound',
    'InvalidInstanceId.NotFound',
    'InvalidResourceGroup.NotFound',
    'NumberExceed.Tags',
    'InvalidImageFamily.Malformed',
    'InvalidSystemSnapshot.Missing',
  ],
  response: r.response({
    ImageId: r.string,
  }),
});

export const describeImagesSpec = defineAction({
  ...ECS,
  action: 'DescribeImages',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'ImageId',
      packing: 'comma',
      maxItems: 100,
      tooManyCode: 'InvalidParameter',
      description: 'Comma-separated image ids (at most 100).',
    },
    { kind: 'packedList', name: 'Status', packing: 'comma', description: 'Comma-separated statuses, or ALL (default Available).' },
    { kind: 'scalar', name: 'Usable', type: 'boolean' },
    { kind: 'scalar', name: 'ImageName', type: 'string', emptyIsAbsent: true, description: 'Fuzzy match.' },
    { kind: 'scalar', name: 'ImageFamily', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'ImageOwnerAlias',
      type: 'string',
      enum: IMAGE_OWNER_ALIASES,
      emptyIsAbsent: true,
      errorCode: 'InvalidImageOwnerAlias.ValueNotSupported',
    },
    { kind: 'scalar', name: 'ImageOwnerId', type: 'long' },
    { kind: 'scalar', name: 'IsPublic', type: 'boolean' },
    { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'InstanceType',
      type: 'string',
      emptyIsAbsent: true,
      description: 'Only images this instance type can boot (architecture and boot mode).',
    },
    { kind: 'scalar', name: 'OSType', type: 'string', enum: ['windows', 'linux'], emptyIsAbsent: true, errorCode: 'InvalidOSType' },
    { kind: 'scalar', name: 'Architecture', type: 'string', enum: ARCHITECTURES, emptyIsAbsent: true, errorCode: 'InvalidArchitecture' },
    { kind: 'scalar', name: 'IsSupportIoOptimized', type: 'boolean' },
    { kind: 'scalar', name: 'IsSupportCloudinit', type: 'boolean' },
    { kind: 'scalar', name: 'ShowExpired', type: 'boolean' },
    { kind: 'scalar', name: 'Usage', type: 'string', enum: ['instance', 'none'], emptyIsAbsent: true, errorCode: 'InvalidUsage' },
    {
      kind: 'scalar',
      name: 'ActionType',
      type: 'string',
      enum: ['CreateEcs', 'ChangeOS'],
      emptyIsAbsent: true,
      description: 'Every image here supports both scenarios.',
    },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagFilterParam,
    {
      kind: 'repeatList',
      name: 'Filter',
      maxItems: 10,
      fields: [
        { kind: 'scalar', name: 'Key', type: 'string' },
        { kind: 'scalar', name: 'Value', type: 'string' },
      ],
    },
    pageNumberParam,
    pageSizeParam,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidImageOwnerAlias.ValueNotSupported',
    'InvalidParameter',
    'InvalidTagCount',
    'InvalidFilterKey.NotFound',
    'InvalidUsage',
    'InvalidOSType',
    'InvalidArchitecture',
    'InvalidInstanceType.ValueNotSupported',
  ],
  response: r.response({
    Images: r.list(
      'Image',
      r.object({
        ImageId: r.string,
        Status: r.string,
        ...r.defaults({
          Architecture: r.string,
          BootMode: r.string,
          CreationTime: r.string,
          Description: r.string,
          DetectionOptions: r.object(
            r.defaults({
              Items: r.list(
                'Item',
                r.object(
                  r.defaults({
                    Name: r.string,
                    RiskCode: r.string,
                    RiskLevel: r.string,
                    Value: r.string,
                  }),
                ),
              ),
              Status: r.string,
            }),
          ),
          DiskDeviceMappings: r.list(
            'DiskDeviceMapping',
            r.object(
              r.defaults({
                Device: r.string,
                Encrypted: r.boolean,
                Format: r.string,
                ImportOSSBucket: r.string,
                ImportOSSObject: r.string,
                Progress: r.string,
                RemainTime: r.integer,
                Size: r.string,
                SnapshotId: r.string,
                Type: r.string,
              }),
            ),
          ),
          Features: r.object(
            r.defaults({
              CpuOnlineDowngrade: r.string,
              CpuOnlineUpgrade: r.string,
              ImdsSupport: r.string,
              MemoryOnlineDowngrade: r.string,
              MemoryOnlineUpgrade: r.string,
              NvmeSupport: r.string,
            }),
          ),
          ImageFamily: r.string,
          ImageName: r.string,
          ImageOwnerAlias: r.string,
          ImageOwnerId: r.long,
          ImageVersion: r.string,
          IsCopied: r.boolean,
          IsPublic: r.boolean,
          IsSelfShared: r.string,
          IsSubscribed: r.boolean,
          IsSupportCloudinit: r.boolean,
          IsSupportIoOptimized: r.boolean,
          LicenseType: r.string,
          LoginAsNonRootSupported: r.boolean,
          OSName: r.string,
          OSNameEn: r.string,
          OSType: r.string,
          Platform: r.string,
          ProductCode: r.string,
          Progress: r.string,
          ResourceGroupId: r.string,
          SecureBootOptions: r.object(
            r.defaults({
              SecureBootSupport: r.string,
            }),
          ),
          Size: r.integer,
          SupplierName: r.string,
          Tags: ecsTagsShape,
          Usable: r.boolean,
          Usage: r.string,
        }),
      }),
    ),
    TotalCount: r.integer,
    ...r.defaults({
      PageNumber: r.integer,
      PageSize: r.integer,
      RegionId: r.string,
    }),
  }),
});

export const modifyImageAttributeSpec = defineAction({
  ...ECS,
  action: 'ModifyImageAttribute',
  mutating: true,
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'ImageId', type: 'string', required: true },
    imageNameParam,
    descriptionParam,
    imageFamilyParam,
    bootModeParam,
    {
      kind: 'scalar',
      name: 'Status',
      type: 'string',
      enum: ['Deprecated', 'Available'],
      emptyIsAbsent: true,
      description: 'Deprecated or Available.',
    },
    licenseTypeParam,
    featuresParam,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidImageName.Malformed',
    'InvalidImageName.Duplicated',
    'InvalidDescription.Malformed',
    'MissingParameter',
    'InvalidImageId.NotFound',
    'IncorrectImageStatus',
    'OperationDenied.SystemImage',
  ],
  response: r.response({}),
});

export const deleteImageSpec = defineAction({
  ...ECS,
  action: 'DeleteImage',
  mutating: true,
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'ImageId', type: 'string', required: true },
    { kind: 'scalar', name: 'Force', type: 'boolean', description: 'Delete even when instances use the image.' },
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'ImageUsingByInstance',
    'ImageUseShared',
    'OperationDenied.ImageCopying',
    'InvalidImageId.NotFound',
    'OperationDenied.SystemImage',
  ],
  response: r.response({}),
});

export const imagesActions: readonly ActionSpec[] = [createImageSpec, describeImagesSpec, modifyImageAttributeSpec, deleteImageSpec];

/** Error codes of the image actions (HTTP statuses per ecs-api.md 3.1-3.4; `assumed` where the docs have none). */
export const imagesErrors: readonly ErrorSpec[] = [
  { code: 'MissingParameter', status: 400, message: 'A mandatory input parameter is not supplied.' },
  { code: 'InvalidParameter', status: 400, message: 'The specified parameter is not valid.' },
  {
    code: 'IdempotentParameterMismatch',
    status: 400,
    message: 'The request uses the same client token as a previous, but non-identical request.',
  },
  { code: 'InvalidImageName.Malformed', status: 400, message: 'The specified image name is wrongly formed.' },
  { code: 'InvalidImageName.Duplicated', status: 400, message: 'The specified Image name has already been used.' },
  { code: 'InvalidDescription.Malformed', status: 400, message: 'The specified description is wrongly formed.' },
  { code: 'InvalidImageVersion.Malformed', status: 400, message: 'The specified image version is wrongly formed.' },
  { code: 'InvalidImageFamily.Malformed', status: 400, message: 'The specified image family is wrongly formed.' },
  { code: 'InvalidBootMode.ValueNotSupported', status: 400, message: 'The specified BootMode is not supported.' },
  { code: 'InvalidArchitecture.Malformed', status: 400, message: 'The specified Architecture is wrongly formed.' },
  { code: 'InvalidPlatform.Malformed', status: 400, message: 'The specified Platform is wrongly formed.' },
  { code: 'InvalidDevice.Malformed', status: 400, message: 'The specified device is wrongly formed.' },
  { code: 'InvalidDevice.InUse', status: 400, message: 'The specified device is already in use.' },
  { code: 'InvalidSize.ValueNotSupported', status: 400, message: 'The specified disk size is not supported.' },
  { code: 'InvalidDiskType.ValueNotSupported', status: 400, message: 'The specified disk type is not supported.' },
  { code: 'OperationDenied', status: 400, message: 'The specified operation is denied.' },
  { code: 'IncorrectInstanceStatus', status: 400, message: 'The current status of the resource does not support this operation.' },
  {
    code: 'InstanceLockedForSecurity',
    status: 400,
    message: 'The specified operation is denied as your instance is locked for security reasons.',
  },
  { code: 'InvalidSnapshotId.NotReady', status: 403, message: 'The specified snapshot has not completed yet.' },
  {
    code: 'InvalidSnapshot.TooOld',
    status: 403,
    message: 'Snapshots created on or before July 15, 2013 cannot be used to create custom images.',
  },
  { code: 'InvalidSystemSnapshot.Missing', status: 403, message: 'The specified snapshot is not a system disk snapshot.' },
  { code: 'InvalidSnapshotId.NotFound', status: 404, message: 'The specified snapshot does not exist.' },
  { code: 'InvalidInstanceId.NotFound', status: 404, message: 'The specified instance does not exist.' },
  { code: 'InvalidImageId.NotFound', status: 404, message: 'The specified image does not exist.' },
  { code: 'InvalidImageOwnerAlias.ValueNotSupported', status: 400, message: 'The specified ImageOwnerAlias is not supported.' },
  { code: 'InvalidFilterKey.NotFound', status: 404, message: 'The specified filter key does not exist.' },
  { code: 'InvalidUsage', status: 404, message: 'The specified Usage is not valid.' },
  { code: 'InvalidOSType', status: 404, message: 'The specified OSType is not valid.' },
  { code: 'InvalidInstanceType.ValueNotSupported', status: 400, message: 'The specified InstanceType does not exist or is not supported.' },
  { code: 'InvalidArchitecture', status: 404, message: 'The specified Architecture is not valid.' },
  { code: 'IncorrectImageStatus', status: 400, message: 'The current status of the image does not support this operation.' },
  { code: 'ImageUsingByInstance', status: 403, message: 'The specified image is being used by instances.' },
  // Assumed: the docs give no code for a user deleting or modifying a public image.
  { code: 'OperationDenied.SystemImage', status: 403, message: 'System (public) images cannot be modified or deleted.' },
];
