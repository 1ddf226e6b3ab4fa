/**
 * RAM (2015-05-01) action table for roles: CreateRole, GetRole, UpdateRole, DeleteRole,
 * ListRoles, ListPoliciesForRole, and the RAM tag actions on roles (TagResources,
 * UntagResources, ListTagResources). api-wave2.md section 6; names follow `@alicloud/ram20150501`.
 * RAM is account-wide: no RegionId. List-valued parameters travel as JSON strings (the SDK's
 * shrink requests): `Tag=[{"Key":"k","Value":"v"}]`, `ResourceNames=["role"]`, `TagKeys=["k"]`.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';

export const RAM_PRODUCT = 'Ram';
export const RAM_VERSION = '2015-05-01';
const RAM = { product: RAM_PRODUCT, version: RAM_VERSION } as const;

/** MaxSessionDuration bounds of a role, in seconds. */
export const ROLE_MIN_SESSION = 3600;
export const ROLE_MAX_SESSION = 43200;

const roleNameParam = {
  name: 'RoleName',
  kind: 'scalar',
  type: 'string',
  required: true,
  minLength: 1,
  maxLength: 64,
  pattern: '[A-Za-z0-9.-]+',
  errorCode: 'InvalidParameter.RoleName.InvalidChars',
  description: '1 to 64 characters: letters, digits, . and -.',
} as const satisfies ScalarParam;

const documentParam = <const N extends string>(name: N) =>
  ({
    name,
    kind: 'scalar',
    type: 'string',
    minLength: 1,
    maxLength: 2048,
    errorCode: 'MalformedPolicyDocument',
    description: 'Trust policy (JSON): who may assume the role.',
  }) as const satisfies ScalarParam;

const descriptionParam = <const N extends string>(name: N) =>
  ({
    name,
    kind: 'scalar',
    type: 'string',
    maxLength: 1024,
    errorCode: 'InvalidParameter.Description.Length',
    description: 'At most 1024 characters.',
  }) as const satisfies ScalarParam;

const sessionParam = <const N extends string>(name: N) =>
  ({
    name,
    kind: 'scalar',
    type: 'long',
    min: ROLE_MIN_SESSION,
    max: ROLE_MAX_SESSION,
    errorCode: 'InvalidParameter.MaxSessionDuration',
    description: `Longest session in seconds, ${ROLE_MIN_SESSION} to ${ROLE_MAX_SESSION} (default ${ROLE_MIN_SESSION}).`,
  }) as const satisfies ScalarParam;

const jsonListParam = <const N extends string>(name: N, what: string) =>
  ({
    name,
    kind: 'scalar',
    type: 'string',
    maxLength: 65536,
    errorCode: 'InvalidParameter',
    description: `A JSON array: ${what}.`,
  }) as const satisfies ScalarParam;

const createdRoleFields = {
  RoleId: r.string,
  RoleName: r.string,
  Arn: r.string,
  CreateDate: r.string,
  ...r.defaults({ Description: r.string, AssumeRolePolicyDocument: r.string, MaxSessionDuration: r.long }),
};
const roleFields = { ...createdRoleFields, ...r.defaults({ UpdateDate: r.string }) };

export const createRoleSpec = defineAction({
  ...RAM,
  action: 'CreateRole',
  mutating: true,
  params: [
    roleNameParam,
    { ...documentParam('AssumeRolePolicyDocument'), required: true },
    descriptionParam('Description'),
    sessionParam('MaxSessionDuration'),
    jsonListParam('Tag', 'tags [{"Key":"k","Value":"v"}], at most 20'),
  ],
  errors: [
    'InvalidParameter.RoleName.InvalidChars',
    'InvalidParameter.Description.Length',
    'InvalidParameter.MaxSessionDuration',
    'MalformedPolicyDocument',
    'EntityAlreadyExists.Role',
    'InvalidParameter.Tag',
  ],
  response: r.response({ Role: r.object(createdRoleFields) }),
});

export const getRoleSpec = defineAction({
  ...RAM,
  action: 'GetRole',
  params: [roleNameParam],
  errors: ['EntityNotExist.Role'],
  response: r.response({ Role: r.object(roleFields) }),
});

export const updateRoleSpec = defineAction({
  ...RAM,
  action: 'UpdateRole',
  mutating: true,
  params: [
    roleNameParam,
    documentParam('NewAssumeRolePolicyDocument'),
    descriptionParam('NewDescription'),
    sessionParam('NewMaxSessionDuration'),
  ],
  errors: ['EntityNotExist.Role', 'MalformedPolicyDocument', 'InvalidParameter.Description.Length', 'InvalidParameter.MaxSessionDuration'],
  response: r.response({ Role: r.object(roleFields) }),
});

export const deleteRoleSpec = defineAction({
  ...RAM,
  action: 'DeleteRole',
  mutating: true,
  params: [roleNameParam],
  errors: ['EntityNotExist.Role', 'DeleteConflict.Role.Policy'],
  response: r.response({}),
});

export const listRolesSpec = defineAction({
  ...RAM,
  action: 'ListRoles',
  params: [
    { name: 'Marker', kind: 'scalar', type: 'string', errorCode: 'InvalidParameter.Marker' },
    { name: 'MaxItems', kind: 'scalar', type: 'integer', min: 1, max: 1000, errorCode: 'InvalidParameter.MaxItems' },
  ],
  errors: ['InvalidParameter.Marker', 'InvalidParameter.MaxItems'],
  response: r.response({
    IsTruncated: r.boolean,
    ...r.defaults({ Marker: r.string }),
    Roles: r.list(
      'Role',
      r.object({
        RoleId: r.string,
        RoleName: r.string,
        Arn: r.string,
        CreateDate: r.string,
        ...r.defaults({ Description: r.string, MaxSessionDuration: r.long, UpdateDate: r.string }),
      }),
    ),
  }),
});

export const listPoliciesForRoleSpec = defineAction({
  ...RAM,
  action: 'ListPoliciesForRole',
  params: [roleNameParam],
  errors: ['EntityNotExist.Role'],
  response: r.response({
    Policies: r.list(
      'Policy',
      r.object({ PolicyName: r.string, PolicyType: r.string, ...r.defaults({ AttachDate: r.string, Description: r.string }) }),
    ),
  }),
});

const resourceTypeParam = {
  name: 'ResourceType',
  kind: 'scalar',
  type: 'string',
  required: true,
  enum: ['role'],
  errorCode: 'InvalidParameter.ResourceType',
  description: 'The tagged resource type; this emulator tags roles only.',
} as const satisfies ScalarParam;

export const tagResourcesSpec = defineAction({
  ...RAM,
  action: 'TagResources',
  mutating: true,
  params: [
    resourceTypeParam,
    { ...jsonListParam('ResourceNames', 'role names'), required: true },
    { ...jsonListParam('Tag', 'tags to add'), required: true },
  ],
  errors: ['InvalidParameter.ResourceType', 'InvalidParameter.Tag', 'EntityNotExist.Role'],
  response: r.response({}),
});

export const untagResourcesSpec = defineAction({
  ...RAM,
  action: 'UntagResources',
  mutating: true,
  params: [
    resourceTypeParam,
    { ...jsonListParam('ResourceNames', 'role names'), required: true },
    jsonListParam('TagKeys', 'tag keys to remove'),
    { name: 'All', kind: 'scalar', type: 'boolean' },
  ],
  errors: ['InvalidParameter.ResourceType', 'InvalidParameter.Tag', 'EntityNotExist.Role'],
  response: r.response({}),
});

export const listTagResourcesSpec = defineAction({
  ...RAM,
  action: 'ListTagResources',
  params: [
    resourceTypeParam,
    jsonListParam('ResourceNames', 'role names'),
    jsonListParam('Tag', 'tags to filter by'),
    { name: 'NextToken', kind: 'scalar', type: 'string' },
    { name: 'PageSize', kind: 'scalar', type: 'integer', min: 1, max: 100, errorCode: 'InvalidParameter' },
  ],
  errors: ['InvalidParameter.ResourceType', 'InvalidParameter.Tag'],
  response: r.response({
    ...r.defaults({ NextToken: r.string }),
    TagResources: r.array(r.object({ ResourceName: r.string, ResourceType: r.string, TagKey: r.string, TagValue: r.string })),
  }),
});

export const ramRoleActionSpecs: readonly ActionSpec[] = [
  createRoleSpec,
  getRoleSpec,
  updateRoleSpec,
  deleteRoleSpec,
  listRolesSpec,
  listPoliciesForRoleSpec,
  tagResourcesSpec,
  untagResourcesSpec,
  listTagResourcesSpec,
];

/** RAM role error codes (api-wave2.md section 6; the InvalidParameter sub-codes follow the user/group pattern, a guess). */
export const ramRoleErrorSpecs: readonly ErrorSpec[] = [
  {
    code: 'InvalidParameter.RoleName.InvalidChars',
    status: 400,
    message: 'The parameter RoleName contains invalid characters: use 1 to 64 letters, digits, . and -.',
  },
  { code: 'InvalidParameter.Description.Length', status: 400, message: 'The parameter Description is beyond the length limit 1024.' },
  { code: 'InvalidParameter.MaxSessionDuration', status: 400, message: 'The parameter MaxSessionDuration must be 3600 to 43200.' },
  { code: 'InvalidParameter.Marker', status: 400, message: 'The parameter Marker is invalid.' },
  { code: 'InvalidParameter.MaxItems', status: 400, message: 'The parameter MaxItems must be 1 to 1000.' },
  { code: 'InvalidParameter.ResourceType', status: 400, message: 'The parameter ResourceType is invalid.' },
  { code: 'InvalidParameter.Tag', status: 400, message: 'The parameter Tag is invalid.' },
  { code: 'MalformedPolicyDocument', status: 400, message: 'The policy document is malformed.' },
  { code: 'EntityNotExist.Role', status: 404, message: 'The role not exists.' },
  { code: 'EntityAlreadyExists.Role', status: 409, message: 'The role already exists.' },
  { code: 'DeleteConflict.Role.Policy', status: 409, message: 'The role still has policies attached.' },
];
