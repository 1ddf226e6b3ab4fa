import type Database from 'better-sqlite3';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { FamilyQueries } from '../context.js';
import type { assignIpv6AddressesSpec, unassignIpv6AddressesSpec } from '../../spec/ecs/ipv6-addresses.js';
import { MAX_IPV6_ADDRESSES } from '../../spec/ecs/ipv6-addresses.js';
import { interfaceOwner } from './private-ips.js';
import { updateInstance } from './repository.js';

type VSwitch = NonNullable<ReturnType<FamilyQueries['vpc']['findVSwitch']>>;

/** An IPv6 address as a 128-bit number, or undefined when `text` is not one (no zone, no embedded IPv4). */
export function ipv6Number(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** RFC 5952 text of a 128-bit number: lower case, no leading zeros, the longest run (2+) of zero groups as `::`. */
export function ipv6Text(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j > i ? j - 1 : i;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

/** IPv6 addresses held by instances in a vSwitch (any account: the vSwitch is the account's own anyway). */
function ipv6sInVSwitch(db: Database.Database, vSwitchId: string): Set<string> {
  const rows = db
    .prepare(`SELECT j.value AS ip FROM instances, json_each(instances.extra, '$.ipv6s') AS j WHERE vswitch_id = ? AND extra IS NOT NULL`)
    .all(vSwitchId) as { ip: string }[];
  return new Set(rows.map((r) => r.ip));
}

/**
 * IPv6 addresses for an interface in `vSwitch`: the given ones (inside the vSwitch's /64, free,
 * returned in RFC 5952 text) or `count` free ones from the start of the /64 (host 0 is skipped).
 * The vSwitch must have an IPv6 block.
 */
export function allocateIpv6s(ctx: HandlerContext, vSwitch: VSwitch, given: readonly string[], count: number): string[] {
  if (!vSwitch.ipv6CidrBlock)
    throw apiError(
      'InvalidVSwitchId.Ipv6NotTurnOn',
      `vSwitch ${vSwitch.vSwitchId} has no IPv6 CIDR block: enable IPv6 on it (and its VPC) before asking for IPv6 addresses.`,
    );
  const [prefixText, maskText] = vSwitch.ipv6CidrBlock.split('/');
  const base = ipv6Number(prefixText!);
  if (base === undefined) throw new Error(`emulator bug: vSwitch ${vSwitch.vSwitchId} has IPv6 block ${vSwitch.ipv6CidrBlock}`);
  const hostBits = BigInt(128 - Number(maskText));
  const taken = ipv6sInVSwitch(ctx.db, vSwitch.vSwitchId);
  if (given.length > 0) {
    const out = given.map((text) => {
      const n = ipv6Number(text);
      if (n === undefined || n >> hostBits !== base >> hostBits)
        throw apiError(
          'InvalidIpv6Address.Mismatch',
          `Ipv6Address "${text}" is not an address of the IPv6 block ${vSwitch.ipv6CidrBlock} of vSwitch ${vSwitch.vSwitchId}.`,
        );
      const ip = ipv6Text(n);
      if (taken.has(ip))
        throw apiError('InvalidIpv6Address.Duplicated', `Ipv6Address "${text}" is already used in vSwitch ${vSwitch.vSwitchId}.`);
      return ip;
    });
    if (new Set(out).size !== out.length) throw apiError('InvalidIpv6Address.Duplicated', 'Ipv6Address.N lists an address twice.');
    return out;
  }
  const out: string[] = [];
  for (let h = 1n; out.length < count; h++) {
    const ip = ipv6Text(base + h);
    if (!taken.has(ip)) out.push(ip);
  }
  return out;
}

/** The addresses to add: Ipv6Address.N or Ipv6AddressCount (exactly one), within {@link MAX_IPV6_ADDRESSES} with `held`. */
export function ipv6Request(
  given: readonly string[] | undefined,
  count: number | undefined,
  held: number,
): { given: string[]; count: number } {
  const list = [...(given ?? [])];
  if (list.length > 0 && count !== undefined)
    throw apiError('InvalidParameter', 'Give either Ipv6Address.N or Ipv6AddressCount, not both.');
  const adding = list.length > 0 ? list.length : (count ?? 0);
  if (held + adding > MAX_IPV6_ADDRESSES)
    throw apiError(
      'InvalidOperation.Ipv6CountExceeded',
      `The network interface holds ${held} IPv6 address(es); ${adding} more would exceed ${MAX_IPV6_ADDRESSES}.`,
    );
  return { given: list, count: list.length > 0 ? list.length : (count ?? 0) };
}

/** AssignIpv6Addresses: given addresses or a count of free ones from the interface's vSwitch join the primary interface. */
export const assignIpv6Addresses: HandlerOf<typeof assignIpv6AddressesSpec> = (ctx, input) => {
  const inst = interfaceOwner(ctx, input.NetworkInterfaceId);
  const current = inst.extra?.ipv6s ?? [];
  if ((input.Ipv6Address ?? []).length === 0 && input.Ipv6AddressCount === undefined)
    throw apiError('InvalidParameter', 'Give Ipv6Address.N or Ipv6AddressCount.');
  const want = ipv6Request(input.Ipv6Address, input.Ipv6AddressCount, current.length);
  const vsw = ctx.backend.queries.vpc?.findVSwitch(ctx.db, ctx.account.accountId, inst.regionId, inst.vSwitchId);
  if (!vsw) throw new Error(`emulator bug: instance ${inst.id} is in unknown vSwitch ${inst.vSwitchId}`);
  const added = allocateIpv6s(ctx, vsw, want.given, want.count);
  updateInstance(ctx.db, inst.id, { extra: { ...inst.extra, ipv6s: [...current, ...added] } });
  return { NetworkInterfaceId: input.NetworkInterfaceId, Ipv6Sets: { Ipv6Address: added } };
};

/** UnassignIpv6Addresses: every listed address must be one of the interface's. */
export const unassignIpv6Addresses: HandlerOf<typeof unassignIpv6AddressesSpec> = (ctx, input) => {
  const inst = interfaceOwner(ctx, input.NetworkInterfaceId);
  const current = inst.extra?.ipv6s ?? [];
  const removing = input.Ipv6Address.map((text) => {
    const n = ipv6Number(text);
    const ip = n === undefined ? text : ipv6Text(n);
    if (!current.includes(ip))
      throw apiError('InvalidIpv6Address.NotFound', `"${text}" is not an IPv6 address of "${input.NetworkInterfaceId}".`);
    return ip;
  });
  updateInstance(ctx.db, inst.id, { extra: { ...inst.extra, ipv6s: current.filter((ip) => !removing.includes(ip)) } });
  return {};
};

/**
 * RunInstances `Ipv6Address.N` / `Ipv6AddressCount`: the addresses of each of `instances` new
 * primary interfaces (empty lists when neither is given); given addresses need Amount=1.
 */
export function launchIpv6s(
  ctx: HandlerContext,
  vSwitch: VSwitch,
  input: { Ipv6Address?: readonly string[]; Ipv6AddressCount?: number },
  instances: number,
): string[][] {
  const want = ipv6Request(input.Ipv6Address, input.Ipv6AddressCount, 0);
  if (want.count === 0) return Array.from({ length: instances }, () => []);
  if (want.given.length > 0 && instances !== 1) throw apiError('InvalidParameter', 'Ipv6Address.N can only be given with Amount=1.');
  const all = allocateIpv6s(ctx, vSwitch, want.given, want.count * instances);
  return Array.from({ length: instances }, (_, i) => all.slice(i * want.count, (i + 1) * want.count));
}
