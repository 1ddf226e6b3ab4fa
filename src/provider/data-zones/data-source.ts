/**
 * `alicloud_zones`: DescribeAvailableResource (Zone) for the zones with stock under the charge,
 * spot and network filters, DescribeZones (verbose) for their details, filtered locally, and, when
 * an SLB argument asks for it, SLB DescribeAvailableResource for the master zones and their slaves.
 */
import { NO_STATE, defineDataSource } from '../../framework/index.js';
import { describeAvailableResource, describeSlbZones, describeZones, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, resultId, writeOutputFile } from '../common/index.js';
import { ZONES_EXAMPLE } from './example.js';
import { availableZonesInput, describeZonesInput, filterZones, slbSlaves, slbZonesInput, toZoneResults } from './mapping.js';
import { zonesSchema } from './schema.js';

export const zonesDataSource = defineDataSource<typeof zonesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_zones',
  schema: zonesSchema,
  docs: { subcategory: 'ECS', example: ZONES_EXAMPLE },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_zones' }, async () => {
      const slbInput = slbZonesInput(config);
      const [stocked, all, slbMasters] = await Promise.all([
        describeAvailableResource(client, availableZonesInput(config), { signal }),
        describeZones(client, describeZonesInput(config), { signal }),
        slbInput && describeSlbZones(client, slbInput, { signal }),
      ]);
      const slb = slbMasters && slbSlaves(slbMasters);
      const available = new Set(stocked.filter((z) => z.Status !== 'SoldOut').map((z) => z.ZoneId));
      if (available.size === 0) {
        diags.addError(
          'No Zone Available',
          'DescribeAvailableResource lists no zone of this region for the given instance_charge_type, spot_strategy and network_type; relax one of them.',
        );
        return NO_STATE;
      }
      const zones = filterZones(all, config, available, slb);
      const ids = zones.map((z) => z.ZoneId);
      const results = toZoneResults(zones, slb);
      writeOutputFile(config.output_file, results);
      return {
        ...config,
        multi: config.multi ?? false,
        instance_charge_type: config.instance_charge_type ?? 'PostPaid',
        spot_strategy: config.spot_strategy ?? 'NoSpot',
        enable_details: config.enable_details ?? false,
        id: resultId(ids),
        ids,
        zones: results,
      };
    });
  },
});
