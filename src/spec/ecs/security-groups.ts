/**
 * ECS (2014-05-26) action table for security groups: CreateSecurityGroup,
 * DescribeSecurityGroups, DescribeSecurityGroupAttribute,
 * ModifySecurityGroupAttribute, ModifySecurityGroupPolicy, DeleteSecurityGroup,
 * AuthorizeSecurityGroup, RevokeSecurityGroup. Names and types follow `@alicloud/ecs20140526` 7.x.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ecsTagsShape } from './outputs.js';
import { clientTokenParam, listTailParams, ownerParams, regionParam, tagParam } from '../vpc/params.js';
import { ECS } from './params.js';

/** 2..128 characters, starting with a letter or CJK character; letters, digits, `.`, `_`, `-`, `:` after. */
const groupName = {
  name: 'SecurityGroupName',
  kind: 'scalar',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: '[A-Za-z\\u4e00-\\u9fa5][A-Za-z0-9\\u4e00-\\u9fa5._:\\-]*',
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidSecurityGroupName.Malformed',
  description: '2 to 128 characters, starting with a letter; may contain digits, periods, underscores, hyphens and colons.',
} as const satisfies ScalarParam;
const groupDescription = {
  name: 'Description',
  kind: 'scalar',
  type: 'string',
  minLength: 2,
  maxLength: 256,
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidSecurityGroupDiscription.Malformed',
  description: '2 to 256 characters, not starting with http:// or https://.',
} as const satisfies ScalarParam;
const groupId = { name: 'SecurityGroupId', kind: 'scalar', type: 'string', required: true } as const satisfies ScalarParam;

/** Rule fields of both directions, in the flat form and in `Permissions.N.*`. */
const commonRuleFields = [
  {
    name: 'IpProtocol',
    kind: 'scalar',
    type: 'string',
    enum: ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all', 'TCP', 'UDP', 'ICMP', 'ICMPV6', 'GRE', 'ALL'],
    errorCode: 'InvalidIpProtocol.Malformed',
  },
  { name: 'PortRange', kind: 'scalar', type: 'string', pattern: '-?\\d{1,5}/-?\\d{1,5}', errorCode: 'InvalidPortRange.Malformed' },
  { name: 'SourceCidrIp', kind: 'scalar', type: 'string' },
  { name: 'DestCidrIp', kind: 'scalar', type: 'string' },
  { name: 'Ipv6SourceCidrIp', kind: 'scalar', type: 'string' },
  { name: 'Ipv6DestCidrIp', kind: 'scalar', type: 'string' },
  { name: 'SourcePortRange', kind: 'scalar', type: 'string' },
  { name: 'Policy', kind: 'scalar', type: 'string', enum: ['accept', 'drop', 'Accept', 'Drop'], errorCode: 'InvalidPolicy.Malformed' },
  { name: 'Priority', kind: 'scalar', type: 'string', pattern: '([1-9]|[1-9]\\d|100)', errorCode: 'InvalidPriority.Malformed' },
  { name: 'NicType', kind: 'scalar', type: 'string', enum: ['internet', 'intranet'], errorCode: 'InvalidNicType.ValueNotSupported' },
  { name: 'Description', kind: 'scalar', type: 'string', maxLength: 512 },
] as const satisfies readonly ScalarParam[];

/** The peer of an ingress rule: the source group (and its owner) or a source prefix list. */
const ingressPeerFields = [
  { name: 'SourceGroupId', kind: 'scalar', type: 'string' },
  { name: 'SourceGroupOwnerAccount', kind: 'scalar', type: 'string' },
  { name: 'SourceGroupOwnerId', kind: 'scalar', type: 'long' },
  { name: 'SourcePrefixListId', kind: 'scalar', type: 'string' },
] as const satisfies readonly ScalarParam[];

/** The peer of an egress rule: the destination group (and its owner) or a destination prefix list. */
const egressPeerFields = [
  { name: 'DestGroupId', kind: 'scalar', type: 'string' },
  { name: 'DestGroupOwnerAccount', kind: 'scalar', type: 'string' },
  { name: 'DestGroupOwnerId', kind: 'scalar', type: 'long' },
  { name: 'DestPrefixListId', kind: 'scalar', type: 'string' },
] as const satisfies readonly ScalarParam[];

const ruleFields = [...commonRuleFields, ...ingressPeerFields] as const;
const egressRuleFields = [...commonRuleFields, ...egressPeerFields] as const;

/** Request parameters of Authorize/Revoke in one direction: the flat rule or `Permissions.N.*` (a port range list only there). */
function ruleRequestParams<const F extends readonly ScalarParam[], const P extends readonly ScalarParam[] = F>(
  fields: F,
  permissionFields?: P,
) {
  return [
    regionParam(),
    groupId,
    clientTokenParam,
    ...fields,
    {
      name: 'Permissions',
      kind: 'repeatList',
      maxItems: 100,
      fields: [...(permissionFields ?? fields), { name: 'PortRangeListId', kind: 'scalar', type: 'string' }],
    },
  ] as const;
}
const ruleParams = ruleRequestParams(ruleFields);
const egressRuleParams = ruleRequestParams(egressRuleFields);
// The SDK types Permissions.N.DestGroupOwnerId of RevokeSecurityGroupEgress as a string (a long everywhere else).
const egressRevokeParams = ruleRequestParams(
  egressRuleFields,
  egressRuleFields.map((f) =>
    f.name === 'DestGroupOwnerId' ? { name: 'DestGroupOwnerId', kind: 'scalar', type: 'string' } : f,
  ) as readonly ScalarParam[],
);
const ruleErrors = [
  'InvalidSecurityGroupId.NotFound',
  'InvalidIpProtocol.Malformed',
  'InvalidPortRange.Malformed',
  'InvalidPolicy.Malformed',
  'InvalidPriority.Malformed',
  'MissingParameter',
  'InvalidPrefixListId.NotFound',
  'InvalidParam.PortRange',
] as const;

export const authorizeSecurityGroupSpec = defineAction({
  ...ECS,
  action: 'AuthorizeSecurityGroup',
  mutating: true,
  params: [...ruleParams, ...ownerParams],
  errors: ruleErrors,
  response: r.response({}),
});

export const revokeSecurityGroupSpec = defineAction({
  ...ECS,
  action: 'RevokeSecurityGroup',
  mutating: true,
  params: [...ruleParams, { name: 'SecurityGroupRuleId', kind: 'scalarList', type: 'string', maxItems: 100 }, ...ownerParams],
  errors: ruleErrors,
  response: r.response({}),
});

export const authorizeSecurityGroupEgressSpec = defineAction({
  ...ECS,
  action: 'AuthorizeSecurityGroupEgress',
  mutating: true,
  params: [...egressRuleParams, ...ownerParams],
  errors: ruleErrors,
  response: r.response({}),
});

export const revokeSecurityGroupEgressSpec = defineAction({
  ...ECS,
  action: 'RevokeSecurityGroupEgress',
  mutating: true,
  params: [...egressRevokeParams, { name: 'SecurityGroupRuleId', kind: 'scalarList', type: 'string', maxItems: 100 }, ...ownerParams],
  errors: ruleErrors,
  response: r.response({}),
});

/** The parameters both Modify*Rule actions share, before the direction's peer fields. */
const modifyRuleHead = [
  regionParam(),
  groupId,
  clientTokenParam,
  { name: 'SecurityGroupRuleId', kind: 'scalar', type: 'string' },
  { name: 'PortRangeListId', kind: 'scalar', type: 'string' },
  ...commonRuleFields,
] as const;

/** ModifySecurityGroupRule (ingress) / ModifySecurityGroupEgressRule: by `SecurityGroupRuleId`, or the rule matching the given fields. */
export const modifySecurityGroupRuleSpec = defineAction({
  ...ECS,
  action: 'ModifySecurityGroupRule',
  mutating: true,
  params: [...modifyRuleHead, ...ingressPeerFields, ...ownerParams],
  errors: [...ruleErrors, 'InvalidSecurityGroupRule.NotFound'],
  response: r.response({}),
});

export const modifySecurityGroupEgressRuleSpec = defineAction({
  ...ECS,
  action: 'ModifySecurityGroupEgressRule',
  mutating: true,
  params: [...modifyRuleHead, ...egressPeerFields, ...ownerParams],
  errors: [...ruleErrors, 'InvalidSecurityGroupRule.NotFound'],
  response: r.response({}),
});

/** ModifySecurityGroupPolicy: the inner access policy of a basic (`normal`) group; the value is case-insensitive. */
export const modifySecurityGroupPolicySpec = defineAction({
  ...ECS,
  action: 'ModifySecurityGroupPolicy',
  mutating: true,
  params: [
    regionParam(),
    groupId,
    {
      name: 'InnerAccessPolicy',
      kind: 'scalar',
      type: 'string',
      required: true,
      pattern: '[Aa][Cc][Cc][Ee][Pp][Tt]|[Dd][Rr][Oo][Pp]',
      errorCode: 'InvalidPolicy.Malformed',
      description: 'Accept (instances in the group reach each other) or Drop (they are isolated); case-insensitive.',
    },
    clientTokenParam,
    ...ownerParams,
  ],
  errors: ['InvalidSecurityGroupId.NotFound', 'InvalidPolicy.Malformed', 'MissingParameter', 'OperationDenied'],
  response: r.response({}),
});

export const createSecurityGroupSpec = defineAction({
  ...ECS,
  action: 'CreateSecurityGroup',
  mutating: true,
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string' },
    groupName,
    groupDescription,
    {
      name: 'SecurityGroupType',
      kind: 'scalar',
      type: 'string',
      enum: ['normal', 'enterprise'],
      errorCode: 'InvalidSecurityGroupType.Malformed',
    },
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    { name: 'ServiceManaged', kind: 'scalar', type: 'boolean' },
    clientTokenParam,
    tagParam(),
    ...ownerParams,
  ],
  errors: [
    'InvalidVpcId.NotFound',
    'InvalidSecurityGroupName.Malformed',
    'InvalidSecurityGroupDiscription.Malformed',
    'InvalidSecurityGroupType.Malformed',
    'InvalidResourceGroup.NotFound',
  ],
  response: r.response({
    SecurityGroupId: r.string,
  }),
});

export const describeSecurityGroupsSpec = defineAction({
  ...ECS,
  action: 'DescribeSecurityGroups',
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string' },
    { name: 'SecurityGroupId', kind: 'scalar', type: 'string' },
    { name: 'SecurityGroupIds', kind: 'packedList', packing: 'json', maxItems: 100, tooManyCode: 'InvalidParameter' },
    { name: 'SecurityGroupName', kind: 'scalar', type: 'string' },
    { name: 'SecurityGroupType', kind: 'scalar', type: 'string', enum: ['normal', 'enterprise'] },
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    { name: 'NetworkType', kind: 'scalar', type: 'string', enum: ['vpc', 'classic'] },
    { name: 'FuzzyQuery', kind: 'scalar', type: 'boolean' },
    { name: 'IsQueryEcsCount', kind: 'scalar', type: 'boolean' },
    { name: 'ServiceManaged', kind: 'scalar', type: 'boolean' },
    { name: 'MaxResults', kind: 'scalar', type: 'integer', min: 10, max: 100 },
    { name: 'NextToken', kind: 'scalar', type: 'string' },
    ...listTailParams(),
  ],
  response: r.response({
    SecurityGroups: r.list(
      'SecurityGroup',
      r.object({
        SecurityGroupId: r.string,
        ...r.defaults({
          AvailableInstanceAmount: r.integer,
          CreationTime: r.string,
          Description: r.string,
          EcsCount: r.integer,
          GroupToGroupRuleCount: r.integer,
          ResourceGroupId: r.string,
          RuleCount: r.integer,
          SecurityGroupName: r.string,
          SecurityGroupType: r.string,
          ServiceManaged: r.boolean,
          Tags: ecsTagsShape,
          VpcId: r.string,
        }),
      }),
    ),
    // Not sent when paging with MaxResults/NextToken (API reference), so never required.
    TotalCount: r.opt(r.integer),
    ...r.defaults({
      NextToken: r.string,
      PageNumber: r.integer,
      PageSize: r.integer,
      RegionId: r.string,
    }),
  }),
});

export const describeSecurityGroupAttributeSpec = defineAction({
  ...ECS,
  action: 'DescribeSecurityGroupAttribute',
  params: [
    regionParam(),
    groupId,
    { name: 'Direction', kind: 'scalar', type: 'string', enum: ['egress', 'ingress', 'all'] },
    { name: 'NicType', kind: 'scalar', type: 'string', enum: ['internet', 'intranet'] },
    { name: 'Attribute', kind: 'scalar', type: 'string' },
    { name: 'MaxResults', kind: 'scalar', type: 'integer', min: 10, max: 1000 },
    { name: 'NextToken', kind: 'scalar', type: 'string' },
    ...ownerParams,
  ],
  errors: ['InvalidSecurityGroupId.NotFound'],
  response: r.response({
    SecurityGroupId: r.string,
    Permissions: r.list(
      'Permission',
      r.object(
        r.defaults({
          SecurityGroupRuleId: r.string,
          Direction: r.string,
          IpProtocol: r.string,
          PortRange: r.string,
          SourceCidrIp: r.string,
          DestCidrIp: r.string,
          Ipv6SourceCidrIp: r.string,
          Ipv6DestCidrIp: r.string,
          SourceGroupId: r.string,
          DestGroupId: r.string,
          SourceGroupOwnerAccount: r.string,
          DestGroupOwnerAccount: r.string,
          SourcePrefixListId: r.string,
          DestPrefixListId: r.string,
          Policy: r.string,
          Priority: r.string,
          NicType: r.string,
          Description: r.string,
          CreateTime: r.string,
        }),
      ),
    ),
    ...r.defaults({
      Description: r.string,
      InnerAccessPolicy: r.string,
      NextToken: r.string,
      RegionId: r.string,
      SecurityGroupName: r.string,
      VpcId: r.string,
    }),
  }),
});

export const modifySecurityGroupAttributeSpec = defineAction({
  ...ECS,
  action: 'ModifySecurityGroupAttribute',
  mutating: true,
  params: [regionParam(), groupId, groupName, groupDescription, ...ownerParams],
  errors: ['InvalidSecurityGroupId.NotFound', 'InvalidSecurityGroupName.Malformed', 'InvalidSecurityGroupDiscription.Malformed'],
  response: r.response({}),
});

export const deleteSecurityGroupSpec = defineAction({
  ...ECS,
  action: 'DeleteSecurityGroup',
  mutating: true,
  params: [regionParam(), groupId, ...ownerParams],
  errors: ['InvalidSecurityGroupId.NotFound', 'DependencyViolation'],
  response: r.response({}),
});

export const securityGroupActionSpecs: readonly ActionSpec[] = [
  createSecurityGroupSpec,
  describeSecurityGroupsSpec,
  describeSecurityGroupAttributeSpec,
  modifySecurityGroupAttributeSpec,
  modifySecurityGroupPolicySpec,
  deleteSecurityGroupSpec,
  authorizeSecurityGroupSpec,
  revokeSecurityGroupSpec,
  authorizeSecurityGroupEgressSpec,
  revokeSecurityGroupEgressSpec,
  modifySecurityGroupRuleSpec,
  modifySecurityGroupEgressRuleSpec,
];

export const securityGroupErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidSecurityGroupId.NotFound', status: 404, message: 'The SecurityGroupId provided does not exist in our records.' },
  { code: 'InvalidSecurityGroupName.Malformed', status: 400, message: 'Specified security group name is not valid.' },
  { code: 'InvalidSecurityGroupDiscription.Malformed', status: 400, message: 'Specified security group description is not valid.' },
  {
    code: 'InvalidSecurityGroupType.Malformed',
    status: 400,
    message: 'The specified SecurityGroupType is not valid: allowed values are normal and enterprise.',
  },
  { code: 'DependencyViolation', status: 403, message: 'There is still instance(s) in the specified security group.' },
  { code: 'InvalidIpProtocol.Malformed', status: 400, message: 'Specified IP protocol is not valid.' },
  { code: 'InvalidPortRange.Malformed', status: 400, message: 'Specified port range is not valid.' },
  { code: 'InvalidPolicy.Malformed', status: 400, message: 'Specified policy is not valid: allowed values are accept and drop.' },
  { code: 'InvalidPriority.Malformed', status: 400, message: 'Specified priority is not valid: allowed values are 1 to 100.' },
  {
    code: 'InvalidNicType.ValueNotSupported',
    status: 400,
    message: 'Specified NicType is not valid: allowed values are internet and intranet.',
  },
  { code: 'InvalidPrefixListId.NotFound', status: 404, message: 'The specified prefix list does not exist.' },
  { code: 'InvalidParam.PortRange', status: 400, message: 'The port range does not suit the protocol.' },
  { code: 'InvalidSecurityGroupRule.NotFound', status: 404, message: 'The specified security group rule does not exist.' },
];
