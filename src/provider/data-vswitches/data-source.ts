/** `alicloud_vswitches`: DescribeVSwitches (every page) with the API filters, then the local ones; writes output_file. */
import { defineDataSource } from '../../framework/index.js';
import { describeAllVSwitches, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, resultId, tagsToInput, writeOutputFile } from '../common/index.js';
import { VSWITCHES_EXAMPLE } from './example.js';
import { selectVSwitches, toVSwitchResults } from './mapping.js';
import { vswitchesSchema } from './schema.js';

export const vswitchesDataSource = defineDataSource<typeof vswitchesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_vswitches',
  schema: vswitchesSchema,
  docs: {
    subcategory: 'VPC',
    availableSince: '1.53.0',
    productDocs: {
      title: 'DescribeVSwitches',
      url: 'https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-describevswitches',
    },
    example: VSWITCHES_EXAMPLE,
  },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_vswitches' }, async () => {
      const found = await describeAllVSwitches(
        client,
        {
          VpcId: config.vpc_id ?? undefined,
          ZoneId: config.zone_id ?? undefined,
          VSwitchName: config.vswitch_name ?? undefined,
          IsDefault: config.is_default ?? undefined,
          ResourceGroupId: config.resource_group_id ?? undefined,
          RouteTableId: config.route_table_id ?? undefined,
          VSwitchOwnerId: config.vswitch_owner_id ?? undefined,
          DryRun: config.dry_run ?? undefined,
          Tag: tagsToInput(config.tags),
        },
        { signal },
      );
      const selected = selectVSwitches(found, config);
      const ids = selected.map((s) => s.VSwitchId);
      const results = toVSwitchResults(selected);
      writeOutputFile(config.output_file, results);
      return { ...config, id: resultId(ids), ids, names: selected.map((s) => s.VSwitchName), vswitches: results };
    });
  },
});
