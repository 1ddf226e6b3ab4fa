/** `alicloud_instance_types`: DescribeInstanceTypes (all pages) joined with DescribeZones for availability. */
import { NO_STATE, defineDataSource } from '../../framework/index.js';
import { describeAllInstanceTypes, describeZones, type AlibabaCloudClient, type ZoneFilter } from '../../ecs/index.js';
import { attempt, resultId, writeOutputFile } from '../common/index.js';
import { INSTANCE_TYPES_EXAMPLE } from './example.js';
import { filterTypes, sortTypes, toTypeResults, withZones } from './mapping.js';
import { instanceTypesSchema } from './schema.js';

export const instanceTypesDataSource = defineDataSource<typeof instanceTypesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_instance_types',
  schema: instanceTypesSchema,
  docs: { subcategory: 'ECS', availableSince: '1.0.0', example: INSTANCE_TYPES_EXAMPLE },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_instance_types' }, async () => {
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
        return NO_STATE;
      }
      const matched = sortTypes(filterTypes(withZones(types, zones, config.availability_zone), config), config.sorted_by);
      const ids = matched.map((t) => t.InstanceTypeId);
      writeOutputFile(config.output_file, toTypeResults(matched));
      return {
        ...config,
        instance_charge_type: config.instance_charge_type ?? 'PostPaid',
        id: resultId(ids),
        ids,
        instance_types: toTypeResults(matched),
      };
    });
  },
});
