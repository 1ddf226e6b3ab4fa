/** `alicloud_instances`: DescribeInstances with the API filters (every page, or the one asked), then name_regex locally. */
import { defineDataSource } from '../../framework/index.js';
import { describeInstances, type AlibabaCloudClient, type Instance } from '../../ecs/index.js';
import { attempt, resultId, writeOutputFile } from '../common/index.js';
import { instancesDataSchema } from './schema.js';

function toResult(i: Instance) {
  return {
    id: i.InstanceId,
    region_id: i.RegionId,
    availability_zone: i.ZoneId,
    resource_group_id: i.ResourceGroupId,
    status: i.Status,
    name: i.InstanceName,
    description: i.Description,
    instance_type: i.InstanceType,
    vpc_id: i.VpcAttributes.VpcId,
    vswitch_id: i.VpcAttributes.VSwitchId,
    image_id: i.ImageId,
    private_ip: i.VpcAttributes.PrivateIpAddress.IpAddress[0] ?? i.InnerIpAddress.IpAddress[0] ?? '',
    public_ip: i.PublicIpAddress.IpAddress[0] ?? i.EipAddress.IpAddress,
    eip: i.EipAddress.IpAddress,
    security_groups: i.SecurityGroupIds.SecurityGroupId,
    key_name: i.KeyPairName,
    creation_time: i.CreationTime,
    instance_charge_type: i.InstanceChargeType,
    internet_charge_type: i.InternetChargeType,
    internet_max_bandwidth_out: i.InternetMaxBandwidthOut,
    spot_strategy: i.SpotStrategy,
    tags: Object.fromEntries(i.Tags.Tag.map((t) => [t.TagKey, t.TagValue])),
  };
}

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
      const filter = {
        InstanceIds: config.ids && config.ids.length > 0 ? config.ids : undefined,
        InstanceName: config.instance_name ?? undefined,
        ImageId: config.image_id ?? undefined,
        ResourceGroupId: config.resource_group_id ?? undefined,
        Status: (config.status ?? undefined) as 'Running' | undefined,
        VpcId: config.vpc_id ?? undefined,
        VSwitchId: config.vswitch_id ?? undefined,
        ZoneId: config.availability_zone ?? undefined,
        Tag: Object.entries(config.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      };
      const found: Instance[] = [];
      let total: number;
      for (let page = config.page_number ?? 1; ; page++) {
        const r = await describeInstances(client, { ...filter, PageNumber: page, PageSize: pageSize }, { signal });
        found.push(...r.instances);
        total = r.totalCount;
        if (config.page_number != null || r.instances.length < pageSize || found.length >= total) break;
      }
      const re = config.name_regex ? new RegExp(config.name_regex) : undefined;
      const matched = re ? found.filter((i) => re.test(i.InstanceName)) : found;
      const instances = matched.map(toResult);
      writeOutputFile(config.output_file, instances);
      const ids = instances.map((i) => i.id);
      return {
        ...config,
        enable_details: config.enable_details ?? true,
        page_size: pageSize,
        id: resultId(ids),
        ids,
        names: instances.map((i) => i.name),
        total_count: re ? instances.length : total,
        instances,
      };
    });
  },
});
