/** The regions every emulator database starts with. */
import type { RegionRecord } from './repository.js';

const region = (regionId: string, localNameZh: string, localNameEn: string): RegionRecord => ({
  regionId,
  localNameZh,
  localNameEn,
  regionEndpoint: `ecs.${regionId}.aliyuncs.com`,
  status: 'available',
});

export const seedRegions: readonly RegionRecord[] = [
  region('cn-hangzhou', '华东1（杭州）', 'China (Hangzhou)'),
  region('cn-beijing', '华北2（北京）', 'China (Beijing)'),
  region('cn-shanghai', '华东2（上海）', 'China (Shanghai)'),
  region('ap-southeast-1', '新加坡', 'Singapore'),
  region('us-west-1', '美国（硅谷）', 'US (Silicon Valley)'),
  region('eu-central-1', '德国（法兰克福）', 'Germany (Frankfurt)'),
];

/** A region the operator configured as default but that is not in the list above. */
export function customRegion(regionId: string): RegionRecord {
  return region(regionId, regionId, regionId);
}
