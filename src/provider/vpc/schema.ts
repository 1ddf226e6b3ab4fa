/**
 * Schema of `alicloud_vpc`: a virtual private cloud. Argument names follow the official provider
 * (`vpc_name`, deprecated alias `name`), so HCL written for it works unchanged.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagParam } from '../../spec/vpc/params.js';
import { tagsAttribute } from '../common/index.js';

const nameValidators = [v.length(1, 128), v.notPrefixedWith('http://', 'https://')];
/** Private IPv4 ranges with a mask of 8 to 28, e.g. `172.16.0.0/12`. */
export const VPC_CIDR = /^(10\.\d{1,3}|172\.(1[6-9]|2\d|3[01])|192\.168)\.\d{1,3}\.\d{1,3}\/([89]|1\d|2[0-8])$/;

export const DNS_HOSTNAME_STATUSES = ['ENABLED', 'DISABLED'] as const;
export const IPV6_ISPS = [
  'BGP',
  'ChinaMobile',
  'ChinaUnicom',
  'ChinaTelecom',
  'ChinaMobile_L2',
  'ChinaUnicom_L2',
  'ChinaTelecom_L2',
] as const;
/** Optional+Computed+ForceNew as upstream: only a configured value that differs replaces the VPC. */
const configured = ({ config }: { config: unknown }) => config !== null;
const IPV4_CIDR = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/;

export const vpcSchema = defineSchema({
  description: 'A VPC (Virtual Private Cloud): an isolated private network in one region.',
  timeouts: { create: '10m', update: '5m', delete: '5m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'VPC id (`vpc-...`).' }),
    cidr_block: attr.string({
      optional: true,
      computed: true,
      validators: [
        v.pattern(VPC_CIDR, 'a private IPv4 CIDR (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 or a subnet of them) with a mask of 8 to 28'),
      ],
      description: 'IPv4 CIDR block of the VPC. If not set, the cloud uses `172.16.0.0/12`. Changing it updates the VPC in place.',
      meta: { ecs: 'CidrBlock' },
    }),
    vpc_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: nameValidators,
      description: 'Name of the VPC.',
      meta: { ecs: 'VpcName' },
    }),
    name: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Use vpc_name instead.',
      conflictsWith: ['vpc_name'],
      validators: nameValidators,
      description: 'Alias of `vpc_name`.',
    }),
    description: attr.string({
      optional: true,
      computed: true,
      validators: [v.length(1, 256), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the VPC.',
      meta: { ecs: 'Description' },
    }),
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description: 'Resource group of the VPC. If not set, the account default group. Changing it moves the VPC.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    tags: tagsAttribute(tagParam(), 'Tags of the VPC.'),
    dry_run: attr.bool({ optional: true, description: 'Only check the create and delete requests (sent as DryRun).' }),
    is_default: attr.bool({
      optional: true,
      computed: true,
      requiresReplace: configured,
      description: "Create the region's default VPC (CreateDefaultVpc, 172.16.0.0/12) instead of an ordinary one.",
    }),
    user_cidrs: attr.list('string', {
      optional: true,
      computed: true,
      requiresReplace: configured,
      validators: [v.count(0, 3, 'user CIDR blocks')],
      elementValidators: [v.pattern(IPV4_CIDR, 'an IPv4 CIDR block such as 106.11.62.0/24')],
      description: 'Up to 3 user CIDR blocks (set at creation only).',
      meta: { ecs: 'UserCidr' },
    }),
    secondary_cidr_blocks: attr.list('string', {
      optional: true,
      computed: true,
      deprecated: 'Use the resource alicloud_vpc_ipv4_cidr_block instead.',
      elementValidators: [v.pattern(VPC_CIDR, 'a private IPv4 CIDR with a mask of 8 to 28')],
      description:
        'Secondary IPv4 blocks (AssociateVpcCidrBlock / UnassociateVpcCidrBlock). The order does not matter: the same blocks in another order plan no change.',
    }),
    secondary_cidr_mask: attr.int({
      optional: true,
      deprecated: 'Use the resource alicloud_vpc_ipv4_cidr_block instead.',
      validators: [v.range(0, 32)],
      description: 'Mask of secondary blocks allocated from an IPAM pool (sent as SecondaryCidrMask).',
    }),
    enable_ipv6: attr.bool({
      optional: true,
      computed: true,
      description: 'Give the VPC an IPv6 /56 (EnableIpv6 on create, EnableIPv6 of ModifyVpcAttribute later).',
      meta: { ecs: 'EnableIpv6' },
    }),
    ipv6_isp: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Use the resource alicloud_vpc_ipv6_cidr_block instead.',
      validators: [v.oneOf(...IPV6_ISPS)],
      description: 'ISP of the IPv6 block (default `BGP`).',
      meta: { ecs: 'Ipv6Isp' },
    }),
    ipv6_cidr_block: attr.string({
      optional: true,
      computed: true,
      requiresReplace: configured,
      deprecated: 'Use the resource alicloud_vpc_ipv6_cidr_block instead.',
      description: 'The IPv6 block of the VPC; set it only to ask for a specific block at creation.',
      meta: { ecs: 'Ipv6CidrBlock' },
    }),
    ipv6_cidr_blocks: attr.listOf(
      {
        ipv6_cidr_block: { type: 'string', description: 'IPv6 block.' },
        ipv6_isp: { type: 'string', description: 'ISP of the block.' },
      },
      { computed: true, description: 'The IPv6 blocks of the VPC.' },
    ),
    dns_hostname_status: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...DNS_HOSTNAME_STATUSES)],
      description: 'Whether DNS hostnames are on (`ENABLED`) or off (`DISABLED`, the default).',
      meta: { ecs: 'EnableDnsHostname' },
    }),
    classic_link_enabled: attr.bool({
      optional: true,
      deprecated: 'The ClassicLink feature is deprecated by Alibaba Cloud.',
      description: 'Whether ClassicLink is on (EnableVpcClassicLink / DisableVpcClassicLink).',
    }),
    ipv4_ipam_pool_id: attr.string({
      optional: true,
      validators: [v.nonEmpty()],
      description: 'IPAM pool to allocate the VPC block from (sent as Ipv4IpamPoolId at creation).',
      meta: { ecs: 'Ipv4IpamPoolId' },
    }),
    ipv4_cidr_mask: attr.int({
      optional: true,
      validators: [v.range(8, 28)],
      description: 'Mask of the block allocated from `ipv4_ipam_pool_id` (sent as Ipv4CidrMask at creation).',
      meta: { ecs: 'Ipv4CidrMask' },
    }),
    force_delete: attr.bool({
      optional: true,
      description: 'Delete the VPC together with its vSwitches (sent as ForceDelete on DeleteVpc).',
    }),
    system_route_table_name: attr.string({
      optional: true,
      validators: [v.length(1, 128), v.notPrefixedWith('http://', 'https://')],
      description: 'Name of the system route table (ModifyRouteTableAttributes).',
    }),
    system_route_table_description: attr.string({
      optional: true,
      validators: [v.length(1, 256), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the system route table (ModifyRouteTableAttributes).',
    }),
    system_route_table_route_propagation_enable: attr.bool({
      optional: true,
      computed: true,
      description: 'Whether the system route table accepts propagated routes (default true).',
    }),
    status: attr.string({ computed: true, description: 'Status: `Pending` or `Available`.' }),
    region_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Region of the VPC.' }),
    router_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Id of the VPC router (`vrt-...`).' }),
    route_table_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Id of the system route table (`vtb-...`).' }),
    router_table_id: attr.string({
      computed: true,
      useStateForUnknown: true,
      deprecated: 'Use route_table_id instead.',
      description: 'Alias of `route_table_id`.',
    }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time (ISO 8601).' }),
  },
});

export type VpcState = StateOf<typeof vpcSchema>;
