/**
 * Default endpoints per product and region, as the official SDKs resolve them when no
 * endpoint is configured: a per-product map of special regions, then the regional rule
 * `<product>.<region>.aliyuncs.com` (ResourceManager and RAM are global; STS is regional, as the Go
 * provider addresses it; SLB is central, `slb.aliyuncs.com`, for its older regions).
 */

/** Products the client can address. Keys match the provider block's `endpoints { ... }`. */
export type ProductKey = 'ecs' | 'vpc' | 'resourcemanager' | 'sts' | 'ram' | 'oss' | 'slb';

/** Special ECS regions from `@alicloud/ecs20140526`'s endpoint map (the rest follow the regional rule). */
const ECS_SPECIAL: Readonly<Record<string, string>> = {
  'cn-hangzhou': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shanghai-finance-1': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shenzhen-finance-1': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-north-2-gov-1': 'ecs.aliyuncs.com',
  'ap-northeast-2-pop': 'ecs.aliyuncs.com',
  'cn-beijing-finance-pop': 'ecs.aliyuncs.com',
  'cn-beijing-gov-1': 'ecs.aliyuncs.com',
  'cn-beijing-nu16-b01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-edge-1': 'ecs.cn-qingdao-nebula.aliyuncs.com',
  'cn-fujian': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-haidian-cm12-c01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-bj-b01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-finance': 'ecs.aliyuncs.com',
  'cn-hangzhou-internal-prod-1': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-internal-test-1': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-internal-test-2': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-internal-test-3': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-test-306': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hongkong-finance-pop': 'ecs.aliyuncs.com',
  'cn-huhehaote-nebula-1': 'ecs.cn-qingdao-nebula.aliyuncs.com',
  'cn-shanghai-et15-b01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shanghai-et2-b01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shanghai-inner': 'ecs.aliyuncs.com',
  'cn-shanghai-internal-test-1': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shenzhen-inner': 'ecs.aliyuncs.com',
  'cn-shenzhen-st4-d01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shenzhen-su18-b01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-wuhan': 'ecs.aliyuncs.com',
  'cn-yushanfang': 'ecs.aliyuncs.com',
  'cn-zhangbei': 'ecs.aliyuncs.com',
  'cn-zhangbei-na61-b01': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-zhangjiakou-na62-a01': 'ecs.cn-zhangjiakou.aliyuncs.com',
  'cn-zhengzhou-nebula-1': 'ecs.cn-qingdao-nebula.aliyuncs.com',
  'eu-west-1-oxs': 'ecs.cn-shenzhen-cloudstone.aliyuncs.com',
  'rus-west-1-pop': 'ecs.aliyuncs.com',
};

/**
 * Regions whose SLB endpoint is not `slb.<region>.aliyuncs.com`, from Alibaba's published SLB
 * endpoint data (there is no `@alicloud/slb20140515` package on npm to read it from).
 */
const SLB_SPECIAL: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'cn-qingdao',
      'cn-beijing',
      'cn-hangzhou',
      'cn-shanghai',
      'cn-shenzhen',
      'cn-hongkong',
      'ap-southeast-1',
      'us-east-1',
      'us-west-1',
      'cn-hangzhou-finance',
      'cn-shanghai-finance-1',
      'cn-shenzhen-finance-1',
      'cn-beijing-finance-1',
      'cn-north-2-gov-1',
      'cn-beijing-gov-1',
      'ap-northeast-2-pop',
      'cn-beijing-finance-pop',
      'cn-hongkong-finance-pop',
      'cn-beijing-nu16-b01',
      'cn-edge-1',
      'cn-fujian',
      'cn-haidian-cm12-c01',
      'cn-hangzhou-bj-b01',
      'cn-hangzhou-internal-prod-1',
      'cn-hangzhou-internal-test-1',
      'cn-hangzhou-internal-test-2',
      'cn-hangzhou-internal-test-3',
      'cn-hangzhou-test-306',
      'cn-shanghai-et15-b01',
      'cn-shanghai-et2-b01',
      'cn-shanghai-inner',
      'cn-shanghai-internal-test-1',
      'cn-shenzhen-inner',
      'cn-shenzhen-st4-d01',
      'cn-shenzhen-su18-b01',
      'cn-wuhan',
      'cn-yushanfang',
      'cn-zhangbei-na61-b01',
      'cn-zhangjiakou-na62-a01',
      'eu-west-1-oxs',
      'rus-west-1-pop',
    ].map((region) => [region, 'slb.aliyuncs.com']),
  ),
  'cn-huhehaote-nebula-1': 'slb-api.cn-qingdao-nebula.aliyuncs.com',
  'cn-zhengzhou-nebula-1': 'slb-api.cn-qingdao-nebula.aliyuncs.com',
};

/** The default host for `product` in `region` (no scheme, no port). */
export function defaultEndpoint(product: ProductKey, region: string): string {
  switch (product) {
    case 'ecs':
      return ECS_SPECIAL[region] ?? `ecs.${region}.aliyuncs.com`;
    case 'vpc':
      return `vpc.${region}.aliyuncs.com`;
    case 'resourcemanager':
      return 'resourcemanager.aliyuncs.com';
    case 'sts':
      return `sts.${region}.aliyuncs.com`;
    case 'ram':
      return 'ram.aliyuncs.com';
    case 'oss':
      return `oss-${region}.aliyuncs.com`;
    case 'slb':
      return SLB_SPECIAL[region] ?? `slb.${region}.aliyuncs.com`;
  }
}

/** Map an action table's `product` (`Ecs`, `Vpc`, `ResourceManager`, `Sts`, `Ram`, `Slb`) to its endpoint key. */
export function productKey(product: string): ProductKey {
  const k = product.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'ecs' || k === 'vpc' || k === 'resourcemanager' || k === 'sts' || k === 'ram' || k === 'slb') return k;
  throw new Error(`unsupported product "${product}" in an action table; supported: Ecs, Vpc, ResourceManager, Sts, Ram, Slb`);
}

/** Label used in messages: `ECS`, `VPC`, `ResourceManager`, `STS`, `RAM`, `SLB`. */
export function productLabel(key: ProductKey): string {
  return key === 'resourcemanager' ? 'ResourceManager' : key.toUpperCase();
}

/** Products whose actions carry no RegionId (account-wide or global services). */
export function isRegionless(key: ProductKey): boolean {
  return key === 'resourcemanager' || key === 'sts' || key === 'ram' || key === 'oss';
}

/** Check an endpoint override: host[:port], no scheme, no path. */
export function checkEndpoint(name: string, value: string): string {
  if (/^[a-z]+:\/\//i.test(value) || value.includes('/')) {
    throw new Error(`endpoints.${name} must be host[:port] without scheme or path (e.g. "127.0.0.1:8080"), got "${value}"`);
  }
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(value) && !/^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(value)) {
    throw new Error(`endpoints.${name} must be host[:port], got "${value}"`);
  }
  return value;
}
