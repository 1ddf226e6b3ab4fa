/** Pure mapping between `alicloud_vpc` state and the VPC API. */
import type { CreateVpcInput, Vpc } from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import type { VpcState } from './schema.js';

type Planned = { [K in keyof VpcState]: VpcState[K] | undefined };

/** A described VPC with its ClassicLink flag (from DescribeVpcAttribute). */
export type RemoteVpc = Vpc & { ClassicLinkEnabled: boolean };

/** The system route table's attributes the resource manages (DescribeRouteTableList). */
export interface SystemRouteTable {
  RouteTableId: string;
  RouteTableName: string;
  Description: string;
  RoutePropagationEnable: boolean;
}

export function toCreateVpcInput(plan: Planned): CreateVpcInput {
  return {
    CidrBlock: plan.cidr_block ?? undefined,
    VpcName: plan.vpc_name ?? plan.name ?? undefined,
    Description: plan.description ?? undefined,
    ResourceGroupId: plan.resource_group_id ?? undefined,
    Tag: tagsToInput(plan.tags),
    UserCidr: plan.user_cidrs && plan.user_cidrs.length > 0 ? plan.user_cidrs : undefined,
    EnableIpv6: plan.enable_ipv6 ?? undefined,
    Ipv6Isp: plan.ipv6_isp ?? undefined,
    Ipv6CidrBlock: plan.ipv6_cidr_block ?? undefined,
    Ipv4IpamPoolId: plan.ipv4_ipam_pool_id ?? undefined,
    Ipv4CidrMask: plan.ipv4_cidr_mask ?? undefined,
    EnableDnsHostname: plan.dns_hostname_status ? plan.dns_hostname_status === 'ENABLED' : undefined,
    DryRun: plan.dry_run ?? undefined,
  };
}

/** The same blocks in any order (the official provider suppresses such diffs of `secondary_cidr_blocks`). */
export function sameBlocks(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  if (!a || !b) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/** Blocks to associate and to unassociate to go from `prior` to `next`. */
export function blockChanges(prior: readonly string[], next: readonly string[]): { add: string[]; remove: string[] } {
  return { add: next.filter((c) => !prior.includes(c)), remove: prior.filter((c) => !next.includes(c)) };
}

/** State from a described VPC and its system route table; `prior` keeps null for optional values the config leaves unset. */
export function fromVpc(vpc: RemoteVpc, table: SystemRouteTable | undefined, prior: Partial<VpcState>): VpcState {
  const routeTableId = table?.RouteTableId ?? vpc.RouteTableIds[0] ?? '';
  const keepNullBool = (remote: boolean, p: boolean | null | undefined) => (!remote && (p === null || p === undefined) ? null : remote);
  return {
    id: vpc.VpcId,
    cidr_block: vpc.CidrBlock,
    vpc_name: vpc.VpcName,
    name: vpc.VpcName,
    description: optionalString(vpc.Description, prior.description),
    resource_group_id: vpc.ResourceGroupId,
    tags: tagsForState(vpc.Tags, prior.tags),
    dry_run: prior.dry_run ?? null,
    is_default: vpc.IsDefault,
    user_cidrs: vpc.UserCidrs,
    secondary_cidr_blocks: sameBlocks(prior.secondary_cidr_blocks, vpc.SecondaryCidrBlocks)
      ? [...prior.secondary_cidr_blocks!]
      : vpc.SecondaryCidrBlocks,
    secondary_cidr_mask: prior.secondary_cidr_mask ?? null,
    enable_ipv6: vpc.EnabledIpv6,
    ipv6_isp: vpc.Ipv6CidrBlocks[0]?.Ipv6Isp ?? prior.ipv6_isp ?? '',
    ipv6_cidr_block: vpc.Ipv6CidrBlock,
    ipv6_cidr_blocks: vpc.Ipv6CidrBlocks.map((b) => ({ ipv6_cidr_block: b.Ipv6CidrBlock, ipv6_isp: b.Ipv6Isp })),
    dns_hostname_status: vpc.DnsHostnameStatus || 'DISABLED',
    classic_link_enabled: keepNullBool(vpc.ClassicLinkEnabled, prior.classic_link_enabled),
    ipv4_ipam_pool_id: prior.ipv4_ipam_pool_id ?? null,
    ipv4_cidr_mask: prior.ipv4_cidr_mask ?? null,
    force_delete: prior.force_delete ?? null,
    system_route_table_name: optionalString(table?.RouteTableName ?? '', prior.system_route_table_name),
    system_route_table_description: optionalString(table?.Description ?? '', prior.system_route_table_description),
    system_route_table_route_propagation_enable: table?.RoutePropagationEnable ?? true,
    status: vpc.Status,
    region_id: vpc.RegionId,
    router_id: vpc.VRouterId,
    route_table_id: routeTableId,
    router_table_id: routeTableId,
    create_time: vpc.CreationTime,
  };
}
