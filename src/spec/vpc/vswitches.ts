/**
 * VPC product (2016-04-28) action table for vSwitches: CreateVSwitch, CreateDefaultVSwitch,
 * DescribeVSwitches, ModifyVSwitchAttribute, DeleteVSwitch. Names and types
 * follow the official `@alicloud/vpc20160428` request models.
 */
import type { ActionSpec, ErrorSpec } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';
import { pageFields, vpcTagsShape } from '../ecs/outputs.js';
import { clientTokenParam, dryRunParam, listTailParams, nameParam, ownerParams, regionParam, tagParam } from './params.js';
import { CIDR_PATTERN, VPC_PRODUCT, VPC_VERSION } from './vpcs.js';

const vswitchName = nameParam('VSwitchName', 'InvalidVSwitchName.Malformed', 1, 128);
const vswitchDescription = nameParam('Description', 'InvalidVSwitchDiscription.Malformed', 1, 256);

export const createVSwitchSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'CreateVSwitch',
  mutating: true,
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string', required: true },
    { name: 'ZoneId', kind: 'scalar', type: 'string', required: true },
    {
      name: 'CidrBlock',
      kind: 'scalar',
      type: 'string',
      required: true,
      pattern: CIDR_PATTERN,
      errorCode: 'InvalidCidrBlock.Malformed',
      description: 'IPv4 CIDR inside the VPC CIDR block, mask 16 to 29, not overlapping other vSwitches.',
    },
    vswitchName,
    vswitchDescription,
    clientTokenParam,
    tagParam(),
    { name: 'Ipv6CidrBlock', kind: 'scalar', type: 'integer' },
    { name: 'Ipv6CidrMask', kind: 'scalar', type: 'integer' },
    { name: 'VpcIpv6CidrBlock', kind: 'scalar', type: 'string' },
    { name: 'CidrMask', kind: 'scalar', type: 'integer' },
    ...ownerParams,
  ],
  errors: [
    'InvalidVpcId.NotFound',
    'InvalidZoneId.NotFound',
    'InvalidCidrBlock.Malformed',
    'InvalidParameter',
    'InvalidCidrBlock.Overlapped',
    'InvalidVSwitchName.Malformed',
    'InvalidVSwitchDiscription.Malformed',
    'QuotaExceeded.VSwitch',
    'OperationFailed.VpcNotEnableIpv6',
    'InvalidIpv6CidrBlock.Malformed',
    'InvalidIpv6CidrBlock.Overlapped',
  ],
  response: r.response({
    VSwitchId: r.string,
  }),
});

/** CreateDefaultVSwitch: a default vSwitch (a free /20 of the default VPC) in a zone of the region's default VPC. */
export const createDefaultVSwitchSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'CreateDefaultVSwitch',
  mutating: true,
  params: [
    regionParam(),
    { name: 'ZoneId', kind: 'scalar', type: 'string', required: true },
    { name: 'Ipv6CidrBlock', kind: 'scalar', type: 'integer' },
    clientTokenParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidZoneId.NotFound',
    'OperationFailed.DefaultVpcNotExist',
    'OperationFailed.DefaultVSwitchExist',
    'OperationFailed.VpcNotEnableIpv6',
  ],
  response: r.response({ VSwitchId: r.string }),
});

export const describeVSwitchesSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DescribeVSwitches',
  params: [
    regionParam(false),
    { name: 'VpcId', kind: 'scalar', type: 'string' },
    { name: 'VSwitchId', kind: 'packedList', packing: 'comma', maxItems: 20, description: 'Up to 20 vSwitch ids separated by commas.' },
    { name: 'VSwitchName', kind: 'scalar', type: 'string' },
    { name: 'ZoneId', kind: 'scalar', type: 'string' },
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    { name: 'IsDefault', kind: 'scalar', type: 'boolean' },
    { name: 'RouteTableId', kind: 'scalar', type: 'string' },
    { name: 'VSwitchOwnerId', kind: 'scalar', type: 'long' },
    { name: 'EnableIpv6', kind: 'scalar', type: 'boolean' },
    ...listTailParams(),
  ],
  response: r.response({
    TotalCount: r.integer,
    VSwitches: r.list(
      'VSwitch',
      r.object({
        Status: r.string,
        VSwitchId: r.string,
        ...r.defaults({
          AvailableIpAddressCount: r.integer,
          CidrBlock: r.string,
          CreationTime: r.string,
          Description: r.string,
          EnabledIpv6: r.boolean,
          Ipv6CidrBlock: r.string,
          IsDefault: r.boolean,
          NetworkAclId: r.string,
          OwnerId: r.long,
          ResourceGroupId: r.string,
          RouteTable: r.object(
            r.defaults({
              RouteTableId: r.string,
              RouteTableType: r.string,
            }),
          ),
          ShareType: r.string,
          Tags: vpcTagsShape,
          VpcId: r.string,
          VSwitchName: r.string,
          ZoneId: r.string,
        }),
      }),
    ),
    ...pageFields,
  }),
});

export const modifyVSwitchAttributeSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'ModifyVSwitchAttribute',
  mutating: true,
  params: [
    regionParam(false),
    { name: 'VSwitchId', kind: 'scalar', type: 'string', required: true },
    vswitchName,
    vswitchDescription,
    { name: 'EnableIPv6', kind: 'scalar', type: 'boolean' },
    { name: 'Ipv6CidrBlock', kind: 'scalar', type: 'integer' },
    { name: 'Ipv6CidrMask', kind: 'scalar', type: 'integer' },
    { name: 'VpcIpv6CidrBlock', kind: 'scalar', type: 'string' },
    ...ownerParams,
  ],
  errors: [
    'InvalidVSwitchId.NotFound',
    'InvalidVSwitchName.Malformed',
    'InvalidVSwitchDiscription.Malformed',
    'OperationFailed.VpcNotEnableIpv6',
    'InvalidIpv6CidrBlock.Malformed',
    'InvalidIpv6CidrBlock.Overlapped',
    'MissingParameter',
  ],
  response: r.response({}),
});

export const deleteVSwitchSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DeleteVSwitch',
  mutating: true,
  params: [regionParam(false), { name: 'VSwitchId', kind: 'scalar', type: 'string', required: true }, dryRunParam, ...ownerParams],
  errors: ['InvalidVSwitchId.NotFound', 'DependencyViolation.Instance'],
  response: r.response({}),
});

export const vswitchActionSpecs: readonly ActionSpec[] = [
  createVSwitchSpec,
  createDefaultVSwitchSpec,
  describeVSwitchesSpec,
  modifyVSwitchAttributeSpec,
  deleteVSwitchSpec,
];

export const vswitchErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidVSwitchId.NotFound', status: 404, message: 'Specified virtual switch does not exist.' },
  { code: 'InvalidZoneId.NotFound', status: 404, message: 'Specified zone does not exist.' },
  { code: 'InvalidCidrBlock.Overlapped', status: 400, message: 'Specified CIDR block overlapped with other subnets.' },
  { code: 'InvalidVSwitchName.Malformed', status: 400, message: 'Specified virtual switch name is not valid.' },
  { code: 'InvalidVSwitchDiscription.Malformed', status: 400, message: 'Specified virtual switch description is not valid.' },
  { code: 'QuotaExceeded.VSwitch', status: 400, message: 'Virtual switch quota exceeded.' },
  { code: 'OperationFailed.VpcNotEnableIpv6', status: 400, message: 'IPv6 is not enabled for the VPC.' },
  { code: 'InvalidIpv6CidrBlock.Malformed', status: 400, message: 'The IPv6 subnet number must be 0 to 255.' },
  { code: 'InvalidIpv6CidrBlock.Overlapped', status: 400, message: 'The IPv6 subnet is used by another vSwitch of the VPC.' },
  { code: 'OperationFailed.DefaultVpcNotExist', status: 400, message: 'The region has no default VPC.' },
  { code: 'OperationFailed.DefaultVSwitchExist', status: 400, message: 'The zone already has a default vSwitch.' },
];
