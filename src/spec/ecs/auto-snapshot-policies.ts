/**
 * ECS (2014-05-26) automatic snapshot policies: CreateAutoSnapshotPolicy,
 * DescribeAutoSnapshotPolicyEx, ModifyAutoSnapshotPolicyEx, DeleteAutoSnapshotPolicy (its disks
 * are released from it), ApplyAutoSnapshotPolicy / CancelAutoSnapshotPolicy (diskIds, a JSON
 * array). Several of these actions spell their parameters in lower camel case (`regionId`,
 * `timePoints`, `autoSnapshotPolicyId`, `diskIds`) exactly as the `@alicloud/ecs20140526` request
 * models send them. The emulator keeps the schedule but takes no snapshots. Codes marked "guess"
 * are not confirmed by the API reference.
 */
import type { ActionSpec, ErrorSpec, PackedListParam, ParamSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS, ownerParams, pageNumberParam, pageSizeParam, tagFilterParam } from './params.js';
import { ecsTagsShape, pageFields } from './outputs.js';

const lowerRegionId = {
  kind: 'scalar',
  name: 'regionId',
  type: 'string',
  required: true,
  description: 'Region of the request.',
} as const satisfies ScalarParam;
const policyIdLower = {
  kind: 'scalar',
  name: 'autoSnapshotPolicyId',
  type: 'string',
  required: true,
  missingCode: 'MissingParameter',
  description: 'The automatic snapshot policy (`sp-...`).',
} as const satisfies ScalarParam;
const timePoints = {
  kind: 'packedList',
  name: 'timePoints',
  packing: 'json',
  maxItems: 24,
  tooManyCode: 'InvalidTimePoints.Malformed',
  errorCode: 'InvalidTimePoints.Malformed',
  description: 'JSON array of the hours (0-23) of the day the policy snapshots at, e.g. ["0","12"].',
} as const satisfies PackedListParam;
const repeatWeekdays = {
  kind: 'packedList',
  name: 'repeatWeekdays',
  packing: 'json',
  maxItems: 7,
  tooManyCode: 'InvalidRepeatWeekdays.Malformed',
  errorCode: 'InvalidRepeatWeekdays.Malformed',
  description: 'JSON array of the weekdays (1 Monday - 7 Sunday) the policy snapshots on, e.g. ["1","7"].',
} as const satisfies PackedListParam;
const retentionDays = {
  kind: 'scalar',
  name: 'retentionDays',
  type: 'integer',
  errorCode: 'InvalidRetentionDays.Malformed',
  description: '-1 (keep forever) or 1-65536 days.',
} as const satisfies ScalarParam;
const policyName = {
  kind: 'scalar',
  name: 'autoSnapshotPolicyName',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: '^[A-Za-z\\u4e00-\\u9fff][A-Za-z0-9\\u4e00-\\u9fff.:_-]*$',
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidAutoSnapshotPolicyName.Malformed',
  emptyIsAbsent: true,
  description: '2-128 characters, starting with a letter or Chinese character; letters, digits, Chinese characters, `.`, `:`, `_`, `-`.',
} as const satisfies ScalarParam;
const diskIds = {
  kind: 'packedList',
  name: 'diskIds',
  packing: 'json',
  required: true,
  missingCode: 'MissingParameter',
  maxItems: 1000,
  tooManyCode: 'InvalidDiskIds.Malformed',
  errorCode: 'InvalidDiskIds.Malformed',
  description: 'JSON array of up to 1000 disk ids.',
} as const satisfies PackedListParam;
const tagParam = {
  kind: 'repeatList',
  name: 'Tag',
  maxItems: 20,
  tooManyCode: 'InvalidTagCount',
  fields: [
    { kind: 'scalar', name: 'Key', type: 'string', maxLength: 128, errorCode: 'InvalidTagKey.Malformed' },
    { kind: 'scalar', name: 'Value', type: 'string', maxLength: 128, errorCode: 'InvalidTagValue.Malformed' },
  ],
} as const satisfies ParamSpec;
const resourceGroupId = { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true } as const satisfies ScalarParam;

export const createAutoSnapshotPolicySpec = defineAction({
  ...ECS,
  action: 'CreateAutoSnapshotPolicy',
  mutating: true,
  params: [
    lowerRegionId,
    { ...timePoints, required: true, missingCode: 'MissingParameter' },
    { ...repeatWeekdays, required: true, missingCode: 'MissingParameter' },
    { ...retentionDays, required: true, missingCode: 'MissingParameter' },
    policyName,
    tagParam,
    resourceGroupId,
    ...ownerParams,
  ],
  errors: [
    'MissingParameter',
    'InvalidTimePoints.Malformed',
    'InvalidRepeatWeekdays.Malformed',
    'InvalidRetentionDays.Malformed',
    'InvalidAutoSnapshotPolicyName.Malformed',
    'InvalidResourceGroup.NotFound',
    'QuotaExceed.AutoSnapshotPolicy',
    'InvalidTagCount',
  ],
  response: r.response({ AutoSnapshotPolicyId: r.string }),
});

export const describeAutoSnapshotPolicyExSpec = defineAction({
  ...ECS,
  action: 'DescribeAutoSnapshotPolicyEx',
  params: [
    { kind: 'scalar', name: 'RegionId', type: 'string', required: true, description: 'Region of the request.' },
    { kind: 'scalar', name: 'AutoSnapshotPolicyId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'AutoSnapshotPolicyName', type: 'string', emptyIsAbsent: true },
    resourceGroupId,
    tagFilterParam,
    pageNumberParam,
    pageSizeParam,
    ...ownerParams,
  ],
  errors: ['InvalidTagCount'],
  response: r.response({
    TotalCount: r.integer,
    ...pageFields,
    AutoSnapshotPolicies: r.list(
      'AutoSnapshotPolicy',
      r.object({
        AutoSnapshotPolicyId: r.string,
        ...r.defaults({
          AutoSnapshotPolicyName: r.string,
          RegionId: r.string,
          TimePoints: r.string,
          RepeatWeekdays: r.string,
          RetentionDays: r.integer,
          DiskNums: r.integer,
          VolumeNums: r.integer,
          Status: r.string,
          CreationTime: r.string,
          ResourceGroupId: r.string,
          Type: r.string,
          EnableCrossRegionCopy: r.boolean,
          Tags: ecsTagsShape,
        }),
      }),
    ),
  }),
});

export const modifyAutoSnapshotPolicyExSpec = defineAction({
  ...ECS,
  action: 'ModifyAutoSnapshotPolicyEx',
  mutating: true,
  params: [lowerRegionId, policyIdLower, timePoints, repeatWeekdays, retentionDays, policyName, ...ownerParams],
  errors: [
    'MissingParameter',
    'InvalidAutoSnapshotPolicyId.NotFound',
    'InvalidTimePoints.Malformed',
    'InvalidRepeatWeekdays.Malformed',
    'InvalidRetentionDays.Malformed',
    'InvalidAutoSnapshotPolicyName.Malformed',
  ],
  response: r.response({}),
});

export const deleteAutoSnapshotPolicySpec = defineAction({
  ...ECS,
  action: 'DeleteAutoSnapshotPolicy',
  mutating: true,
  params: [lowerRegionId, policyIdLower, ...ownerParams],
  errors: ['MissingParameter', 'InvalidAutoSnapshotPolicyId.NotFound'],
  response: r.response({}),
});

export const applyAutoSnapshotPolicySpec = defineAction({
  ...ECS,
  action: 'ApplyAutoSnapshotPolicy',
  mutating: true,
  params: [lowerRegionId, policyIdLower, diskIds, ...ownerParams],
  errors: ['MissingParameter', 'InvalidAutoSnapshotPolicyId.NotFound', 'InvalidDiskIds.Malformed', 'InvalidDiskId.NotFound'],
  response: r.response({}),
});

export const cancelAutoSnapshotPolicySpec = defineAction({
  ...ECS,
  action: 'CancelAutoSnapshotPolicy',
  mutating: true,
  params: [lowerRegionId, { ...policyIdLower, required: false }, diskIds, ...ownerParams],
  errors: ['MissingParameter', 'InvalidDiskIds.Malformed', 'InvalidDiskId.NotFound'],
  response: r.response({}),
});

/** RunInstances `SystemDisk.AutoSnapshotPolicyId` / `DataDisk.N.AutoSnapshotPolicyId`: the policy the new disk follows. */
export const autoSnapshotPolicyLaunchField = {
  kind: 'scalar',
  name: 'AutoSnapshotPolicyId',
  type: 'string',
  emptyIsAbsent: true,
  description: 'The automatic snapshot policy (`sp-...`) the new disk follows.',
} as const satisfies ScalarParam;

export const autoSnapshotPolicyActions: readonly ActionSpec[] = [
  createAutoSnapshotPolicySpec,
  describeAutoSnapshotPolicyExSpec,
  modifyAutoSnapshotPolicyExSpec,
  deleteAutoSnapshotPolicySpec,
  applyAutoSnapshotPolicySpec,
  cancelAutoSnapshotPolicySpec,
];

export const autoSnapshotPolicyErrors: readonly ErrorSpec[] = [
  { code: 'InvalidTimePoints.Malformed', status: 400, message: 'The specified parameter timePoints is not valid.' },
  { code: 'InvalidRepeatWeekdays.Malformed', status: 400, message: 'The specified parameter repeatWeekdays is not valid.' },
  { code: 'InvalidRetentionDays.Malformed', status: 400, message: 'The specified parameter retentionDays is not valid.' },
  {
    code: 'InvalidAutoSnapshotPolicyName.Malformed',
    status: 400,
    message: 'The specified parameter autoSnapshotPolicyName is not valid.',
  },
  // Guess: the 404 of an unknown policy id.
  { code: 'InvalidAutoSnapshotPolicyId.NotFound', status: 404, message: 'The specified autoSnapshotPolicyId does not exist.' },
  { code: 'InvalidDiskId.NotFound', status: 404, message: 'The specified disk does not exist.' },
  { code: 'InvalidResourceGroup.NotFound', status: 404, message: 'The specified resource group does not exist.' },
  { code: 'InvalidTagCount', status: 400, message: 'The specified tags are beyond the permitted range.' },
  { code: 'InvalidTagKey.Malformed', status: 400, message: 'The specified Tag.N.Key is not valid.' },
  { code: 'InvalidTagValue.Malformed', status: 400, message: 'The specified Tag.N.Value is not valid.' },
  { code: 'InvalidDiskIds.Malformed', status: 400, message: 'The specified parameter diskIds is not valid.' },
  // Guess: the API reference names the quota (100 per region) but not its code.
  { code: 'QuotaExceed.AutoSnapshotPolicy', status: 403, message: 'The number of automatic snapshot policies exceeds the quota (100).' },
];
