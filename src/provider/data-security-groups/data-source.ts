/** `alicloud_security_groups`: DescribeSecurityGroups with the API filters, the local ones, and per-group details; writes output_file. */
import { defineDataSource } from '../../framework/index.js';
import { describeInnerAccessPolicy, describeSecurityGroupsPage, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, resultId, tagsToInput, writeOutputFile } from '../common/index.js';
import { SECURITY_GROUPS_EXAMPLE } from './example.js';
import { selectSecurityGroups, toSecurityGroupResults } from './mapping.js';
import { securityGroupsSchema } from './schema.js';

export const securityGroupsDataSource = defineDataSource<typeof securityGroupsSchema, AlibabaCloudClient>({
  typeName: 'alicloud_security_groups',
  schema: securityGroupsSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.0.0',
    productDocs: {
      title: 'DescribeSecurityGroups',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-describesecuritygroups',
    },
    example: SECURITY_GROUPS_EXAMPLE,
  },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_security_groups' }, async () => {
      const filter = {
        VpcId: config.vpc_id ?? undefined,
        ResourceGroupId: config.resource_group_id ?? undefined,
        Tag: tagsToInput(config.tags),
      };
      const page = await describeSecurityGroupsPage(client, filter, config.page_number ?? undefined, config.page_size ?? 50, { signal });
      const groups = selectSecurityGroups(page.groups, config);
      const details = config.enable_details ?? true;
      const policies = new Map<string, string>();
      for (const g of details ? groups : [])
        policies.set(g.SecurityGroupId, await describeInnerAccessPolicy(client, g.SecurityGroupId, { signal }));
      const ids = groups.map((g) => g.SecurityGroupId);
      const results = toSecurityGroupResults(groups, policies);
      writeOutputFile(config.output_file, results);
      return {
        ...config,
        enable_details: details,
        page_size: config.page_size ?? 50,
        id: resultId(ids),
        ids,
        names: groups.map((g) => g.SecurityGroupName),
        total_count: page.totalCount,
        groups: results,
      };
    });
  },
});
