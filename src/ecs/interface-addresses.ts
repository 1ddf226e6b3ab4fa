/**
 * Extra addresses of a network interface, one assign/unassign pair per family: secondary private
 * IPv4 (AssignPrivateIpAddresses / UnassignPrivateIpAddresses, `src/spec/ecs/private-ips.ts`) and
 * IPv6 (AssignIpv6Addresses / UnassignIpv6Addresses, `src/spec/ecs/ipv6-addresses.ts`).
 */
import { assignIpv6AddressesSpec, unassignIpv6AddressesSpec } from '../spec/ecs/ipv6-addresses.js';
import { assignPrivateIpAddressesSpec, unassignPrivateIpAddressesSpec } from '../spec/ecs/private-ips.js';
import type { ActionSpec } from '../spec/ecs/types.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';

/** The addresses to add: these, or `count` addresses the vSwitch picks. */
export type AddressesToAssign = { ips: readonly string[] } | { count: number };

/** One family's actions: `list`/`count` name the assign action's parameters (`list` is also the unassign one's). */
interface AddressFamily<A extends ActionSpec, U extends ActionSpec> {
  assign: A;
  unassign: U;
  list: keyof ClientInputOf<A> & keyof ClientInputOf<U> & string;
  count: keyof ClientInputOf<A> & string;
  added: (body: OutputOf<A>) => string[];
}

function addressCalls<A extends ActionSpec, U extends ActionSpec>(f: AddressFamily<A, U>) {
  return {
    /** Add addresses to the interface; returns the addresses added. */
    async assign(
      client: AlibabaCloudClient,
      networkInterfaceId: string,
      what: AddressesToAssign,
      opts: CallOptions = {},
    ): Promise<string[]> {
      const which = 'ips' in what ? { [f.list]: [...what.ips] } : { [f.count]: what.count };
      // the keys are checked by AddressFamily; a computed key cannot be checked against a generic table
      const input = { NetworkInterfaceId: networkInterfaceId, ...which } as never;
      return f.added(await callWithClientToken(client, f.assign, input, opts));
    },
    /** Remove addresses from the interface. */
    async unassign(client: AlibabaCloudClient, networkInterfaceId: string, ips: readonly string[], opts: CallOptions = {}): Promise<void> {
      await client.call(f.unassign, { NetworkInterfaceId: networkInterfaceId, [f.list]: [...ips] } as never, opts);
    },
  };
}

const privateIps = addressCalls({
  assign: assignPrivateIpAddressesSpec,
  unassign: unassignPrivateIpAddressesSpec,
  list: 'PrivateIpAddress',
  count: 'SecondaryPrivateIpAddressCount',
  added: (b) => b.AssignedPrivateIpAddressesSet.PrivateIpSet.PrivateIpAddress,
});
/** Add secondary private IPv4 addresses; returns the addresses added. */
export const assignPrivateIps = privateIps.assign;
/** Remove secondary private IPv4 addresses. */
export const unassignPrivateIps = privateIps.unassign;

const ipv6s = addressCalls({
  assign: assignIpv6AddressesSpec,
  unassign: unassignIpv6AddressesSpec,
  list: 'Ipv6Address',
  count: 'Ipv6AddressCount',
  added: (b) => b.Ipv6Sets.Ipv6Address,
});
/** Add IPv6 addresses; returns the addresses added. */
export const assignIpv6s = ipv6s.assign;
/** Remove IPv6 addresses. */
export const unassignIpv6s = ipv6s.unassign;
