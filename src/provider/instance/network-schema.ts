/**
 * The IPv6 arguments of `alicloud_instance`, kept apart from the rest of its schema: the IPv6
 * addresses of the primary network interface, from the vSwitch's IPv6 block (the vSwitch needs
 * `enable_ipv6`). Names follow the official provider; `ipv6_address_count` changes in place here
 * (the official provider replaces the instance), like `secondary_private_ip_address_count`.
 */
import { attr, v } from '../../framework/index.js';
import { MAX_IPV6_ADDRESSES } from '../../spec/ecs/ipv6-addresses.js';

export const ipv6Attributes = {
  ipv6_addresses: attr.set('string', {
    optional: true,
    computed: true,
    conflictsWith: ['ipv6_address_count'],
    validators: [v.count(0, MAX_IPV6_ADDRESSES, 'IPv6 addresses')],
    elementValidators: [
      v.pattern(
        /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/,
        'an IPv6 address of the vSwitch IPv6 block in lower-case compressed form, e.g. from cidrhost()',
      ),
    ],
    description:
      'IPv6 addresses of the primary network interface, given at launch (RunInstances `Ipv6Address.N`) and changed in place (UnassignIpv6Addresses, then AssignIpv6Addresses). If not set, the addresses the interface has.',
    meta: { ecs: 'Ipv6Address' },
  }),
  ipv6_address_count: attr.int({
    optional: true,
    computed: true,
    conflictsWith: ['ipv6_addresses'],
    validators: [v.range(0, MAX_IPV6_ADDRESSES)],
    description:
      'How many IPv6 addresses the primary network interface holds, picked from the vSwitch IPv6 block (RunInstances `Ipv6AddressCount`); a larger number assigns more, a smaller one unassigns the surplus, in place.',
    meta: { ecs: 'Ipv6AddressCount' },
  }),
} as const;
