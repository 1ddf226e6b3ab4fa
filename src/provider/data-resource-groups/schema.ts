/**
 * Schema of data source `alicloud_resource_manager_resource_groups`: the account's resource
 * groups, filtered by id, name regex and status. Names follow the official provider.
 */
import { nameRegexAttribute, outputFileWrittenAttribute } from '../common/index.js';
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';

export const RESOURCE_GROUP_STATUSES = ['Creating', 'Deleted', 'Deleting', 'OK', 'PendingDelete'] as const;

export const resourceGroupsSchema = defineSchema({
  description: 'Resource groups of the account (ResourceManager ListResourceGroups, every page).',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the group ids).' }),
    ids: attr.list('string', {
      optional: true,
      computed: true,
      description: 'Only these group ids; afterwards, the ids of the matching groups.',
    }),
    name_regex: nameRegexAttribute('Only groups whose name matches this regular expression.'),
    status: attr.string({ optional: true, validators: [v.oneOf(...RESOURCE_GROUP_STATUSES)], description: 'Only groups in this status.' }),
    enable_details: attr.bool({
      optional: true,
      default: false,
      description: '`true` also reads each group (GetResourceGroup) for its `region_statuses`.',
    }),
    output_file: outputFileWrittenAttribute,
    names: attr.list('string', { computed: true, description: 'Names of the matching groups.' }),
    groups: attr.listOf(
      {
        id: { type: 'string', description: 'Group id.' },
        resource_group_name: { type: 'string', description: 'Unique name.' },
        name: { type: 'string', description: 'Unique name.' },
        display_name: { type: 'string', description: 'Display name.' },
        status: { type: 'string', description: 'Status.' },
        account_id: { type: 'string', description: 'Owning account id.' },
        region_statuses: {
          type: [
            'list',
            {
              region_id: { type: 'string', description: 'Region id.' },
              status: { type: 'string', description: 'Status of the group in that region.' },
            },
          ],
          description: 'With `enable_details`: the regions the group is available in and its status there (empty otherwise).',
        },
      },
      { computed: true, description: 'The matching groups.' },
    ),
  },
});

/** One element of the `groups` result list. */
export type ResourceGroupResult = NonNullable<ResourceGroupsState['groups']>[number];

export type ResourceGroupsState = StateOf<typeof resourceGroupsSchema>;
