/**
 * ECS (2014-05-26) renewal of subscription instances: ModifyInstanceAutoRenewAttribute and
 * DescribeInstanceAutoRenewAttribute. `InstanceId` is a comma-separated list (up to 100) in
 * both. Only `PrePaid` instances have a renewal attribute; a pay-as-you-go instance answers
 * `ChargeTypeViolation` (the official provider retries that code right after a billing change).
 * Parameter names follow the `@alicloud/ecs20140526` request models.
 */
import type { ActionSpec, ErrorSpec, PackedListParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';

export const RENEWAL_STATUSES = ['AutoRenewal', 'Normal', 'NotRenewal'] as const;

const instanceIds = {
  kind: 'packedList',
  name: 'InstanceId',
  packing: 'comma',
  maxItems: 100,
  tooManyCode: 'InvalidInstanceId.MalFormed',
  errorCode: 'InvalidInstanceId.MalFormed',
  description: 'Comma-separated ids of up to 100 subscription instances.',
} as const satisfies PackedListParam;

export const modifyInstanceAutoRenewAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceAutoRenewAttribute',
  mutating: true,
  params: [
    regionIdParam,
    { ...instanceIds, required: true },
    { kind: 'scalar', name: 'AutoRenew', type: 'boolean', description: 'Older form of RenewalStatus=AutoRenewal.' },
    { kind: 'scalar', name: 'Duration', type: 'integer', min: 1, max: 60, errorCode: 'InvalidDuration' },
    { kind: 'scalar', name: 'PeriodUnit', type: 'string', enum: ['Week', 'Month'], emptyIsAbsent: true, errorCode: 'InvalidPeriodUnit' },
    {
      kind: 'scalar',
      name: 'RenewalStatus',
      type: 'string',
      enum: RENEWAL_STATUSES,
      emptyIsAbsent: true,
      errorCode: 'InvalidRenewalStatus.ValueNotSupported',
    },
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'InvalidInstanceId.MalFormed',
    'ChargeTypeViolation',
    'InvalidDuration',
    'InvalidPeriodUnit',
    'InvalidRenewalStatus.ValueNotSupported',
    'MissingParameter',
  ],
  response: r.response({}),
});

export const describeInstanceAutoRenewAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeInstanceAutoRenewAttribute',
  params: [
    regionIdParam,
    instanceIds,
    { kind: 'scalar', name: 'RenewalStatus', type: 'string', enum: RENEWAL_STATUSES, emptyIsAbsent: true },
    { kind: 'scalar', name: 'PageNumber', type: 'string', pattern: '[1-9]\\d*', emptyIsAbsent: true },
    { kind: 'scalar', name: 'PageSize', type: 'string', pattern: '[1-9]\\d*', emptyIsAbsent: true },
    ...ownerParams,
  ],
  errors: ['InvalidInstanceId.MalFormed'],
  response: r.response({
    TotalCount: r.integer,
    PageNumber: r.integer,
    PageSize: r.integer,
    InstanceRenewAttributes: r.list(
      'InstanceRenewAttribute',
      r.object({
        InstanceId: r.string,
        RenewalStatus: r.string,
        ...r.defaults({ AutoRenewEnabled: r.boolean, Duration: r.integer, PeriodUnit: r.string }),
      }),
    ),
  }),
});

export const instanceRenewalActions: readonly ActionSpec[] = [modifyInstanceAutoRenewAttributeSpec, describeInstanceAutoRenewAttributeSpec];

/** Codes of the renewal actions (ECS docs; `InvalidInstanceId.MalFormed` keeps the API's spelling). */
export const instanceRenewalErrors: readonly ErrorSpec[] = [
  { code: 'InvalidInstanceId.MalFormed', status: 400, message: 'The specified parameter InstanceId is not valid.' },
  {
    code: 'InvalidDuration',
    status: 400,
    message: 'The specified Duration is not valid: Month 1, 2, 3, 6, 12, 24, 36, 48 or 60; Week 1 to 4.',
  },
  { code: 'InvalidPeriodUnit', status: 400, message: 'The specified PeriodUnit is not valid: Week or Month.' },
  {
    code: 'InvalidRenewalStatus.ValueNotSupported',
    status: 400,
    message: 'The specified RenewalStatus is not valid: AutoRenewal, Normal or NotRenewal.',
  },
];
