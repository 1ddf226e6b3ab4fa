/** Pure filtering and mapping for `alicloud_vswitches`. */
import type { VSwitch } from '../../ecs/index.js';
import type { VSwitchResult } from './schema.js';

/** The local filters (ids, name regex, CIDR, status) the API does not take. */
export function selectVSwitches(
  all: readonly VSwitch[],
  f: { ids?: readonly string[] | null; name_regex?: string | null; cidr_block?: string | null; status?: string | null },
): VSwitch[] {
  const re = f.name_regex ? new RegExp(f.name_regex) : undefined;
  return all.filter(
    (s) =>
      (!f.ids || f.ids.length === 0 || f.ids.includes(s.VSwitchId)) &&
      (!re || re.test(s.VSwitchName)) &&
      (!f.cidr_block || s.CidrBlock === f.cidr_block) &&
      (!f.status || s.Status === f.status),
  );
}

export function toVSwitchResults(all: readonly VSwitch[]): VSwitchResult[] {
  return all.map((s) => ({
    id: s.VSwitchId,
    vswitch_id: s.VSwitchId,
    vswitch_name: s.VSwitchName,
    name: s.VSwitchName,
    vpc_id: s.VpcId,
    zone_id: s.ZoneId,
    cidr_block: s.CidrBlock,
    ipv6_cidr_block: s.Ipv6CidrBlock,
    enable_ipv6: s.EnabledIpv6,
    description: s.Description,
    is_default: s.IsDefault,
    resource_group_id: s.ResourceGroupId,
    route_table_id: s.RouteTableId,
    status: s.Status,
    creation_time: s.CreationTime,
    available_ip_address_count: s.AvailableIpAddressCount,
    tags: s.Tags,
  }));
}
