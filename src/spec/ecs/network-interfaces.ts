/**
 * ECS (2014-05-26) elastic network interfaces (ENIs) of an instance: RunInstances
 * `NetworkInterface.N.*` (one `InstanceType=Primary` entry carries the primary interface's
 * vSwitch, security groups, address and options in place of the top-level `VSwitchId`,
 * `SecurityGroupIds.N`, `PrivateIpAddress`, `Ipv6*`; `Secondary` entries create more interfaces
 * with the instance, released with it) and DescribeNetworkInterfaces (filters, both paging
 * styles). Field names follow the `@alicloud/ecs20140526` request and response models.
 * Codes: `InvalidEniId.NotFound` (private-ips.ts) is named by the fact sheets; `InvalidOperation.EniCountExceeded`
 * (more interfaces than the instance type holds) and `InvalidParameter.Conflict` (top-level network
 * parameters beside a Primary entry) are a guess.
 */
import type { ActionSpec, ErrorSpec, RepeatListParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';
import { pagingParams } from './params.js';
import { MAX_IPV6_ADDRESSES } from './ipv6-addresses.js';

export const NETWORK_INTERFACE_ROLES = ['Primary', 'Secondary'] as const;
/** `Standard` (TCP) or `HighPerformance` (Elastic RDMA Interface); default Standard. */
export const NETWORK_INTERFACE_TRAFFIC_MODES = ['Standard', 'HighPerformance'] as const;
export const NETWORK_INTERFACE_STATUSES = ['Available', 'Attaching', 'InUse', 'Detaching', 'Deleting'] as const;

/** RunInstances `NetworkInterface.N.*`: at most one Primary entry; the rest Secondary (the default). */
export const runInstancesNetworkInterfaceParam = {
  kind: 'repeatList',
  name: 'NetworkInterface',
  maxItems: 8,
  tooManyCode: 'InvalidOperation.EniCountExceeded',
  fields: [
    { kind: 'scalar', name: 'InstanceType', type: 'string', enum: NETWORK_INTERFACE_ROLES, emptyIsAbsent: true },
    { kind: 'scalar', name: 'VSwitchId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'PrimaryIpAddress', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SecurityGroupId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'NetworkInterfaceTrafficMode', type: 'string', enum: NETWORK_INTERFACE_TRAFFIC_MODES, emptyIsAbsent: true },
    { kind: 'scalar', name: 'NetworkCardIndex', type: 'integer', min: 0 },
    { kind: 'scalar', name: 'QueuePairNumber', type: 'integer', min: 1 },
    { kind: 'scalar', name: 'SourceDestCheck', type: 'boolean' },
    { kind: 'scalar', name: 'Ipv6AddressCount', type: 'integer', min: 1, max: MAX_IPV6_ADDRESSES },
  ],
  listFields: [
    { kind: 'scalarList', name: 'SecurityGroupIds', type: 'string', maxItems: 16 },
    { kind: 'scalarList', name: 'Ipv6Address', type: 'string', maxItems: MAX_IPV6_ADDRESSES },
  ],
} as const satisfies RepeatListParam;

/** The codes RunInstances answers for its interfaces. */
export const RUN_INSTANCES_ENI_ERRORS = ['InvalidOperation.EniCountExceeded', 'InvalidParameter.Conflict'] as const;

const attachmentShape = r.object(r.defaults({ InstanceId: r.string, DeviceIndex: r.integer, NetworkCardIndex: r.integer }));

export const describeNetworkInterfacesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeNetworkInterfaces',
  params: [
    regionIdParam,
    { kind: 'scalarList', name: 'NetworkInterfaceId', type: 'string', maxItems: 100 },
    { kind: 'scalar', name: 'InstanceId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VpcId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VSwitchId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SecurityGroupId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'PrimaryIpAddress', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Type', type: 'string', enum: NETWORK_INTERFACE_ROLES, emptyIsAbsent: true },
    { kind: 'scalar', name: 'Status', type: 'string', enum: NETWORK_INTERFACE_STATUSES, emptyIsAbsent: true },
    ...pagingParams(500),
    ...ownerParams,
  ],
  errors: ['InvalidParameter', 'InvalidNextToken'],
  response: r.response({
    ...r.defaults({ TotalCount: r.integer, PageNumber: r.integer, PageSize: r.integer, NextToken: r.string }),
    NetworkInterfaceSets: r.list(
      'NetworkInterfaceSet',
      r.object(
        r.defaults({
          NetworkInterfaceId: r.string,
          Status: r.string,
          Type: r.string,
          InstanceId: r.string,
          ZoneId: r.string,
          VpcId: r.string,
          VSwitchId: r.string,
          PrivateIpAddress: r.string,
          MacAddress: r.string,
          NetworkInterfaceTrafficMode: r.string,
          QueuePairNumber: r.integer,
          SourceDestCheck: r.boolean,
          DeleteOnRelease: r.boolean,
          CreationTime: r.string,
          SecurityGroupIds: r.list('SecurityGroupId', r.string),
          Attachment: attachmentShape,
        }),
      ),
    ),
  }),
});

export const networkInterfaceActions: readonly ActionSpec[] = [describeNetworkInterfacesSpec];

export const networkInterfaceErrors: readonly ErrorSpec[] = [
  {
    code: 'InvalidOperation.EniCountExceeded',
    status: 403,
    message: 'The instance would have more network interfaces than its instance type allows.',
  },
  {
    code: 'InvalidParameter.Conflict',
    status: 400,
    message: 'The network parameters of the primary interface are given both at the top level and in NetworkInterface.N.',
  },
];
