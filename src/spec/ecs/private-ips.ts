/**
 * ECS (2014-05-26) secondary private IPv4 addresses of a network interface: AssignPrivateIpAddresses
 * (given addresses, or a count picked from the vSwitch) and UnassignPrivateIpAddresses. The emulator
 * serves them on an instance's primary interface (`eni-...` as DescribeInstances lists it).
 * Parameter names follow the `@alicloud/ecs20140526` request models; the limit code
 * `InvalidOperation.Ipv4CountExceeded` and `InvalidIp.Address.NotFound` are a guess.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';

/** Secondary addresses one interface may hold in the emulator (ECS: by instance type, 10 for small types). */
export const MAX_SECONDARY_PRIVATE_IPS = 10;

/** The interface whose addresses change (also of `ipv6-addresses.ts`). */
export const eniIdParam = {
  kind: 'scalar',
  name: 'NetworkInterfaceId',
  type: 'string',
  required: true,
  errorCode: 'InvalidEniId.NotFound',
} as const satisfies ScalarParam;

export const assignPrivateIpAddressesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'AssignPrivateIpAddresses',
  mutating: true,
  params: [
    regionIdParam,
    eniIdParam,
    {
      kind: 'scalarList',
      name: 'PrivateIpAddress',
      type: 'string',
      maxItems: MAX_SECONDARY_PRIVATE_IPS,
      tooManyCode: 'InvalidOperation.Ipv4CountExceeded',
    },
    {
      kind: 'scalar',
      name: 'SecondaryPrivateIpAddressCount',
      type: 'integer',
      min: 1,
      max: MAX_SECONDARY_PRIVATE_IPS,
      errorCode: 'InvalidOperation.Ipv4CountExceeded',
    },
    { kind: 'scalar', name: 'ClientToken', type: 'string', maxLength: 64 },
    ...ownerParams,
  ],
  errors: [
    'InvalidEniId.NotFound',
    'InvalidParameter',
    'InvalidOperation.InvalidEniState',
    'InvalidOperation.Ipv4CountExceeded',
    'InvalidPrivateIpAddress',
    'InvalidPrivateIpAddress.Duplicated',
    'InvalidVSwitchId.IpNotEnough',
  ],
  response: r.response({
    AssignedPrivateIpAddressesSet: r.object({
      NetworkInterfaceId: r.string,
      PrivateIpSet: r.list('PrivateIpAddress', r.string),
    }),
  }),
});

export const unassignPrivateIpAddressesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'UnassignPrivateIpAddresses',
  mutating: true,
  params: [
    regionIdParam,
    eniIdParam,
    { kind: 'scalarList', name: 'PrivateIpAddress', type: 'string', required: true, maxItems: MAX_SECONDARY_PRIVATE_IPS },
    ...ownerParams,
  ],
  errors: ['InvalidEniId.NotFound', 'InvalidOperation.InvalidEniState', 'InvalidIp.Address.NotFound'],
  response: r.response({}),
});

export const privateIpActions: readonly ActionSpec[] = [assignPrivateIpAddressesSpec, unassignPrivateIpAddressesSpec];

export const privateIpErrors: readonly ErrorSpec[] = [
  { code: 'InvalidEniId.NotFound', status: 404, message: 'The specified network interface does not exist.' },
  {
    code: 'InvalidOperation.InvalidEniState',
    status: 403,
    message: 'The network interface or its instance is not in a state that allows this.',
  },
  {
    code: 'InvalidOperation.Ipv4CountExceeded',
    status: 403,
    message: 'The network interface would hold more private IPv4 addresses than allowed.',
  },
  {
    code: 'InvalidIp.Address.NotFound',
    status: 404,
    message: 'The specified private IP address is not a secondary address of the network interface.',
  },
];
