/** `alicloud_instance_types`: DescribeInstanceTypes (all pages) joined with DescribeZones for availability. */
import { defineDataSource } from '../../framework/index.js';
import { describeAllInstanceTypes, describeZones, type AlibabaCloudClient, type ZoneFilter } from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { resultId } from '../data-zones/mapping.js';
import { filterTypes, sortTypes, toTypeResults, withZones } from './mapping.js';
import { instanceTypesSchema } from './schema.js';

export const instanceTypesDataSource = defineDataSource<typeof instanceTypesSchema, AlibabaCloudClient>({
  schema: instanceTypesSchema,
  docs: { example: 'data "alicloud_instance_types" "default" {\n  instance_type_family = "ecs.sn1ne"\n}' },
  async read({ config, client, diags, signal }) {
    try {
      const [types, zones] = await Promise.all([
        describeAllInstanceTypes(
          client,
          {
            InstanceTypeFamily: config.instance_type_family ?? undefined,
            InstanceTypes: config.instance_type ? [config.instance_type] : undefined,
          },
          { signal },
        ),
        describeZones(
          client,
          { InstanceChargeType: (config.instance_charge_type ?? undefined) as ZoneFilter['InstanceChargeType'] },
          { signal },
        ),
      ]);
      if (config.availability_zone && !zones.some((z) => z.ZoneId === config.availability_zone)) {
        diags.addAttributeError(
          [{ attribute: 'availability_zone' }],
          'Unknown Availability Zone',
          `Zone "${config.availability_zone}" is not a zone of this region; known zones: ${zones.map((z) => z.ZoneId).join(', ')}.`,
        );
        return undefined as never;
      }
      const matched = sortTypes(filterTypes(withZones(types, zones, config.availability_zone), config), config.sorted_by);
      const ids = matched.map((t) => t.InstanceTypeId);
      return {
        ...config,
        instance_charge_type: config.instance_charge_type ?? 'PostPaid',
        id: resultId(ids),
        ids,
        instance_types: toTypeResults(matched),
      };
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Read Instance Types' });
      return undefined as never;
    }
  },
});
