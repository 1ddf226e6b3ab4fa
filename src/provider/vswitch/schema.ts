/**
 * Schema of `alicloud_vswitch`: a subnet of a VPC in one zone. Argument names follow the official
 * provider (`vswitch_name` with deprecated alias `name`, `zone_id` with deprecated alias
 * `availability_zone`).
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagParam } from '../../spec/vpc/params.js';
import { tagsAttribute } from '../common/index.js';

const nameValidators = [v.length(1, 128), v.notPrefixedWith('http://', 'https://')];
/** Optional+Computed+ForceNew as upstream: only a configured value that differs replaces the vSwitch. */
const configured = ({ config }: { config: unknown }) => config !== null;
const CIDR = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/(1[6-9]|2\d)$/;

export const vswitchSchema = defineSchema({
  description: 'A vSwitch: a subnet of a VPC in one availability zone.',
  timeouts: { create: '5m', update: '5m', delete: '10m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'vSwitch id (`vsw-...`).' }),
    vpc_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: configured,
      validators: [v.pattern(/^vpc-[A-Za-z0-9-]+$/, 'a VPC id such as vpc-abc123')],
      description: "VPC the vSwitch belongs to. Required unless `is_default` is true (then the region's default VPC).",
      meta: { ecs: 'VpcId' },
    }),
    cidr_block: attr.string({
      optional: true,
      computed: true,
      requiresReplace: configured,
      validators: [v.pattern(CIDR, 'an IPv4 CIDR inside the VPC block with a mask of 16 to 29')],
      description: 'IPv4 CIDR block of the vSwitch, inside a block of its VPC. Required unless `is_default` is true.',
      meta: { ecs: 'CidrBlock' },
    }),
    is_default: attr.bool({
      optional: true,
      computed: true,
      requiresReplace: configured,
      description: "Create the zone's default vSwitch in the region's default VPC (CreateDefaultVSwitch).",
    }),
    enable_ipv6: attr.bool({
      optional: true,
      computed: true,
      description: "Give the vSwitch an IPv6 /64 of its VPC's block; enabling it on an existing vSwitch needs `ipv6_cidr_block_mask`.",
      meta: { ecs: 'EnableIPv6' },
    }),
    ipv6_cidr_block_mask: attr.int({
      optional: true,
      computed: true,
      validators: [v.range(0, 255)],
      description: "Number (0-255) of the /64 of the VPC's IPv6 /56 the vSwitch takes (sent as Ipv6CidrBlock).",
      meta: { ecs: 'Ipv6CidrBlock' },
    }),
    vpc_ipv6_cidr_block: attr.string({
      optional: true,
      validators: [v.nonEmpty()],
      description: 'Which IPv6 block of the VPC the subnet comes from (sent as VpcIpv6CidrBlock).',
      meta: { ecs: 'VpcIpv6CidrBlock' },
    }),
    ipv6_cidr_block: attr.string({ computed: true, description: 'IPv6 block of the vSwitch (empty while IPv6 is off).' }),
    zone_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      conflictsWith: ['availability_zone'],
      validators: [v.nonEmpty()],
      description: 'Zone of the vSwitch, e.g. `cn-hangzhou-h`.',
      meta: { ecs: 'ZoneId' },
    }),
    availability_zone: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      deprecated: 'Use zone_id instead.',
      conflictsWith: ['zone_id'],
      description: 'Alias of `zone_id`.',
    }),
    vswitch_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: nameValidators,
      description: 'Name of the vSwitch.',
      meta: { ecs: 'VSwitchName' },
    }),
    name: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Use vswitch_name instead.',
      conflictsWith: ['vswitch_name'],
      validators: nameValidators,
      description: 'Alias of `vswitch_name`.',
    }),
    description: attr.string({
      optional: true,
      computed: true,
      validators: [v.length(1, 256), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the vSwitch.',
      meta: { ecs: 'Description' },
    }),
    tags: tagsAttribute(tagParam(), 'Tags of the vSwitch.'),
    status: attr.string({ computed: true, description: 'Status: `Pending` or `Available`.' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time (ISO 8601).' }),
  },
  atLeastOneOf: [['zone_id', 'availability_zone']],
});

export type VSwitchState = StateOf<typeof vswitchSchema>;
