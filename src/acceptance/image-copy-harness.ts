/**
 * Shared pieces of the image copy acceptance tests: the source region, 20 destination regions of the
 * emulator's region list, provider blocks (the default, one alias per region, and `other` with the
 * emulator's second account) and HCL for a golden image with one copy per region.
 */
import { SECOND_ACCESS_KEY_ID, SECOND_ACCESS_KEY_SECRET } from '../emulator/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { SEED_SNAPSHOT } from './faults-support.js';

export const SOURCE = 'cn-hangzhou';
/** 20 destination regions of the emulator's region list (the source region is not one of them). */
export const DESTINATIONS = [
  'cn-beijing',
  'cn-shanghai',
  'ap-southeast-1',
  'us-west-1',
  'eu-central-1',
  'cn-qingdao',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-hongkong',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'us-east-1',
  'eu-west-1',
] as const;
export const alias = (region: string) => region.replace(/-/g, '_');

/** Provider blocks: the default (source region), one alias per destination, and `other` (the second account). */
export function providersHcl(endpoint: string, regions: readonly string[]): string {
  return [
    emulatorProviderBlock({ endpoint, region: SOURCE }),
    ...regions.map((r) => emulatorProviderBlock({ endpoint, region: r, extraArguments: { alias: JSON.stringify(alias(r)) } })),
    emulatorProviderBlock({
      endpoint,
      region: SOURCE,
      accessKey: SECOND_ACCESS_KEY_ID,
      secretKey: SECOND_ACCESS_KEY_SECRET,
      extraArguments: { alias: '"other"' },
    }),
  ].join('\n');
}

/** The golden image and one copy per region (destroy deletes the copies' snapshots too). */
export function copiesHcl(regions: readonly string[], timeout = '5m'): string {
  return [
    `resource "alicloud_image" "golden" {
  snapshot_id = "${SEED_SNAPSHOT}"
  image_name  = "golden"
}`,
    ...regions.map(
      (r) => `resource "alicloud_image_copy" "${alias(r)}" {
  provider             = alicloud.${alias(r)}
  source_image_id      = alicloud_image.golden.id
  source_region_id     = "${SOURCE}"
  image_name           = "golden-copy"
  description          = "copy of golden"
  delete_auto_snapshot = true
  tags = {
    pipeline = "golden"
  }
  timeouts {
    create = "${timeout}"
  }
}`,
    ),
  ].join('\n\n');
}
