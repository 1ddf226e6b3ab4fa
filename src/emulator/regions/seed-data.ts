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
  // Enough regions to replicate an image to 20 of them (issue 15).
  region('cn-qingdao', '华北1（青岛）', 'China (Qingdao)'),
  region('cn-zhangjiakou', '华北3（张家口）', 'China (Zhangjiakou)'),
  region('cn-huhehaote', '华北5（呼和浩特）', 'China (Hohhot)'),
  region('cn-wulanchabu', '华北6（乌兰察布）', 'China (Ulanqab)'),
  region('cn-shenzhen', '华南1（深圳）', 'China (Shenzhen)'),
  region('cn-heyuan', '华南2（河源）', 'China (Heyuan)'),
  region('cn-guangzhou', '华南3（广州）', 'China (Guangzhou)'),
  region('cn-chengdu', '西南1（成都）', 'China (Chengdu)'),
  region('cn-hongkong', '中国香港', 'China (Hong Kong)'),
  region('ap-northeast-1', '日本（东京）', 'Japan (Tokyo)'),
  region('ap-northeast-2', '韩国（首尔）', 'South Korea (Seoul)'),
  region('ap-southeast-3', '马来西亚（吉隆坡）', 'Malaysia (Kuala Lumpur)'),
  region('ap-southeast-5', '印度尼西亚（雅加达）', 'Indonesia (Jakarta)'),
  region('ap-southeast-6', '菲律宾（马尼拉）', 'Philippines (Manila)'),
  region('ap-southeast-7', '泰国（曼谷）', 'Thailand (Bangkok)'),
  region('us-east-1', '美国（弗吉尼亚）', 'US (Virginia)'),
  region('eu-west-1', '英国（伦敦）', 'UK (London)'),
  region('me-east-1', '阿联酋（迪拜）', 'UAE (Dubai)'),
];

/** A region the operator configured as default but that is not in the list above. */
export function customRegion(regionId: string): RegionRecord {
  return region(regionId, regionId, regionId);
}
