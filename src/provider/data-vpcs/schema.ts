/**
 * Schema of data source `alicloud_vpcs`: the region's VPCs (DescribeVpcs, every page), filtered by
 * the API filters and locally by CIDR, vSwitch, status and name regex. Names follow the official provider.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagParam } from '../../spec/vpc/params.js';
import { nameRegexAttribute, tagsAttribute, outputFileWrittenAttribute } from '../common/index.js';

export const VPC_STATUSES = ['Available', 'Pending'] as const;

export const vpcsSchema = defineSchema({
  description: 'VPCs of the region (DescribeVpcs, every page).',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the VPC ids).' }),
    ids: attr.list('string', {
      optional: true,
      computed: true,
      description: 'Only these VPC ids; afterwards, the ids of the matching VPCs.',
    }),
    name_regex: nameRegexAttribute('Only VPCs whose name matches this regular expression.'),
    vpc_name: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only the VPCs with this exact name.' }),
    cidr_block: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only VPCs with this CIDR block.' }),
    vswitch_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only the VPC holding this vSwitch.' }),
    status: attr.string({ optional: true, validators: [v.oneOf(...VPC_STATUSES)], description: 'Only VPCs in this status.' }),
    is_default: attr.bool({ optional: true, description: 'Only the default VPC (true) or only the others (false).' }),
    resource_group_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only VPCs of this resource group.' }),
    dhcp_options_set_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only VPCs with this DHCP options set.' }),
    vpc_owner_id: attr.int({ optional: true, description: 'Only VPCs of this owner account.' }),
    dry_run: attr.bool({ optional: true, description: 'Only check the request (sent as DryRun).' }),
    tags: tagsAttribute(tagParam(), 'Only VPCs carrying all these tags.'),
    enable_details: attr.bool({
      optional: true,
      default: true,
      description: "Also read each VPC's route table and vSwitches (always returned; DescribeVpcs carries them).",
    }),
    page_number: attr.int({ optional: true, validators: [v.range(1)], description: 'Read only this page of DescribeVpcs.' }),
    page_size: attr.int({ optional: true, default: 50, validators: [v.range(1, 50)], description: 'Page size with page_number.' }),
    output_file: outputFileWrittenAttribute,
    names: attr.list('string', { computed: true, description: 'Names of the matching VPCs.' }),
    total_count: attr.int({ computed: true, description: 'How many VPCs the API matched.' }),
    vpcs: attr.listOf(
      {
        id: 'string',
        vpc_id: 'string',
        vpc_name: 'string',
        region_id: 'string',
        creation_time: 'string',
        cidr_block: 'string',
        description: 'string',
        dhcp_options_set_id: 'string',
        dhcp_options_set_status: 'string',
        dns_hostname_status: 'string',
        ipv6_cidr_block: 'string',
        is_default: 'bool',
        resource_group_id: 'string',
        route_table_id: 'string',
        router_id: 'string',
        vrouter_id: 'string',
        secondary_cidr_blocks: ['list', 'string'],
        status: 'string',
        tags: ['map', 'string'],
        user_cidrs: ['list', 'string'],
        vswitch_ids: ['list', 'string'],
      },
      { computed: true, description: 'The matching VPCs.' },
    ),
  },
});

export type VpcsState = StateOf<typeof vpcsSchema>;
export type VpcResult = NonNullable<VpcsState['vpcs']>[number];
