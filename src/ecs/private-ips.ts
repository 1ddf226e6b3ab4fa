/**
 * Secondary private IPv4 addresses of a network interface: AssignPrivateIpAddresses and
 * UnassignPrivateIpAddresses (types from `src/spec/ecs/private-ips.ts`).
 */
import { assignPrivateIpAddressesSpec, unassignPrivateIpAddressesSpec } from '../spec/ecs/private-ips.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { randomClientToken } from './client-token.js';

/** Add the given addresses, or `count` addresses the vSwitch picks; returns the addresses added. */
export async function assignPrivateIps(
  client: AlibabaCloudClient,
  networkInterfaceId: string,
  what: { ips: readonly string[] } | { count: number },
  opts: CallOptions = {},
): Promise<string[]> {
  const b = await client.call(
    assignPrivateIpAddressesSpec,
    {
      NetworkInterfaceId: networkInterfaceId,
      ...('ips' in what ? { PrivateIpAddress: [...what.ips] } : { SecondaryPrivateIpAddressCount: what.count }),
      ClientToken: randomClientToken(),
    },
    { idempotent: true, ...opts },
  );
  return b.AssignedPrivateIpAddressesSet.PrivateIpSet.PrivateIpAddress;
}

/** Remove secondary addresses from the interface. */
export async function unassignPrivateIps(
  client: AlibabaCloudClient,
  networkInterfaceId: string,
  ips: readonly string[],
  opts: CallOptions = {},
): Promise<void> {
  await client.call(unassignPrivateIpAddressesSpec, { NetworkInterfaceId: networkInterfaceId, PrivateIpAddress: [...ips] }, opts);
}
