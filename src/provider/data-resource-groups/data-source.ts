/** `alicloud_resource_manager_resource_groups`: ListResourceGroups (every page), filtered locally by ids, regex and status (`Deleted` is not an API filter value). */
import { defineDataSource } from '../../framework/index.js';
import { listAllResourceGroups, type AlibabaCloudClient } from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { resultId } from '../data-zones/mapping.js';
import { selectGroups, toGroupResults } from './mapping.js';
import { resourceGroupsSchema } from './schema.js';

export const resourceGroupsDataSource = defineDataSource<typeof resourceGroupsSchema, AlibabaCloudClient>({
  schema: resourceGroupsSchema,
  docs: { example: 'data "alicloud_resource_manager_resource_groups" "default" {}' },
  async read({ config, client, diags, signal }) {
    try {
      const groups = selectGroups(await listAllResourceGroups(client, {}, { signal }), config);
      const ids = groups.map((g) => g.Id);
      return {
        ...config,
        enable_details: config.enable_details ?? false,
        id: resultId(ids),
        ids,
        names: groups.map((g) => g.Name),
        groups: toGroupResults(groups),
      };
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Read Resource Groups' });
      return undefined as never;
    }
  },
});
