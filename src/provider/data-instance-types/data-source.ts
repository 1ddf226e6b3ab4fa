/**
 * `alicloud_instance_types`, as the official provider reads it: DescribeAvailableResource
 * (InstanceType) for the zones offering each type under the zone-level filters, DescribeInstanceTypes
 * (all pages) for the types, DescribeImageSupportInstanceTypes with `image_id`, and DescribePrice per
 * type with `sorted_by = "Price"`.
 */
import { NO_STATE, defineDataSource } from '../../framework/index.js';
import {
  describeAllInstanceTypes,
  describeAvailableResource,
  describeImageSupportInstanceTypes,
  describeInstanceTypePrice,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { attempt, mapInBatches, resultId, writeOutputFile } from '../common/index.js';
import { INSTANCE_TYPES_EXAMPLE } from './example.js';
import { availableResourceInput, filterTypes, instanceTypesInput, sortTypes, toTypeResults, withZones, zonesByType } from './mapping.js';
import { instanceTypesSchema } from './schema.js';

/** DescribePrice calls in flight at once for `sorted_by = "Price"`. */
const PRICE_CONCURRENCY = 8;

export const instanceTypesDataSource = defineDataSource<typeof instanceTypesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_instance_types',
  schema: instanceTypesSchema,
  docs: { subcategory: 'ECS', availableSince: '1.0.0', example: INSTANCE_TYPES_EXAMPLE },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_instance_types' }, async () => {
      const [zones, types, imageTypes] = await Promise.all([
        describeAvailableResource(client, availableResourceInput(config), { signal }),
        describeAllInstanceTypes(client, instanceTypesInput(config), { signal }),
        config.image_id ? describeImageSupportInstanceTypes(client, config.image_id, { signal }).then((ids) => new Set(ids)) : undefined,
      ]);
      const open = zones.filter((z) => z.Status !== 'SoldOut');
      if (open.length === 0) {
        diags.addError(
          'No Zone Offers Instance Types',
          'DescribeAvailableResource lists no zone of this region with instance types for the given is_outdated, network_type, ' +
            'spot_strategy, instance_charge_type, system_disk_category, cpu_core_count and memory_size; relax one of them.',
        );
        return NO_STATE;
      }
      if (config.availability_zone && !open.some((z) => z.ZoneId === config.availability_zone)) {
        diags.addAttributeError(
          [{ attribute: 'availability_zone' }],
          'Unknown Availability Zone',
          `Zone "${config.availability_zone}" offers no instance type for these filters; zones that do: ${open.map((z) => z.ZoneId).join(', ')}.`,
        );
        return NO_STATE;
      }
      let matched = filterTypes(withZones(types, zonesByType(open, config.availability_zone)), config, imageTypes);
      if (config.sorted_by === 'Price') {
        const unit = config.instance_charge_type === 'PrePaid' ? 'Month' : 'Hour';
        matched = await mapInBatches(matched, PRICE_CONCURRENCY, async (t) => ({
          ...t,
          price: await describeInstanceTypePrice(client, t.InstanceTypeId, unit, { signal }),
        }));
      }
      matched = sortTypes(matched, config.sorted_by);
      const ids = matched.map((t) => t.InstanceTypeId);
      writeOutputFile(config.output_file, toTypeResults(matched));
      return {
        ...config,
        instance_charge_type: config.instance_charge_type ?? 'PostPaid',
        spot_strategy: config.spot_strategy ?? 'NoSpot',
        id: resultId(ids),
        ids,
        instance_types: toTypeResults(matched),
      };
    });
  },
});
