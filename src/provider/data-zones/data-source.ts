/** `alicloud_zones`: one DescribeZones (verbose) call, filtered locally. */
import { defineDataSource } from '../../framework/index.js';
import { describeZones, type AlibabaCloudClient, type ZoneFilter } from '../../ecs/index.js';
import { attempt, resultId, writeOutputFile } from '../common/index.js';
import { ZONES_EXAMPLE } from './example.js';
import { filterZones, toZoneResults } from './mapping.js';
import { zonesSchema } from './schema.js';

export const zonesDataSource = defineDataSource<typeof zonesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_zones',
  schema: zonesSchema,
  docs: { subcategory: 'ECS', example: ZONES_EXAMPLE },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_zones' }, async () => {
      const zones = filterZones(
        await describeZones(
          client,
          { InstanceChargeType: (config.instance_charge_type ?? undefined) as ZoneFilter['InstanceChargeType'] },
          { signal },
        ),
        config,
      );
      const ids = zones.map((z) => z.ZoneId);
      writeOutputFile(config.output_file, toZoneResults(zones));
      return {
        ...config,
        multi: config.multi ?? false,
        instance_charge_type: config.instance_charge_type ?? 'PostPaid',
        enable_details: config.enable_details ?? false,
        id: resultId(ids),
        ids,
        zones: toZoneResults(zones),
      };
    });
  },
});
