/**
 * ECS DescribeInstances and DescribeDisks (what an image client needs; docs/ecs-api.md 3.7) and
 * their error codes. Instance lifecycle actions (RunInstances, StartInstance, ...) are added by
 * the network engineer in a later step.
 */
import type { ActionSpec, ErrorSpec } from './types.js';
import { ECS_VERSION } from './images.js';
import { dryRunParam, ownerParams, pagingParams, regionIdParam, tagFilterParam } from './params.js';

export const INSTANCE_STATUSES = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped'] as const;

export const describeInstancesSpec: ActionSpec = {
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeInstances',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'InstanceIds',
      packing: 'json',
      maxItems: 100,
      tooManyCode: 'InvalidParameter',
      description: 'JSON array of up to 100 instance ids.',
    },
    { kind: 'scalar', name: 'Status', type: 'string', enum: INSTANCE_STATUSES, emptyIsAbsent: true, errorCode: 'InvalidStatus.NotFound' },
    { kind: 'scalar', name: 'ImageId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'ZoneId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'InstanceName', type: 'string', emptyIsAbsent: true, description: '`*` is a wildcard.' },
    { kind: 'scalar', name: 'InstanceType', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VpcId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VSwitchId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SecurityGroupId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'LockReason',
      type: 'string',
      enum: ['financial', 'security', 'Recycling', 'dedicatedhostfinancial', 'refunded'],
      emptyIsAbsent: true,
      errorCode: 'InvalidLockReason.NotFound',
    },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagFilterParam,
    ...pagingParams(100),
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidStatus.NotFound', 'InvalidLockReason.NotFound', 'InvalidTagCount', 'InvalidParameter', 'InvalidNextToken'],
};

export const describeDisksSpec: ActionSpec = {
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
    { kind: 'scalar', name: 'ZoneId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagFilterParam,
    ...pagingParams(500),
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidParameter', 'InvalidNextToken'],
};

export const instancesActions: readonly ActionSpec[] = [describeInstancesSpec, describeDisksSpec];

export const instancesErrors: readonly ErrorSpec[] = [
  { code: 'InvalidStatus.NotFound', status: 404, message: 'The specified Status is not valid.' },
  { code: 'InvalidLockReason.NotFound', status: 404, message: 'The specified LockReason is not valid.' },
  { code: 'InvalidTag.Mismatch', status: 400, message: 'The specified Tag.N.Key and Tag.N.Value are not match.' },
  { code: 'InvalidNextToken', status: 400, message: 'The specified NextToken is not valid.' },
];
