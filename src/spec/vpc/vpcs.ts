/**
 * VPC product (2016-04-28) action table for VPCs: CreateVpc, CreateDefaultVpc, DescribeVpcs,
 * ModifyVpcAttribute, DeleteVpc, Associate/UnassociateVpcCidrBlock (secondary IPv4 blocks) and
 * Enable/DisableVpcClassicLink. Parameter names and types follow the
 * official `@alicloud/vpc20160428` request models; codes and statuses follow
 * the VPC API reference.
 */
import type { ActionSpec, ErrorSpec } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';
import { pageFields, vpcTagsShape } from '../ecs/outputs.js';
import { clientTokenParam, dryRunParam, listTailParams, nameParam, ownerParams, regionParam, tagParam } from './params.js';

export const VPC_PRODUCT = 'Vpc';
export const VPC_VERSION = '2016-04-28';

/** Dotted IPv4 CIDR shape; the octet, mask and private-range rules are checked by the handler. */
export const CIDR_PATTERN = '(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}';

const vpcName = nameParam('VpcName', 'InvalidVpcName.Malformed', 1, 128);
const vpcDescription = nameParam('Description', 'InvalidVpcDiscription.Malformed', 1, 256);

export const createVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'CreateVpc',
  mutating: true,
  params: [
    regionParam(),
    {
      name: 'CidrBlock',
      kind: 'scalar',
      type: 'string',
      pattern: CIDR_PATTERN,
      errorCode: 'InvalidCidrBlock.Malformed',
      description: 'IPv4 CIDR inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a mask of 8 to 28 (default 172.16.0.0/12).',
    },
    vpcName,
    vpcDescription,
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    clientTokenParam,
    dryRunParam,
    tagParam(),
    { name: 'EnableIpv6', kind: 'scalar', type: 'boolean' },
    { name: 'Ipv6CidrBlock', kind: 'scalar', type: 'string' },
    { name: 'Ipv6Isp', kind: 'scalar', type: 'string' },
    {
      name: 'UserCidr',
      kind: 'packedList',
      packing: 'comma',
      maxItems: 3,
      description: 'Up to 3 user CIDR blocks separated by commas.',
    },
    { name: 'EnableDnsHostname', kind: 'scalar', type: 'boolean' },
    { name: 'Ipv4IpamPoolId', kind: 'scalar', type: 'string' },
    { name: 'Ipv4CidrMask', kind: 'scalar', type: 'integer' },
    { name: 'Ipv6IpamPoolId', kind: 'scalar', type: 'string' },
    { name: 'Ipv6CidrMask', kind: 'scalar', type: 'integer' },
    ...ownerParams,
  ],
  errors: [
    'InvalidCidrBlock.Malformed',
    'InvalidVpcName.Malformed',
    'InvalidVpcDiscription.Malformed',
    'InvalidResourceGroupId.NotFound',
    'QuotaExceeded.Vpc',
    'DryRunOperation',
    'InvalidUserCidr.Malformed',
    'InvalidIpamPoolId.NotFound',
    'InvalidIpv6Isp.Malformed',
  ],
  response: r.response({
    VpcId: r.string,
    ...r.defaults({
      ResourceGroupId: r.string,
      RouteTableId: r.string,
      VRouterId: r.string,
    }),
  }),
});

export const describeVpcsSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DescribeVpcs',
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'packedList', packing: 'comma', maxItems: 20, description: 'Up to 20 VPC ids separated by commas.' },
    { name: 'VpcName', kind: 'scalar', type: 'string' },
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    { name: 'IsDefault', kind: 'scalar', type: 'boolean' },
    { name: 'DhcpOptionsSetId', kind: 'scalar', type: 'string' },
    { name: 'EnableIpv6', kind: 'scalar', type: 'boolean' },
    { name: 'VpcOwnerId', kind: 'scalar', type: 'long' },
    ...listTailParams(),
  ],
  response: r.response({
    TotalCount: r.integer,
    Vpcs: r.list(
      'Vpc',
      r.object({
        Status: r.string,
        VpcId: r.string,
        ...r.defaults({
          CenStatus: r.string,
          CidrBlock: r.string,
          CreationTime: r.string,
          Description: r.string,
          DhcpOptionsSetId: r.string,
          DhcpOptionsSetStatus: r.string,
          DnsHostnameStatus: r.string,
          EnabledIpv6: r.boolean,
          Ipv6CidrBlock: r.string,
          Ipv6CidrBlocks: r.list('Ipv6CidrBlock', r.object(r.defaults({ Ipv6CidrBlock: r.string, Ipv6Isp: r.string }))),
          IsDefault: r.boolean,
          NatGatewayIds: r.list('NatGatewayIds', r.string),
          OwnerId: r.long,
          RegionId: r.string,
          ResourceGroupId: r.string,
          RouterTableIds: r.list('RouterTableIds', r.string),
          SecondaryCidrBlocks: r.list('SecondaryCidrBlock', r.string),
          Tags: vpcTagsShape,
          UserCidrs: r.list('UserCidr', r.string),
          VpcName: r.string,
          VRouterId: r.string,
          VSwitchIds: r.list('VSwitchId', r.string),
        }),
      }),
    ),
    ...pageFields,
  }),
});

export const modifyVpcAttributeSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'ModifyVpcAttribute',
  mutating: true,
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string', required: true },
    vpcName,
    vpcDescription,
    { name: 'CidrBlock', kind: 'scalar', type: 'string', pattern: CIDR_PATTERN, errorCode: 'InvalidCidrBlock.Malformed' },
    { name: 'EnableIPv6', kind: 'scalar', type: 'boolean' },
    { name: 'Ipv6CidrBlock', kind: 'scalar', type: 'string' },
    { name: 'Ipv6Isp', kind: 'scalar', type: 'string' },
    { name: 'EnableDnsHostname', kind: 'scalar', type: 'boolean' },
    ...ownerParams,
  ],
  errors: [
    'InvalidVpcId.NotFound',
    'InvalidVpcName.Malformed',
    'InvalidVpcDiscription.Malformed',
    'InvalidCidrBlock.Malformed',
    'OperationFailed.CidrInUse',
    'InvalidIpv6Isp.Malformed',
    'OperationFailed.Ipv6SubnetInUse',
  ],
  response: r.response({}),
});

export const deleteVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DeleteVpc',
  mutating: true,
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string', required: true },
    { name: 'ForceDelete', kind: 'scalar', type: 'boolean' },
    clientTokenParam,
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidVpcId.NotFound', 'DependencyViolation.VSwitch', 'DependencyViolation.SecurityGroup', 'DependencyViolation.Instance'],
  response: r.response({}),
});

/** DescribeVpcAttribute: one VPC; the only answer carrying `ClassicLinkEnabled` (what alicloud_vpc reads it from). */
export const describeVpcAttributeSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DescribeVpcAttribute',
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string', required: true },
    { name: 'IsDefault', kind: 'scalar', type: 'boolean' },
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidVpcId.NotFound'],
  response: r.response({
    VpcId: r.string,
    ...r.defaults({ ClassicLinkEnabled: r.boolean, Status: r.string, VpcName: r.string, CidrBlock: r.string, RegionId: r.string }),
  }),
});

/** CreateDefaultVpc: the region's default VPC (172.16.0.0/12); at most one per region. */
export const createDefaultVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'CreateDefaultVpc',
  mutating: true,
  params: [
    regionParam(),
    clientTokenParam,
    { name: 'EnableIpv6', kind: 'scalar', type: 'boolean' },
    { name: 'Ipv6CidrBlock', kind: 'scalar', type: 'string' },
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    ...ownerParams,
  ],
  errors: ['OperationFailed.DefaultVpcExist', 'InvalidResourceGroupId.NotFound'],
  response: r.response({ VpcId: r.string, ...r.defaults({ VRouterId: r.string, RouteTableId: r.string }) }),
});

const cidrBlockParams = [
  regionParam(),
  { name: 'VpcId', kind: 'scalar', type: 'string', required: true },
  {
    name: 'SecondaryCidrBlock',
    kind: 'scalar',
    type: 'string',
    pattern: CIDR_PATTERN,
    errorCode: 'InvalidCidrBlock.Malformed',
    description: 'A secondary IPv4 block: a private range (or subnet of one) with a mask of 8 to 28, not overlapping the VPC blocks.',
  },
  { name: 'IPv6CidrBlock', kind: 'scalar', type: 'string' },
] as const;

/** AssociateVpcCidrBlock: add a secondary IPv4 block to a VPC (IPv6 blocks and IPAM pools are not served). */
export const associateVpcCidrBlockSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'AssociateVpcCidrBlock',
  mutating: true,
  params: [
    ...cidrBlockParams,
    { name: 'IpVersion', kind: 'scalar', type: 'string', enum: ['IPV4', 'IPV6'] },
    { name: 'IpamPoolId', kind: 'scalar', type: 'string' },
    { name: 'SecondaryCidrMask', kind: 'scalar', type: 'integer' },
    { name: 'Ipv6CidrMask', kind: 'scalar', type: 'integer' },
    { name: 'Ipv6Isp', kind: 'scalar', type: 'string' },
    ...ownerParams,
  ],
  errors: [
    'InvalidVpcId.NotFound',
    'InvalidCidrBlock.Malformed',
    'InvalidCidrBlock.Overlapped',
    'QuotaExceeded.SecondaryCidrBlock',
    'InvalidIpamPoolId.NotFound',
    'MissingParameter',
  ],
  response: r.response({}),
});

/** UnassociateVpcCidrBlock: remove a secondary IPv4 block no vSwitch uses. */
export const unassociateVpcCidrBlockSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'UnassociateVpcCidrBlock',
  mutating: true,
  params: [...cidrBlockParams, ...ownerParams],
  errors: ['InvalidVpcId.NotFound', 'InvalidCidrBlock.NotFound', 'OperationFailed.CidrInUse', 'MissingParameter'],
  response: r.response({}),
});

const classicLinkParams = [regionParam(), { name: 'VpcId', kind: 'scalar', type: 'string', required: true }, clientTokenParam] as const;

/** EnableVpcClassicLink / DisableVpcClassicLink: the (deprecated) ClassicLink switch of a VPC. */
export const enableVpcClassicLinkSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'EnableVpcClassicLink',
  mutating: true,
  params: [...classicLinkParams, ...ownerParams],
  errors: ['InvalidVpcId.NotFound'],
  response: r.response({}),
});

export const disableVpcClassicLinkSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DisableVpcClassicLink',
  mutating: true,
  params: [...classicLinkParams, ...ownerParams],
  errors: ['InvalidVpcId.NotFound'],
  response: r.response({}),
});

export const vpcActionSpecs: readonly ActionSpec[] = [
  createVpcSpec,
  createDefaultVpcSpec,
  describeVpcsSpec,
  describeVpcAttributeSpec,
  modifyVpcAttributeSpec,
  deleteVpcSpec,
  associateVpcCidrBlockSpec,
  unassociateVpcCidrBlockSpec,
  enableVpcClassicLinkSpec,
  disableVpcClassicLinkSpec,
];

export const vpcErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidVpcId.NotFound', status: 404, message: 'Specified VPC does not exist.' },
  { code: 'InvalidCidrBlock.Malformed', status: 400, message: 'Specified CIDR block is not valid.' },
  { code: 'InvalidVpcName.Malformed', status: 400, message: 'Specified VPC name is not valid.' },
  { code: 'InvalidVpcDiscription.Malformed', status: 400, message: 'Specified VPC description is not valid.' },
  { code: 'InvalidResourceGroupId.NotFound', status: 404, message: 'The specified resource group does not exist.' },
  { code: 'QuotaExceeded.Vpc', status: 400, message: 'VPC quota exceeded.' },
  { code: 'OperationFailed.CidrInUse', status: 400, message: 'The new CIDR block does not contain the CIDR blocks of existing vSwitches.' },
  {
    code: 'DependencyViolation.VSwitch',
    status: 400,
    message: 'Specified object has dependent resources: the VPC still contains vSwitches.',
  },
  {
    code: 'DependencyViolation.SecurityGroup',
    status: 400,
    message: 'Specified object has dependent resources: the VPC still contains security groups.',
  },
  {
    code: 'DependencyViolation.Instance',
    status: 400,
    message: 'Specified object has dependent resources: the VPC still contains instances.',
  },
  { code: 'InvalidTagKey.Malformed', status: 400, message: 'The specified tag key is not valid.' },
  { code: 'InvalidTagValue.Malformed', status: 400, message: 'The specified tag value is not valid.' },
  { code: 'NumberExceed.Tags', status: 400, message: 'The maximum number of tags is exceeded: at most 20.' },
  { code: 'InvalidUserCidr.Malformed', status: 400, message: 'The specified user CIDR block is not valid.' },
  { code: 'InvalidIpamPoolId.NotFound', status: 404, message: 'The specified IPAM pool does not exist.' },
  { code: 'InvalidIpv6Isp.Malformed', status: 400, message: 'The specified IPv6 ISP is not valid.' },
  { code: 'OperationFailed.Ipv6SubnetInUse', status: 400, message: 'IPv6 cannot be disabled while vSwitches of the VPC use IPv6.' },
  { code: 'OperationFailed.DefaultVpcExist', status: 400, message: 'A default VPC already exists in the region.' },
  { code: 'InvalidCidrBlock.NotFound', status: 404, message: 'The specified CIDR block is not associated with the VPC.' },
  { code: 'QuotaExceeded.SecondaryCidrBlock', status: 400, message: 'A VPC has at most 5 secondary IPv4 CIDR blocks.' },
];
