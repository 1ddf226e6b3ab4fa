/**
 * ECS (2014-05-26) private pool options of an instance: which private pool (the capacity of an
 * elasticity assurance or capacity reservation) it is started from. RunInstances
 * `PrivatePoolOptions.MatchCriteria` / `PrivatePoolOptions.Id` (default `None`: the public pool;
 * `Open`: any matching open private pool, else the public pool; `Target`: exactly the given pool),
 * ModifyInstanceAttachmentAttributes to change them and DescribeInstanceAttachmentAttributes to
 * read them. Names follow the `@alicloud/ecs20140526` models; the codes come from the API reference.
 */
import type { ActionSpec, ErrorSpec, ObjectParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS, instanceIdParam, ownerParams, pageNumberParam, pageSizeParam, regionIdParam } from './params.js';
import { pageFields } from './outputs.js';

export const PRIVATE_POOL_MATCH_CRITERIA = ['Open', 'Target', 'None'] as const;

/** `PrivatePoolOptions.MatchCriteria` and `PrivatePoolOptions.Id`, as RunInstances and ModifyInstanceAttachmentAttributes take them. */
export const privatePoolOptionsParam = {
  kind: 'object',
  name: 'PrivatePoolOptions',
  fields: [
    { kind: 'scalar', name: 'MatchCriteria', type: 'string', enum: PRIVATE_POOL_MATCH_CRITERIA, emptyIsAbsent: true },
    { kind: 'scalar', name: 'Id', type: 'string', emptyIsAbsent: true },
  ],
  description: 'Open, Target (with Id) or None (default: the public pool).',
} as const satisfies ObjectParam;

export const modifyInstanceAttachmentAttributesSpec = defineAction({
  ...ECS,
  action: 'ModifyInstanceAttachmentAttributes',
  mutating: true,
  params: [regionIdParam, instanceIdParam, privatePoolOptionsParam, ...ownerParams],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'MissingParameter.PrivatePoolOptionsId',
    'Invalid.PrivatePoolOptionsId',
    'InvalidParameter.PrivatePoolOptions',
  ],
  response: r.response({}),
});

export const describeInstanceAttachmentAttributesSpec = defineAction({
  ...ECS,
  action: 'DescribeInstanceAttachmentAttributes',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'InstanceIds',
      packing: 'json',
      required: true,
      maxItems: 100,
      tooManyCode: 'InvalidInstanceIds.ValueNotSupported',
      errorCode: 'InvalidInstanceIds.ValueNotSupported',
      description: 'JSON array of up to 100 instance ids.',
    },
    pageNumberParam,
    pageSizeParam,
    ...ownerParams,
  ],
  errors: ['InvalidInstanceIds.ValueNotSupported'],
  response: r.response({
    TotalCount: r.integer,
    ...pageFields,
    Instances: r.list(
      'Instance',
      r.object({ InstanceId: r.string, ...r.defaults({ PrivatePoolOptionsMatchCriteria: r.string, PrivatePoolOptionsId: r.string }) }),
    ),
  }),
});

/** The codes RunInstances answers for them. */
export const RUN_INSTANCES_PRIVATE_POOL_ERRORS = [
  'MissingParameter.PrivatePoolOptionsId',
  'Invalid.PrivatePoolOptionsId',
  'InvalidParameter.PrivatePoolOptions',
] as const;

export const privatePoolActions: readonly ActionSpec[] = [modifyInstanceAttachmentAttributesSpec, describeInstanceAttachmentAttributesSpec];

export const privatePoolErrors: readonly ErrorSpec[] = [
  { code: 'MissingParameter.PrivatePoolOptionsId', status: 400, message: 'The specified PrivatePoolOptions.Id should not be null.' },
  { code: 'Invalid.PrivatePoolOptionsId', status: 400, message: 'The specified PrivatePoolOptions.Id is invalid.' },
  // Guess: the API reference says spot instances take only None, without naming the code.
  {
    code: 'InvalidParameter.PrivatePoolOptions',
    status: 400,
    message: 'PrivatePoolOptions.MatchCriteria can only be None for a spot instance.',
  },
];
