/**
 * The static list of Alibaba Cloud region ids the provider accepts without
 * `skip_region_validation` (the official provider's offline check, kept in sync by hand).
 */
export const KNOWN_REGIONS: readonly string[] = [
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-hangzhou',
  'cn-shanghai',
  'cn-nanjing',
  'cn-fuzhou',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-hongkong',
  'cn-wuhan-lr',
  'cn-shanghai-finance-1',
  'cn-shenzhen-finance-1',
  'cn-beijing-finance-1',
  'cn-hangzhou-finance',
  'cn-north-2-gov-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-south-1',
  'us-east-1',
  'us-west-1',
  'eu-west-1',
  'eu-central-1',
  'me-east-1',
  'me-central-1',
  'na-south-1',
  'rus-west-1',
];

/** True when `region` is in {@link KNOWN_REGIONS}. */
export function isKnownRegion(region: string): boolean {
  return KNOWN_REGIONS.includes(region);
}
