/**
 * `alicloud_ecs_key_pairs` / `alicloud_key_pairs`: DescribeKeyPairs (every page) with the API
 * filters, ids and name_regex locally, and one DescribeInstances pass for the instances of each pair.
 */
import { defineDataSource } from '../../framework/index.js';
import { describeInstances, describeKeyPairs, type AlibabaCloudClient, type Instance } from '../../ecs/index.js';
import { attempt, resultId, writeOutputFile } from '../common/index.js';
import { keyPairsDataSchema } from './schema.js';

async function allInstances(client: AlibabaCloudClient, signal: AbortSignal): Promise<Instance[]> {
  const out: Instance[] = [];
  for (let page = 1; ; page++) {
    const r = await describeInstances(client, { PageNumber: page, PageSize: 100 }, { signal });
    out.push(...r.instances);
    if (r.instances.length < 100 || out.length >= r.totalCount) return out;
  }
}

const instanceResult = (i: Instance) => ({
  instance_id: i.InstanceId,
  instance_name: i.InstanceName,
  description: i.Description,
  image_id: i.ImageId,
  region_id: i.RegionId,
  availability_zone: i.ZoneId,
  instance_type: i.InstanceType,
  vswitch_id: i.VpcAttributes.VSwitchId,
  public_ip: i.PublicIpAddress.IpAddress[0] ?? i.EipAddress.IpAddress,
  private_ip: i.VpcAttributes.PrivateIpAddress.IpAddress[0] ?? i.InnerIpAddress.IpAddress[0] ?? '',
  key_name: i.KeyPairName,
  status: i.Status,
});

/** The data source under one of its two type names. */
export function keyPairsDataSource(typeName: 'alicloud_ecs_key_pairs' | 'alicloud_key_pairs') {
  return defineDataSource<typeof keyPairsDataSchema, AlibabaCloudClient>({
    typeName,
    schema: keyPairsDataSchema,
    docs: {
      subcategory: 'ECS',
      availableSince: typeName === 'alicloud_key_pairs' ? '1.0.0' : '1.121.0',
      example: `data "${typeName}" "default" {
  name_regex = "^terraform-"
}

output "first_key_pair" {
  value = data.${typeName}.default.names
}
`,
    },
    async read({ config, client, diags, signal }) {
      return attempt(diags, { summary: `Cannot Read ${typeName}` }, async () => {
        const listed = await describeKeyPairs(
          client,
          {
            KeyPairFingerPrint: config.finger_print ?? undefined,
            ResourceGroupId: config.resource_group_id ?? undefined,
            Tag: Object.entries(config.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
          },
          { signal },
        );
        const wanted = config.ids && config.ids.length > 0 ? new Set(config.ids) : undefined;
        const re = config.name_regex ? new RegExp(config.name_regex) : undefined;
        const pairs = listed.filter((k) => (!wanted || wanted.has(k.KeyPairName)) && (!re || re.test(k.KeyPairName)));
        const users = pairs.length > 0 ? await allInstances(client, signal) : [];
        const results = pairs.map((k) => ({
          id: k.KeyPairName,
          key_pair_name: k.KeyPairName,
          key_name: k.KeyPairName,
          finger_print: k.KeyPairFingerPrint,
          resource_group_id: k.ResourceGroupId,
          tags: Object.fromEntries(k.Tags.Tag.map((t) => [t.TagKey, t.TagValue])),
          instances: users.filter((i) => i.KeyPairName === k.KeyPairName).map(instanceResult),
        }));
        writeOutputFile(config.output_file, results);
        const ids = results.map((p) => p.id);
        return { ...config, id: resultId(ids), ids, names: ids, pairs: results, key_pairs: results };
      });
    },
  });
}

export const ecsKeyPairsDataSource = keyPairsDataSource('alicloud_ecs_key_pairs');
export const keyPairsLegacyDataSource = keyPairsDataSource('alicloud_key_pairs');
