/**
 * Schema of data source `alicloud_vswitches`: the region's vSwitches (DescribeVSwitches, every
 * page), filtered by the API filters and locally by CIDR, status and name regex. Names follow the official provider.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagParam } from '../../spec/vpc/params.js';
import { nameRegexAttribute, tagsAttribute, outputFileWrittenAttribute } from '../common/index.js';

export const vswitchesSchema = defineSchema({
  description: 'vSwitches of the region (DescribeVSwitches, every page).',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the vSwitch ids).' }),
    ids: attr.list('string', {
      optional: true,
      computed: true,
      description: 'Only these vSwitch ids; afterwards, the ids of the matching vSwitches.',
    }),
    name_regex: nameRegexAttribute('Only vSwitches whose name matches this regular expression.'),
    vswitch_name: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only the vSwitches with this exact name.' }),
    cidr_block: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only vSwitches with this CIDR block.' }),
    vpc_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only vSwitches of this VPC.' }),
    zone_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only vSwitches in this zone.' }),
    status: attr.string({ optional: true, validators: [v.oneOf('Available', 'Pending')], description: 'Only vSwitches in this status.' }),
    is_default: attr.bool({ optional: true, description: 'Only default vSwitches (true) or only the others (false).' }),
    resource_group_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only vSwitches of this resource group.' }),
    route_table_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only vSwitches bound to this route table.' }),
    vswitch_owner_id: attr.int({ optional: true, description: 'Only vSwitches of this owner account.' }),
    dry_run: attr.bool({ optional: true, description: 'Only check the request (sent as DryRun).' }),
    tags: tagsAttribute(tagParam(), 'Only vSwitches carrying all these tags.'),
    output_file: outputFileWrittenAttribute,
    names: attr.list('string', { computed: true, description: 'Names of the matching vSwitches.' }),
    vswitches: attr.listOf(
      {
        id: 'string',
        vswitch_id: 'string',
        vswitch_name: 'string',
        name: 'string',
        vpc_id: 'string',
        zone_id: 'string',
        cidr_block: 'string',
        ipv6_cidr_block: 'string',
        enable_ipv6: 'bool',
        description: 'string',
        is_default: 'bool',
        resource_group_id: 'string',
        route_table_id: 'string',
        status: 'string',
        creation_time: 'string',
        available_ip_address_count: 'int',
        tags: ['map', 'string'],
      },
      { computed: true, description: 'The matching vSwitches.' },
    ),
  },
});

export type VSwitchesState = StateOf<typeof vswitchesSchema>;
export type VSwitchResult = NonNullable<VSwitchesState['vswitches']>[number];
