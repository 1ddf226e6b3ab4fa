/**
 * Update steps of the primary interface's extra addresses of `alicloud_instance`: the secondary
 * private IPv4 addresses and the IPv6 addresses (see network-schema.ts), called from the instance's update.
 */
import {
  assignIpv6s,
  assignPrivateIps,
  describeInstanceDetail,
  unassignIpv6s,
  unassignPrivateIps,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import type { PlanOf } from '../../framework/index.js';
import type { instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

/** Assign and unassign calls of one address family on an interface. */
interface AddressCalls {
  what: string;
  unassign(eni: string, ips: readonly string[]): Promise<unknown>;
  assign(eni: string, add: { ips: readonly string[] } | { count: number }): Promise<unknown>;
}

/**
 * As the official provider changes them: a known planned list (`ips`) unassigns what left it, then
 * assigns what joined it; otherwise a known `count` assigns the missing number or unassigns the
 * surplus (the first addresses of `before`). Nothing is called when nothing differs.
 */
async function changeAddresses(
  client: AlibabaCloudClient,
  id: string,
  before: readonly string[],
  ips: readonly string[] | undefined,
  count: number | null | undefined,
  calls: AddressCalls,
  signal: AbortSignal,
): Promise<void> {
  if (ips === undefined && typeof count !== 'number') return;
  const removed = ips ? before.filter((ip) => !ips.includes(ip)) : count! < before.length ? before.slice(0, before.length - count!) : [];
  const added = ips ? ips.filter((ip) => !before.includes(ip)) : [];
  const more = ips ? 0 : Math.max(0, count! - before.length);
  if (removed.length === 0 && added.length === 0 && more === 0) return;
  const eni = (await describeInstanceDetail(client, id, { signal }))?.PrimaryNetworkInterfaceId;
  if (!eni) throw new Error(`instance ${id} lists no primary network interface to change its ${calls.what} on`);
  if (removed.length > 0) await calls.unassign(eni, removed);
  if (added.length > 0) await calls.assign(eni, { ips: added });
  if (more > 0) await calls.assign(eni, { count: more });
}

/** The list and count attributes of each address family, and the calls that change it. */
const FAMILIES = {
  secondary: {
    list: 'secondary_private_ips',
    count: 'secondary_private_ip_address_count',
    what: 'secondary private IPs',
    unassign: unassignPrivateIps,
    assign: assignPrivateIps,
  },
  ipv6: { list: 'ipv6_addresses', count: 'ipv6_address_count', what: 'IPv6 addresses', unassign: unassignIpv6s, assign: assignIpv6s },
} as const;

/** Change one family's addresses on the primary interface when its list or count changed. */
async function changeFamily(
  family: keyof typeof FAMILIES,
  client: AlibabaCloudClient,
  id: string,
  before: readonly string[],
  plan: Planned,
  changed: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<void> {
  const f = FAMILIES[family];
  const list = plan[f.list];
  const ips = changed.has(f.list) && Array.isArray(list) ? list : undefined;
  const count = changed.has(f.count) ? plan[f.count] : undefined;
  await changeAddresses(
    client,
    id,
    before,
    ips,
    count,
    {
      what: f.what,
      unassign: (eni, x) => f.unassign(client, eni, x, { signal }),
      assign: (eni, add) => f.assign(client, eni, add, { signal }),
    },
    signal,
  );
}

/** Secondary private IPv4 addresses (AssignPrivateIpAddresses / UnassignPrivateIpAddresses). */
export const changeSecondaryIps = changeFamily.bind(undefined, 'secondary');

/** IPv6 addresses (AssignIpv6Addresses / UnassignIpv6Addresses). */
export const changeIpv6s = changeFamily.bind(undefined, 'ipv6');
