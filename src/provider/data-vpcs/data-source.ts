/** `alicloud_vpcs`: DescribeVpcs (every page, or one page with page_number), then the local filters; writes output_file. */
import { defineDataSource } from '../../framework/index.js';
import { describeVpcsPage, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, resultId, tagsToInput, writeOutputFile } from '../common/index.js';
import { VPCS_EXAMPLE } from './example.js';
import { selectVpcs, toVpcResults } from './mapping.js';
import { vpcsSchema } from './schema.js';

export const vpcsDataSource = defineDataSource<typeof vpcsSchema, AlibabaCloudClient>({
  typeName: 'alicloud_vpcs',
  schema: vpcsSchema,
  docs: {
    subcategory: 'VPC',
    availableSince: '1.8.0',
    productDocs: {
      title: 'DescribeVpcs',
      url: 'https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-describevpcs',
    },
    example: VPCS_EXAMPLE,
  },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_vpcs' }, async () => {
      const filter = {
        VpcName: config.vpc_name ?? undefined,
        ResourceGroupId: config.resource_group_id ?? undefined,
        IsDefault: config.is_default ?? undefined,
        DhcpOptionsSetId: config.dhcp_options_set_id ?? undefined,
        VpcOwnerId: config.vpc_owner_id ?? undefined,
        DryRun: config.dry_run ?? undefined,
        Tag: tagsToInput(config.tags),
      };
      const page = await describeVpcsPage(client, filter, config.page_number ?? undefined, config.page_size ?? 50, { signal });
      const vpcs = selectVpcs(page.vpcs, config);
      const ids = vpcs.map((x) => x.VpcId);
      const results = toVpcResults(vpcs);
      writeOutputFile(config.output_file, results);
      return {
        ...config,
        enable_details: config.enable_details ?? true,
        page_size: config.page_size ?? 50,
        id: resultId(ids),
        ids,
        names: vpcs.map((x) => x.VpcName),
        total_count: page.totalCount,
        vpcs: results,
      };
    });
  },
});
