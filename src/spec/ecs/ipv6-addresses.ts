/**
 * ECS (2014-05-26) IPv6 addresses of a network interface: AssignIpv6Addresses (given addresses, or
 * a count picked from the vSwitch's IPv6 /64) and UnassignIpv6Addresses; RunInstances takes the
 * same as `Ipv6Address.N` / `Ipv6AddressCount` (see {@link runInstancesIpv6Params}). The emulator
 * serves them on an instance's primary interface (`eni-...`). Parameter names follow the
 * `@alicloud/ecs20140526` request models; no fact sheet names the error codes: `InvalidVSwitchId.Ipv6NotTurnOn`
 * (the vSwitch has no IPv6 block), `InvalidOperation.Ipv6CountExceeded`, `InvalidIpv6Address.Mismatch`,
 * `InvalidIpv6Address.Duplicated` and `InvalidIpv6Address.NotFound` are a guess.
 */
import type { ActionSpec, ErrorSpec, ScalarListParam, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';
import { eniIdParam } from './private-ips.js';

/** IPv6 addresses one interface may hold (the official provider's limit for ipv6_addresses; ECS: by instance type). */
export const MAX_IPV6_ADDRESSES = 10;

const ipv6Address = {
  kind: 'scalarList',
  name: 'Ipv6Address',
  type: 'string',
  maxItems: MAX_IPV6_ADDRESSES,
  tooManyCode: 'InvalidOperation.Ipv6CountExceeded',
} as const satisfies ScalarListParam;

const ipv6AddressCount = {
  kind: 'scalar',
  name: 'Ipv6AddressCount',
  type: 'integer',
  min: 1,
  max: MAX_IPV6_ADDRESSES,
  errorCode: 'InvalidOperation.Ipv6CountExceeded',
} as const satisfies ScalarParam;

/** The RunInstances parameters of the primary interface's IPv6 addresses (exclusive; Ipv6Address.N with Amount=1 only). */
export const runInstancesIpv6Params = [ipv6Address, ipv6AddressCount] as const;
/** The codes RunInstances answers for them. */
export const RUN_INSTANCES_IPV6_ERRORS = [
  'InvalidOperation.Ipv6CountExceeded',
  'InvalidVSwitchId.Ipv6NotTurnOn',
  'InvalidIpv6Address.Mismatch',
  'InvalidIpv6Address.Duplicated',
] as const;

export const assignIpv6AddressesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'AssignIpv6Addresses',
  mutating: true,
  params: [
    regionIdParam,
    eniIdParam,
    ipv6Address,
    ipv6AddressCount,
    { kind: 'scalar', name: 'ClientToken', type: 'string', maxLength: 64 },
    ...ownerParams,
  ],
  errors: [
    'InvalidEniId.NotFound',
    'InvalidParameter',
    'InvalidOperation.InvalidEniState',
    'InvalidOperation.Ipv6CountExceeded',
    'InvalidVSwitchId.Ipv6NotTurnOn',
    'InvalidIpv6Address.Mismatch',
    'InvalidIpv6Address.Duplicated',
  ],
  response: r.response({
    NetworkInterfaceId: r.string,
    Ipv6Sets: r.list('Ipv6Address', r.string),
  }),
});

export const unassignIpv6AddressesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'UnassignIpv6Addresses',
  mutating: true,
  params: [regionIdParam, eniIdParam, { ...ipv6Address, required: true }, ...ownerParams],
  errors: ['InvalidEniId.NotFound', 'InvalidOperation.InvalidEniState', 'InvalidIpv6Address.NotFound'],
  response: r.response({}),
});

export const ipv6AddressActions: readonly ActionSpec[] = [assignIpv6AddressesSpec, unassignIpv6AddressesSpec];

export const ipv6AddressErrors: readonly ErrorSpec[] = [
  { code: 'InvalidVSwitchId.Ipv6NotTurnOn', status: 403, message: 'The vSwitch has no IPv6 CIDR block; enable IPv6 on it first.' },
  {
    code: 'InvalidOperation.Ipv6CountExceeded',
    status: 403,
    message: 'The network interface would hold more IPv6 addresses than allowed.',
  },
  {
    code: 'InvalidIpv6Address.Mismatch',
    status: 400,
    message: 'The specified IPv6 address is not inside the IPv6 CIDR block of the vSwitch.',
  },
  { code: 'InvalidIpv6Address.Duplicated', status: 400, message: 'The specified IPv6 address is already in use.' },
  { code: 'InvalidIpv6Address.NotFound', status: 404, message: 'The specified IPv6 address is not an address of the network interface.' },
];
