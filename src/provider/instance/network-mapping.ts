/** Pure mapping of the IPv6 arguments of `alicloud_instance` (see network-schema.ts) to RunInstances and from DescribeInstances. */
import type { InstanceDetail, RunInstanceInput } from '../../ecs/index.js';
import type { PlanOf } from '../../framework/index.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

/** RunInstances `Ipv6Address.N` (a known list) or `Ipv6AddressCount` (above 0). */
export function toRunInstanceIpv6(plan: Planned): Pick<RunInstanceInput, 'Ipv6Address' | 'Ipv6AddressCount'> {
  if (Array.isArray(plan.ipv6_addresses) && plan.ipv6_addresses.length > 0) return { Ipv6Address: [...plan.ipv6_addresses] };
  const count = plan.ipv6_address_count;
  return typeof count === 'number' && count > 0 ? { Ipv6AddressCount: count } : {};
}

export function fromInstanceIpv6(i: InstanceDetail): Pick<InstanceState, 'ipv6_addresses' | 'ipv6_address_count'> {
  return { ipv6_addresses: [...i.Ipv6Addresses].sort(), ipv6_address_count: i.Ipv6Addresses.length };
}
