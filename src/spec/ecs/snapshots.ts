/**
 * ECS snapshots: DescribeSnapshots and DeleteSnapshot (docs/ecs-api.md 3.8), CreateSnapshot and
 * ModifySnapshotAttribute (api-wave2.md 2.1), and their error codes. A snapshot is `progressing`
 * (Progress 0%..99%) until it is `accomplished`.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ecsTagsShape, tokenPageFields } from './outputs.js';
import { ECS_VERSION, IMAGE_NAME_PATTERN, descriptionParam, tagsParam } from './images.js';
import { dryRunParam, ownerParams, pagingParams, regionIdParam, tagFilterParam } from './params.js';

export const describeSnapshotsSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeSnapshots',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'SnapshotIds',
      packing: 'json',
      maxItems: 100,
      tooManyCode: 'InvalidSnapshotIds.Malformed',
      description: 'JSON array of up to 100 snapshot ids.',
    },
    { kind: 'scalar', name: 'InstanceId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'DiskId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SnapshotName', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'Status',
      type: 'string',
      enum: ['progressing', 'accomplished', 'failed', 'all'],
      emptyIsAbsent: true,
      errorCode: 'InvalidStatus.NotFound',
    },
    {
      kind: 'scalar',
      name: 'SnapshotType',
      type: 'string',
      enum: ['auto', 'user', 'all'],
      emptyIsAbsent: true,
      errorCode: 'InvalidSnapshotType.NotFound',
    },
    {
      kind: 'scalar',
      name: 'SourceDiskType',
      type: 'string',
      pattern: '^(?:[Ss][Yy][Ss][Tt][Ee][Mm]|[Dd][Aa][Tt][Aa])$',
      emptyIsAbsent: true,
      errorCode: 'InvalidSourceDiskType',
      description: 'system or data (case-insensitive).',
    },
    {
      kind: 'scalar',
      name: 'Usage',
      type: 'string',
      enum: ['image', 'disk', 'image_disk', 'none'],
      emptyIsAbsent: true,
      errorCode: 'InvalidUsage',
    },
    { kind: 'scalar', name: 'Category', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Encrypted', type: 'boolean' },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagFilterParam,
    ...pagingParams(100),
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidSnapshotIds.Malformed',
    'InvalidUsage',
    'InvalidSourceDiskType',
    'InvalidStatus.NotFound',
    'InvalidSnapshotType.NotFound',
    'InvalidTagCount',
    'InvalidNextToken',
  ],
  response: r.response({
    Snapshots: r.list(
      'Snapshot',
      r.object({
        SnapshotId: r.string,
        Status: r.string,
        ...r.defaults({
          Available: r.boolean,
          Category: r.string,
          CreationTime: r.string,
          Description: r.string,
          Encrypted: r.boolean,
          FullSnapshotSizeInBytes: r.long,
          InstantAccess: r.boolean,
          InstantAccessRetentionDays: r.integer,
          KMSKeyId: r.string,
          LastModifiedTime: r.string,
          ProductCode: r.string,
          Progress: r.string,
          RegionId: r.string,
          RemainTime: r.integer,
          ResourceGroupId: r.string,
          RetentionDays: r.integer,
          SnapshotLinkId: r.string,
          SnapshotName: r.string,
          SnapshotSN: r.string,
          SnapshotType: r.string,
          SourceDiskId: r.string,
          SourceDiskSize: r.string,
          SourceDiskType: r.string,
          SourceRegionId: r.string,
          SourceSnapshotId: r.string,
          SourceStorageType: r.string,
          Tags: ecsTagsShape,
          Usage: r.string,
        }),
      }),
    ),
    ...tokenPageFields,
  }),
});

export const deleteSnapshotSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DeleteSnapshot',
  mutating: true,
  // The model has no RegionId: the snapshot is looked up in every region of the account.
  params: [
    { kind: 'scalar', name: 'SnapshotId', type: 'string', required: true },
    { kind: 'scalar', name: 'Force', type: 'boolean', description: 'Also delete snapshots used by disks.' },
    ...ownerParams,
  ],
  errors: ['SnapshotCreatedImage', 'SnapshotCreatedDisk', 'InvalidSnapshotId.NotFound', 'MissingParameter'],
  response: r.response({}),
});

/** `SnapshotName`: like other ECS names, and not starting with `auto` (reserved for automatic snapshots). */
export const snapshotNameParam = {
  kind: 'scalar',
  name: 'SnapshotName',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: IMAGE_NAME_PATTERN,
  forbiddenPrefixes: ['auto', 'http://', 'https://'],
  errorCode: 'InvalidSnapshotName.Malformed',
  emptyIsAbsent: true,
  description: '2-128 characters; starts with a letter; then letters, digits, `.`, `:`, `_`, `-`; not auto, http:// or https://.',
} as const satisfies ScalarParam;
const retentionDays = {
  kind: 'scalar',
  name: 'RetentionDays',
  type: 'integer',
  min: 1,
  max: 65536,
  errorCode: 'InvalidRetentionDays.Malformed',
  description: 'Days before automatic release, 1-65536; unset keeps the snapshot until deleted.',
} as const satisfies ScalarParam;

/** CreateSnapshot: a user snapshot of a disk that is In_use or was attached once (no RegionId in the model). */
export const createSnapshotSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'CreateSnapshot',
  mutating: true,
  params: [
    { kind: 'scalar', name: 'DiskId', type: 'string', required: true },
    snapshotNameParam,
    descriptionParam,
    retentionDays,
    {
      kind: 'scalar',
      name: 'Category',
      type: 'string',
      enum: ['Standard', 'Flash', 'standard', 'flash'],
      emptyIsAbsent: true,
      errorCode: 'InvalidParameter',
      description: 'Deprecated: `Standard` or `Flash`.',
    },
    { kind: 'scalar', name: 'InstantAccess', type: 'boolean', description: 'Deprecated; ignored by ECS.' },
    { kind: 'scalar', name: 'InstantAccessRetentionDays', type: 'integer', description: 'Deprecated; ignored by ECS.' },
    { kind: 'scalar', name: 'StorageLocationArn', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagsParam(),
    { kind: 'scalar', name: 'ClientToken', type: 'string', maxLength: 64 },
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'InvalidSnapshotName.Malformed',
    'InvalidDescription.Malformed',
    'InvalidRetentionDays.Malformed',
    'IncorrectDiskStatus',
    'IncorrectDiskStatus.CreatingSnapshot',
    'IncorrectDiskStatus.NeverAttached',
    'InvalidResourceGroup.NotFound',
    'IdempotentParameterMismatch',
  ],
  response: r.response({ SnapshotId: r.string }),
});

/** ModifySnapshotAttribute: name, description and (only longer) retention of a snapshot. */
export const modifySnapshotAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifySnapshotAttribute',
  mutating: true,
  params: [
    { kind: 'scalar', name: 'SnapshotId', type: 'string', required: true },
    snapshotNameParam,
    { ...descriptionParam, minLength: 0, emptyIsAbsent: false, description: 'Up to 256 characters; empty clears it.' },
    retentionDays,
    { kind: 'scalar', name: 'DisableInstantAccess', type: 'boolean', description: 'Deprecated; ignored by ECS.' },
    ...ownerParams,
  ],
  errors: ['InvalidSnapshotId.NotFound', 'InvalidSnapshotName.Malformed', 'InvalidDescription.Malformed', 'InvalidRetentionDays.Malformed'],
  response: r.response({}),
});

export const snapshotsActions: readonly ActionSpec[] = [
  describeSnapshotsSpec,
  deleteSnapshotSpec,
  createSnapshotSpec,
  modifySnapshotAttributeSpec,
];

export const snapshotsErrors: readonly ErrorSpec[] = [
  { code: 'InvalidSnapshotIds.Malformed', status: 403, message: 'The amount of specified snapshot Ids exceeds the limit (100).' },
  { code: 'InvalidSourceDiskType', status: 404, message: 'The specified SourceDiskType is not valid.' },
  { code: 'InvalidSnapshotType.NotFound', status: 404, message: 'The specified SnapshotType is not valid.' },
  { code: 'InvalidUsage', status: 404, message: 'The specified Usage is not valid.' },
  { code: 'InvalidStatus.NotFound', status: 404, message: 'The specified Status is not valid.' },
  { code: 'SnapshotCreatedImage', status: 403, message: 'The snapshot has been used to create a custom image; delete the image first.' },
  { code: 'SnapshotCreatedDisk', status: 403, message: 'The snapshot has been used to create disks.' },
  { code: 'InvalidSnapshotId.NotFound', status: 404, message: 'The specified snapshot does not exist.' },
  { code: 'InvalidSnapshotName.Malformed', status: 400, message: 'The specified snapshot name is wrongly formed.' },
  {
    code: 'InvalidRetentionDays.Malformed',
    status: 400,
    message: 'The specified RetentionDays is not valid: 1 to 65536, and only longer than now.',
  },
  { code: 'IncorrectDiskStatus.CreatingSnapshot', status: 403, message: 'A snapshot of the disk is already being created.' },
  {
    code: 'IncorrectDiskStatus.NeverAttached',
    status: 403,
    message: 'The disk has never been attached to an instance; a snapshot cannot be taken.',
  },
];
