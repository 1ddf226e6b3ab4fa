/**
 * `alicloud_resource_manager_resource_groups`: ListResourceGroups (every page), filtered locally by ids,
 * regex and status (`Deleted` is not an API filter value); with `enable_details`, GetResourceGroup per
 * group for its region statuses.
 */
import { defineDataSource } from '../../framework/index.js';
import { getResourceGroupRegionStatuses, listAllResourceGroups, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, mapInBatches, resultId, writeOutputFile } from '../common/index.js';
import { RESOURCE_GROUPS_EXAMPLE } from './example.js';
import { selectGroups, toGroupResults } from './mapping.js';
import { resourceGroupsSchema } from './schema.js';

export const resourceGroupsDataSource = defineDataSource<typeof resourceGroupsSchema, AlibabaCloudClient>({
  typeName: 'alicloud_resource_manager_resource_groups',
  schema: resourceGroupsSchema,
  docs: {
    subcategory: 'Resource Manager',
    availableSince: '1.84.0',
    productDocs: { title: 'Resource Management', url: 'https://www.alibabacloud.com/help/en/resource-management/' },
    example: RESOURCE_GROUPS_EXAMPLE,
  },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_resource_manager_resource_groups' }, async () => {
      const groups = selectGroups(await listAllResourceGroups(client, {}, { signal }), config);
      const ids = groups.map((g) => g.Id);
      const regions = config.enable_details
        ? new Map(
            await mapInBatches(groups, 8, async (g) => [g.Id, await getResourceGroupRegionStatuses(client, g.Id, { signal })] as const),
          )
        : undefined;
      const results = toGroupResults(groups, regions);
      writeOutputFile(config.output_file, results);
      return {
        ...config,
        enable_details: config.enable_details ?? false,
        id: resultId(ids),
        ids,
        names: groups.map((g) => g.Name),
        groups: results,
      };
    });
  },
});
