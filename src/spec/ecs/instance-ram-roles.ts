/**
 * ECS (2014-05-26) action table for the RAM role of an instance: AttachInstanceRamRole,
 * DetachInstanceRamRole, DescribeInstanceRamRole. `InstanceIds` is a JSON-array string.
 * Attach and Detach report per instance (`Success`, `Code`, `Message`) and count the failures
 * in `FailCount`; only a problem with the role itself fails the whole call.
 */
import type { ActionSpec, ErrorSpec, PackedListParam, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS, ownerParams, regionIdParam } from './params.js';

// The SDK models of these actions carry no OwnerAccount (still accepted as a common parameter).
const owners = ownerParams.filter((p) => p.name !== 'OwnerAccount');

const instanceIdsParam = (max: number) =>
  ({
    name: 'InstanceIds',
    kind: 'packedList',
    packing: 'json',
    maxItems: max,
    tooManyCode: 'InvalidInstanceIds.Malformed',
    errorCode: 'InvalidInstanceIds.Malformed',
    description: `A JSON array of up to ${max} instance ids.`,
  }) as const satisfies PackedListParam;

const roleNameParam = () =>
  ({
    name: 'RamRoleName',
    kind: 'scalar',
    type: 'string',
    minLength: 1,
    maxLength: 64,
    errorCode: 'InvalidRamRole.NotFound',
  }) as const satisfies ScalarParam;

const resultFields = { InstanceId: r.string, Success: r.boolean, ...r.defaults({ Code: r.string, Message: r.string }) };

export const attachInstanceRamRoleSpec = defineAction({
  ...ECS,
  action: 'AttachInstanceRamRole',
  mutating: true,
  params: [
    regionIdParam,
    { ...instanceIdsParam(100), required: true },
    { ...roleNameParam(), required: true },
    { name: 'Policy', kind: 'scalar', type: 'string' },
    ...owners,
  ],
  errors: ['InvalidInstanceIds.Malformed', 'InvalidRamRole.NotFound', 'InvalidRamRole.NotEcsRole'],
  response: r.response({
    TotalCount: r.integer,
    FailCount: r.integer,
    RamRoleName: r.string,
    AttachInstanceRamRoleResults: r.list('AttachInstanceRamRoleResult', r.object(resultFields)),
  }),
});

export const detachInstanceRamRoleSpec = defineAction({
  ...ECS,
  action: 'DetachInstanceRamRole',
  mutating: true,
  params: [regionIdParam, { ...instanceIdsParam(100), required: true }, roleNameParam(), ...owners],
  errors: ['InvalidInstanceIds.Malformed', 'InvalidRamRole.NotFound'],
  response: r.response({
    TotalCount: r.integer,
    FailCount: r.integer,
    ...r.defaults({ RamRoleName: r.string }),
    DetachInstanceRamRoleResults: r.list('DetachInstanceRamRoleResult', r.object(resultFields)),
  }),
});

export const describeInstanceRamRoleSpec = defineAction({
  ...ECS,
  action: 'DescribeInstanceRamRole',
  params: [
    regionIdParam,
    instanceIdsParam(100),
    roleNameParam(),
    { name: 'PageNumber', kind: 'scalar', type: 'integer', min: 1 },
    { name: 'PageSize', kind: 'scalar', type: 'integer', min: 1, max: 100 },
    ...owners,
  ],
  errors: ['InvalidInstanceIds.Malformed'],
  response: r.response({
    TotalCount: r.integer,
    ...r.defaults({ RegionId: r.string }),
    InstanceRamRoleSets: r.list('InstanceRamRoleSet', r.object({ InstanceId: r.string, RamRoleName: r.string })),
  }),
});

export const instanceRamRoleActions: readonly ActionSpec[] = [
  attachInstanceRamRoleSpec,
  detachInstanceRamRoleSpec,
  describeInstanceRamRoleSpec,
];

/** Codes of the instance RAM role actions (ECS docs; the per-instance `InvalidInstance.RamRoleAttached` is a guess). */
export const instanceRamRoleErrors: readonly ErrorSpec[] = [
  { code: 'InvalidInstanceIds.Malformed', status: 400, message: 'The specified parameter InstanceIds is not valid.' },
  { code: 'InvalidRamRole.NotFound', status: 404, message: 'The specified parameter "RAMRoleName" does not exist.' },
  {
    code: 'InvalidRamRole.NotEcsRole',
    status: 400,
    message: 'The specified ram role is not authorized for ecs, please check your role policy.',
  },
];
