/** Update step of the IPv6 arguments of `alicloud_instance` (see network-schema.ts), called from the instance's update. */
import { assignIpv6s, describeInstanceDetail, unassignIpv6s, type AlibabaCloudClient } from '../../ecs/index.js';
import type { PlanOf } from '../../framework/index.js';
import type { instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

/**
 * IPv6 addresses of the primary interface: a known planned list unassigns what left it, then
 * assigns what joined it (as the official provider); otherwise a known count assigns the missing
 * number or unassigns the surplus (the first addresses of `before`).
 */
export async function changeIpv6s(
  client: AlibabaCloudClient,
  id: string,
  before: readonly string[],
  plan: Planned,
  changed: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<void> {
  const ips = changed.has('ipv6_addresses') && Array.isArray(plan.ipv6_addresses) ? plan.ipv6_addresses : undefined;
  const count = changed.has('ipv6_address_count') ? plan.ipv6_address_count : undefined;
  if (ips === undefined && typeof count !== 'number') return;
  const removed = ips ? before.filter((ip) => !ips.includes(ip)) : count! < before.length ? before.slice(0, before.length - count!) : [];
  const added = ips ? ips.filter((ip) => !before.includes(ip)) : [];
  const more = ips ? 0 : Math.max(0, count! - before.length);
  if (removed.length === 0 && added.length === 0 && more === 0) return;
  const eni = (await describeInstanceDetail(client, id, { signal }))?.PrimaryNetworkInterfaceId;
  if (!eni) throw new Error(`instance ${id} lists no primary network interface to change its IPv6 addresses on`);
  if (removed.length > 0) await unassignIpv6s(client, eni, removed, { signal });
  if (added.length > 0) await assignIpv6s(client, eni, { ips: added }, { signal });
  if (more > 0) await assignIpv6s(client, eni, { count: more }, { signal });
}
