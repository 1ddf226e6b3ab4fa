/**
 * `alicloud_instances`: DescribeInstances with the API filters (every page, or the one asked), then
 * name_regex locally; with `enable_details` (default), DescribeInstanceRamRole for the role names
 * (and the `ram_role_name` filter) and DescribeDisks per instance for its disks.
 */
import { defineDataSource } from '../../framework/index.js';
import { describeInstanceDisks, describeInstances, instanceRamRoles, type AlibabaCloudClient, type Instance } from '../../ecs/index.js';
import { attempt, mapInBatches, resultId, writeOutputFile } from '../common/index.js';
import { describeInstancesFilter, toInstanceResult, type InstanceDetails } from './mapping.js';
import { instancesDataSchema } from './schema.js';

export const instancesDataSource = defineDataSource<typeof instancesDataSchema, AlibabaCloudClient>({
  typeName: 'alicloud_instances',
  schema: instancesDataSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.7.0',
    example: `data "alicloud_instances" "running" {
  status     = "Running"
  name_regex = "^web-"
}

output "running_instance_ids" {
  value = data.alicloud_instances.running.ids
}
`,
  },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_instances' }, async () => {
      const pageSize = config.page_size ?? 100;
      const filter = describeInstancesFilter(config);
      const found: Instance[] = [];
      let total: number;
      for (let page = config.page_number ?? 1; ; page++) {
        const r = await describeInstances(client, { ...filter, PageNumber: page, PageSize: pageSize }, { signal });
        found.push(...r.instances);
        total = r.totalCount;
        if (config.page_number != null || r.instances.length < pageSize || found.length >= total) break;
      }
      const re = config.name_regex ? new RegExp(config.name_regex) : undefined;
      let matched = re ? found.filter((i) => re.test(i.InstanceName)) : found;
      let details: InstanceDetails | undefined;
      if (config.enable_details !== false || config.ram_role_name) {
        const ids = matched.map((i) => i.InstanceId);
        const roles = await instanceRamRoles(client, ids, config.ram_role_name ?? undefined, { signal });
        if (config.ram_role_name) matched = matched.filter((i) => roles.has(i.InstanceId));
        const disks = await mapInBatches(matched, 8, (i) => describeInstanceDisks(client, i.InstanceId, { signal }));
        details = { roles, disks: new Map(matched.map((i, n) => [i.InstanceId, disks[n]!])) };
      }
      const filtered = re !== undefined || config.ram_role_name;
      const instances = matched.map((i) => toInstanceResult(i, details));
      writeOutputFile(config.output_file, instances);
      const ids = instances.map((i) => i.id);
      return {
        ...config,
        enable_details: config.enable_details ?? true,
        page_size: pageSize,
        id: resultId(ids),
        ids,
        names: instances.map((i) => i.name),
        total_count: filtered ? instances.length : total,
        instances,
      };
    });
  },
});
