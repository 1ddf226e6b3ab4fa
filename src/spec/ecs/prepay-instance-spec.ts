/**
 * ECS (2014-05-26) ModifyPrepayInstanceSpec: a new instance type for a subscription (PrePaid)
 * instance, as an upgrade or a downgrade (`OperatorType`, optional: ECS works it out from the
 * prices; given, it must match). Parameter names follow the `@alicloud/ecs20140526` request model;
 * `InvalidParameter.OperatorType` (the given direction contradicts the prices) is a guess.
 */
import type { ActionSpec, ErrorSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';
import { idempotencyTokenParam, instanceIdParam } from './params.js';

export const PREPAY_OPERATOR_TYPES = ['upgrade', 'downgrade'] as const;

export const modifyPrepayInstanceSpecSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyPrepayInstanceSpec',
  mutating: true,
  params: [
    regionIdParam,
    instanceIdParam,
    { kind: 'scalar', name: 'InstanceType', type: 'string', required: true, description: 'The new instance type.' },
    {
      kind: 'scalar',
      name: 'OperatorType',
      type: 'string',
      enum: PREPAY_OPERATOR_TYPES,
      emptyIsAbsent: true,
      errorCode: 'InvalidParameter.OperatorType',
    },
    { kind: 'scalar', name: 'AutoPay', type: 'boolean' },
    { kind: 'scalar', name: 'RebootWhenFinished', type: 'boolean' },
    { kind: 'scalar', name: 'MigrateAcrossZone', type: 'boolean' },
    idempotencyTokenParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'InvalidInstanceType.NotFound',
    'InvalidInstanceType.ValueUnauthorized',
    'InvalidInstanceType.ValueNotSupported',
    'InvalidInstanceChargeType.NotSupported',
    'InvalidParameter.OperatorType',
    'InstanceLockedForSecurity',
    'IncorrectInstanceStatus',
  ],
  response: r.response({ OrderId: r.string }),
});

export const prepayInstanceSpecActions: readonly ActionSpec[] = [modifyPrepayInstanceSpecSpec];

/** Codes of this table not in the lifecycle's (a guess). */
export const prepayInstanceSpecErrors: readonly ErrorSpec[] = [
  {
    code: 'InvalidParameter.OperatorType',
    status: 400,
    message: 'The specified OperatorType does not match the change: upgrade to a dearer type, downgrade to a cheaper one.',
  },
];
