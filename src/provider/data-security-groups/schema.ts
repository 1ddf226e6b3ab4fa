/**
 * Schema of data source `alicloud_security_groups`: the region's security groups
 * (DescribeSecurityGroups, every page), filtered by VPC, group, tags, ids and name regex; with
 * `enable_details` each group's inner access policy too. Names follow the official provider.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { nameRegexAttribute, tagsAttribute, outputFileWrittenAttribute } from '../common/index.js';

export const securityGroupsSchema = defineSchema({
  description: 'Security groups of the region (DescribeSecurityGroups, every page).',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the group ids).' }),
    ids: attr.list('string', {
      optional: true,
      computed: true,
      description: 'Only these group ids; afterwards, the ids of the matching groups.',
    }),
    name_regex: nameRegexAttribute('Only groups whose name matches this regular expression.'),
    vpc_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only groups of this VPC.' }),
    resource_group_id: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Only groups of this resource group.' }),
    tags: tagsAttribute(tagsParam(), 'Only groups carrying all these tags.'),
    enable_details: attr.bool({
      optional: true,
      default: true,
      description: "Also read each group's inner access policy (DescribeSecurityGroupAttribute); without it `inner_access` is false.",
    }),
    page_number: attr.int({ optional: true, validators: [v.range(1)], description: 'Read only this page of DescribeSecurityGroups.' }),
    page_size: attr.int({ optional: true, default: 50, validators: [v.range(1, 50)], description: 'Page size with page_number.' }),
    output_file: outputFileWrittenAttribute,
    names: attr.list('string', { computed: true, description: 'Names of the matching groups.' }),
    total_count: attr.int({ computed: true, description: 'How many groups the API matched.' }),
    groups: attr.listOf(
      {
        id: 'string',
        name: 'string',
        description: 'string',
        vpc_id: 'string',
        resource_group_id: 'string',
        security_group_type: 'string',
        inner_access: 'bool',
        creation_time: 'string',
        tags: ['map', 'string'],
      },
      { computed: true, description: 'The matching groups.' },
    ),
  },
});

export type SecurityGroupsState = StateOf<typeof securityGroupsSchema>;
export type SecurityGroupResult = NonNullable<SecurityGroupsState['groups']>[number];
