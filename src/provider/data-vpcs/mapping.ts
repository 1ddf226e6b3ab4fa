/** Pure filtering and mapping for `alicloud_vpcs`. */
import type { Vpc } from '../../ecs/index.js';
import type { VpcResult } from './schema.js';

/** The local filters (ids, name regex, CIDR, vSwitch, status) the API does not take. */
export function selectVpcs(
  vpcs: readonly Vpc[],
  f: {
    ids?: readonly string[] | null;
    name_regex?: string | null;
    cidr_block?: string | null;
    vswitch_id?: string | null;
    status?: string | null;
  },
): Vpc[] {
  const re = f.name_regex ? new RegExp(f.name_regex) : undefined;
  return vpcs.filter(
    (x) =>
      (!f.ids || f.ids.length === 0 || f.ids.includes(x.VpcId)) &&
      (!re || re.test(x.VpcName)) &&
      (!f.cidr_block || x.CidrBlock === f.cidr_block) &&
      (!f.vswitch_id || x.VSwitchIds.includes(f.vswitch_id)) &&
      (!f.status || x.Status === f.status),
  );
}

export function toVpcResults(vpcs: readonly Vpc[]): VpcResult[] {
  return vpcs.map((x) => ({
    id: x.VpcId,
    vpc_id: x.VpcId,
    vpc_name: x.VpcName,
    region_id: x.RegionId,
    creation_time: x.CreationTime,
    cidr_block: x.CidrBlock,
    description: x.Description,
    dhcp_options_set_id: x.DhcpOptionsSetId,
    dhcp_options_set_status: x.DhcpOptionsSetStatus,
    dns_hostname_status: x.DnsHostnameStatus,
    ipv6_cidr_block: x.Ipv6CidrBlock,
    is_default: x.IsDefault,
    resource_group_id: x.ResourceGroupId,
    route_table_id: x.RouteTableIds[0] ?? '',
    router_id: x.VRouterId,
    vrouter_id: x.VRouterId,
    secondary_cidr_blocks: x.SecondaryCidrBlocks,
    status: x.Status,
    tags: x.Tags,
    user_cidrs: x.UserCidrs,
    vswitch_ids: x.VSwitchIds,
  }));
}
