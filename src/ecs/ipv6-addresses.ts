/**
 * IPv6 addresses of a network interface: AssignIpv6Addresses and UnassignIpv6Addresses (types
 * from `src/spec/ecs/ipv6-addresses.ts`).
 */
import { assignIpv6AddressesSpec, unassignIpv6AddressesSpec } from '../spec/ecs/ipv6-addresses.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { randomClientToken } from './client-token.js';

/** Add the given IPv6 addresses, or `count` addresses the vSwitch picks; returns the addresses added. */
export async function assignIpv6s(
  client: AlibabaCloudClient,
  networkInterfaceId: string,
  what: { ips: readonly string[] } | { count: number },
  opts: CallOptions = {},
): Promise<string[]> {
  const b = await client.call(
    assignIpv6AddressesSpec,
    {
      NetworkInterfaceId: networkInterfaceId,
      ...('ips' in what ? { Ipv6Address: [...what.ips] } : { Ipv6AddressCount: what.count }),
      ClientToken: randomClientToken(),
    },
    { idempotent: true, ...opts },
  );
  return b.Ipv6Sets.Ipv6Address;
}

/** Remove IPv6 addresses from the interface. */
export async function unassignIpv6s(
  client: AlibabaCloudClient,
  networkInterfaceId: string,
  ips: readonly string[],
  opts: CallOptions = {},
): Promise<void> {
  await client.call(unassignIpv6AddressesSpec, { NetworkInterfaceId: networkInterfaceId, Ipv6Address: [...ips] }, opts);
}
