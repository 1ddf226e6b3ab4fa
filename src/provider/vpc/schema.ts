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

export const vpcSchema = defineSchema({
  description: 'A VPC (Virtual Private Cloud): an isolated private network in one region.',
  timeouts: { create: '5m', update: '5m', delete: '10m' },
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
    dry_run: attr.bool({ optional: true, description: 'Only check the create request (sent as DryRun on create).' }),
    status: attr.string({ computed: true, description: 'Status: `Pending` or `Available`.' }),
    router_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Id of the VPC router (`vrt-...`).' }),
    route_table_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Id of the system route table (`vtb-...`).' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time (ISO 8601).' }),
  },
});

export type VpcState = StateOf<typeof vpcSchema>;
