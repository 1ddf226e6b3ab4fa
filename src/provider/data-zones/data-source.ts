/** `alicloud_zones`: one DescribeZones (verbose) call, filtered locally. */
import { defineDataSource } from '../../framework/index.js';
import { describeZones, type AlibabaCloudClient, type ZoneFilter } from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { filterZones, resultId, toZoneResults } from './mapping.js';
import { zonesSchema } from './schema.js';

export const zonesDataSource = defineDataSource<typeof zonesSchema, AlibabaCloudClient>({
  schema: zonesSchema,
  docs: { example: 'data "alicloud_zones" "default" {\n  available_resource_creation = "Instance"\n}' },
  async read({ config, client, diags, signal }) {
    try {
      const zones = filterZones(
        await describeZones(
          client,
          { InstanceChargeType: (config.instance_charge_type ?? undefined) as ZoneFilter['InstanceChargeType'] },
          { signal },
        ),
        config,
      );
      const ids = zones.map((z) => z.ZoneId);
      return {
        ...config,
        multi: config.multi ?? false,
        instance_charge_type: config.instance_charge_type ?? 'PostPaid',
        enable_details: config.enable_details ?? false,
        id: resultId(ids),
        ids,
        zones: toZoneResults(zones),
      };
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Read Zones' });
      return undefined as never;
    }
  },
});
