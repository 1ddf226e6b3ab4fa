/**
 * Handlers of DescribeZones, DescribeInstanceTypes, DescribeInstanceTypeFamilies,
 * DescribeAvailableResource and DescribePrice, answered from the static catalogue.
 */
import { apiError, type HandlerOf } from '../context.js';
import { given, ids } from '../core/input.js';
import { pageWindow } from '../core/paging.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import type {
  describeAvailableResourceSpec,
  describeInstanceTypeFamiliesSpec,
  describeInstanceTypesSpec,
  describePriceSpec,
  describeZonesSpec,
} from '../../spec/ecs/zones.js';
import * as cat from './catalogue.js';

/** A decimal filter given as text (`MinimumMemorySize=1.5`), as a number. */
const decimal = (v: string | undefined): number | undefined => (v === undefined || v === '' ? undefined : Number(v));

const LOCAL_REGION: Readonly<Record<string, [zh: string, en: string]>> = {
  'cn-hangzhou': ['华东 1', 'Hangzhou'],
  'cn-beijing': ['华北 2', 'Beijing'],
  'cn-shanghai': ['华东 2', 'Shanghai'],
  'cn-shenzhen': ['华南 1', 'Shenzhen'],
  'cn-qingdao': ['华北 1', 'Qingdao'],
  'cn-zhangjiakou': ['华北 3', 'Zhangjiakou'],
  'cn-hongkong': ['香港', 'Hong Kong'],
  'ap-southeast-1': ['新加坡', 'Singapore'],
  'us-west-1': ['美国西部 1 (硅谷)', 'US (Silicon Valley)'],
  'us-east-1': ['美国东部 1 (弗吉尼亚)', 'US (Virginia)'],
  'eu-central-1': ['欧洲中部 1 (法兰克福)', 'Germany (Frankfurt)'],
};

function localName(zone: cat.ZoneSpec, language: string): string {
  const [zh, en] = LOCAL_REGION[zone.regionId] ?? [zone.regionId, zone.regionId];
  const letter = zone.letter.toUpperCase();
  return language.startsWith('zh') ? `${zh} 可用区 ${letter}` : `${en} Zone ${letter}`;
}

/** A spot strategy other than NoSpot asks for spot capacity; it counts for pay-as-you-go only (ecs-api.md). */
const wantsSpot = (spot: string | undefined, charge: string | undefined) => spot !== undefined && spot !== 'NoSpot' && charge !== 'PrePaid';

/** The types a zone sells, only those with spot capacity when `spot`. */
const typesOffered = (z: cat.ZoneSpec, spot: boolean) => cat.instanceTypesInZone(z).filter((t) => !spot || cat.hasSpotCapacity(z, t));

export const describeZones: HandlerOf<typeof describeZonesSpec> = (ctx, input) => {
  const verbose = input.Verbose !== false;
  const language = input.AcceptLanguage ?? 'zh-CN';
  const spot = wantsSpot(input.SpotStrategy, input.InstanceChargeType);
  const zones = cat.zonesOf(ctx.regionId).map((z) => {
    const types = typesOffered(z, spot);
    const base = { ZoneId: z.zoneId, LocalName: localName(z, language), ZoneType: 'AvailabilityZone' };
    if (!verbose) return base;
    return {
      ...base,
      AvailableResourceCreation: { ResourceTypes: [...cat.RESOURCE_CREATION] },
      AvailableDiskCategories: { DiskCategories: [...cat.DATA_DISK_CATEGORIES] },
      AvailableVolumeCategories: { VolumeCategories: ['cloud_efficiency', 'cloud_ssd', 'cloud_essd'] },
      AvailableInstanceTypes: { InstanceTypes: types.map((t) => t.id) },
      AvailableDedicatedHostTypes: { DedicatedHostType: [] },
      DedicatedHostGenerations: { DedicatedHostGeneration: [] },
      AvailableResources: {
        ResourcesInfo: [
          {
            IoOptimized: true,
            SystemDiskCategories: { supportedSystemDiskCategory: [...cat.SYSTEM_DISK_CATEGORIES] },
            DataDiskCategories: { supportedDataDiskCategory: [...cat.DATA_DISK_CATEGORIES] },
            NetworkTypes: { supportedNetworkCategory: ['vpc'] },
            InstanceTypes: { supportedInstanceType: types.map((t) => t.id) },
            InstanceTypeFamilies: { supportedInstanceTypeFamily: [...z.families].sort() },
            InstanceGenerations: { supportedInstanceGeneration: [...new Set(types.map((t) => t.generation))].sort() },
          },
        ],
      },
    };
  });
  return { Zones: { Zone: zones } };
};

function matchesTypeFilters(t: cat.InstanceTypeSpec, f: InputOf<typeof describeInstanceTypesSpec>): boolean {
  const one = (v: string | undefined, value: string) => !v || v === value;
  const many = (v: readonly string[] | undefined, value: string) => {
    const wanted = ids(v);
    return wanted.length === 0 || wanted.includes(value);
  };
  const min = (v: number | undefined, value: number) => v === undefined || value >= v;
  const max = (v: number | undefined, value: number) => v === undefined || value <= v;
  return (
    one(f.InstanceTypeFamily, t.family) &&
    many(f.InstanceTypeFamilies, t.family) &&
    many(f.InstanceTypes, t.id) &&
    one(f.InstanceCategory, t.category) &&
    many(f.InstanceCategories, t.category) &&
    one(f.CpuArchitecture, 'X86') &&
    many(f.CpuArchitectures, 'X86') &&
    one(f.InstanceFamilyLevel, t.level) &&
    one(f.PhysicalProcessorModel, t.processor) &&
    one(f.NvmeSupport, t.nvme) &&
    one(f.GPUSpec, t.gpu?.spec ?? '') &&
    many(f.GpuSpecs, t.gpu?.spec ?? '') &&
    one(f.LocalStorageCategory, t.localStorage?.category ?? '') &&
    many(f.LocalStorageCategories, t.localStorage?.category ?? '') &&
    min(f.MinimumLocalStorageAmount, t.localStorage?.amount ?? 0) &&
    min(f.MinimumLocalStorageCapacity, t.localStorage?.capacityGiB ?? 0) &&
    min(f.MinimumGPUAmount, t.gpu?.amount ?? 0) &&
    max(f.MaximumGPUAmount, t.gpu?.amount ?? 0) &&
    min(f.MinimumEniPrivateIpAddressQuantity, t.ipsPerEni) &&
    min(f.MinimumEniIpv6AddressQuantity, t.ipv6PerEni) &&
    min(f.MinimumCpuCoreCount, t.cpu) &&
    max(f.MaximumCpuCoreCount, t.cpu) &&
    min(decimal(f.MinimumMemorySize), t.memoryGiB) &&
    max(decimal(f.MaximumMemorySize), t.memoryGiB) &&
    min(f.MinimumEniQuantity, t.eni)
  );
}

function typeView(t: cat.InstanceTypeSpec) {
  return {
    InstanceTypeId: t.id,
    InstanceTypeFamily: t.family,
    InstanceCategory: t.category,
    InstanceFamilyLevel: t.level,
    CpuCoreCount: t.cpu,
    MemorySize: t.memoryGiB,
    CpuArchitecture: 'X86',
    PhysicalProcessorModel: t.processor,
    CpuSpeedFrequency: t.baseGHz,
    CpuTurboFrequency: t.turboGHz,
    GPUAmount: t.gpu?.amount ?? 0,
    GPUSpec: t.gpu?.spec ?? '',
    GPUMemorySize: t.gpu?.memoryGiB ?? 0,
    LocalStorageCategory: t.localStorage?.category ?? '',
    LocalStorageAmount: t.localStorage?.amount ?? 0,
    LocalStorageCapacity: t.localStorage?.capacityGiB ?? 0,
    DiskQuantity: 17,
    InstanceBandwidthRx: t.bandwidthKbps,
    InstanceBandwidthTx: t.bandwidthKbps,
    InstancePpsRx: t.pps,
    InstancePpsTx: t.pps,
    EniQuantity: t.eni,
    EniTotalQuantity: t.eni * 4,
    EniPrivateIpAddressQuantity: t.ipsPerEni,
    EniIpv6AddressQuantity: t.ipv6PerEni,
    EniTrunkSupported: t.level === 'EnterpriseLevel',
    EriQuantity: 0,
    NvmeSupport: t.nvme,
    NetworkCardQuantity: 1,
    NetworkEncryptionSupport: t.generation >= 'ecs-5',
    JumboFrameSupport: t.generation >= 'ecs-5',
    PrimaryEniQueueNumber: Math.min(t.cpu, 16),
    SecondaryEniQueueNumber: Math.min(t.cpu, 16),
    TotalEniQueueQuantity: Math.min(t.cpu, 16) * t.eni,
    MaximumQueueNumberPerEni: Math.min(t.cpu, 16),
    QueuePairNumber: 0,
    ...(t.baselineCredit !== undefined ? { BaselineCredit: t.baselineCredit, InitialCredit: t.initialCredit } : {}),
    CpuOptions: {
      Core: t.cpu / 2,
      ThreadsPerCore: 2,
      CoreFactor: 2,
      HyperThreadingAdjustable: t.level === 'EnterpriseLevel',
      SupportedTopologyTypes: { SupportedTopologyType: ['ContinuousCoreToHTMapping'] },
    },
    SupportedBootModes: { SupportedBootMode: ['BIOS', 'UEFI'] },
    NetworkCards: { NetworkCardInfo: [{ NetworkCardIndex: 0 }] },
  };
}

export const describeInstanceTypes: HandlerOf<typeof describeInstanceTypesSpec> = (_ctx, input) => {
  const all = cat.INSTANCE_TYPES.filter((t) => matchesTypeFilters(t, input));
  // NextToken is the id of the first type of the next page.
  const w = pageWindow(all.length, input, {
    defaultSize: 250,
    tokens: {
      encode: (offset) => all[offset]!.id,
      decode: (token) => {
        const i = all.findIndex((t) => t.id === token);
        return i < 0 ? undefined : i;
      },
    },
  });
  return { NextToken: w.nextToken, InstanceTypes: { InstanceType: all.slice(w.offset, w.offset + w.limit).map(typeView) } };
};

export const describeInstanceTypeFamilies: HandlerOf<typeof describeInstanceTypeFamiliesSpec> = (_ctx, input) => {
  const generation = given(input.Generation);
  const families = cat.INSTANCE_TYPE_FAMILIES.filter((f) => generation === undefined || f.generation === generation);
  return { InstanceTypeFamilies: { InstanceTypeFamily: families.map((f) => ({ InstanceTypeFamilyId: f.id, Generation: f.generation })) } };
};

const withStock = { Status: 'Available', StatusCategory: 'WithStock' };

export const describeAvailableResource: HandlerOf<typeof describeAvailableResourceSpec> = (ctx, input) => {
  const destination = input.DestinationResource;
  const zoneId = given(input.ZoneId);
  const typeId = given(input.InstanceType);
  const cores = input.Cores;
  const memory = decimal(input.Memory);
  const systemDisk = given(input.SystemDiskCategory);
  const dataDisk = given(input.DataDiskCategory);
  const spot = wantsSpot(given(input.SpotStrategy), given(input.InstanceChargeType));
  // The catalogue has no outdated (non-I/O-optimized) types and no classic network.
  if (input.IoOptimized === 'none' || input.NetworkCategory === 'classic') return { AvailableZones: { AvailableZone: [] } };
  const zones = cat
    .zonesOf(ctx.regionId)
    .filter((z) => zoneId === undefined || z.zoneId === zoneId)
    .flatMap((z) => {
      const types = typesOffered(z, spot).filter(
        (t) =>
          (typeId === undefined || t.id === typeId) &&
          (cores === undefined || t.cpu === cores) &&
          (memory === undefined || t.memoryGiB === memory),
      );
      if (types.length === 0) return [];
      if (systemDisk !== undefined && !(cat.SYSTEM_DISK_CATEGORIES as readonly string[]).includes(systemDisk)) return [];
      if (dataDisk !== undefined && !(cat.DATA_DISK_CATEGORIES as readonly string[]).includes(dataDisk)) return [];
      const supported = (values: readonly string[], extra: Record<string, unknown> = {}) =>
        values.map((Value) => ({ Value, ...withStock, ...extra }));
      const resources: Record<string, Record<string, unknown>[]> = {
        Zone: supported([z.zoneId]),
        IoOptimized: supported(['optimized']),
        InstanceType: supported(types.map((t) => t.id)),
        SystemDisk: supported(systemDisk ? [systemDisk] : cat.SYSTEM_DISK_CATEGORIES, { Min: 20, Max: 2048, Unit: 'GiB' }),
        DataDisk: supported(dataDisk ? [dataDisk] : cat.DATA_DISK_CATEGORIES, { Min: 20, Max: 32768, Unit: 'GiB' }),
        Network: supported(['vpc']),
        ddh: [],
      };
      return [
        {
          RegionId: ctx.regionId,
          ZoneId: z.zoneId,
          ...withStock,
          AvailableResources: {
            AvailableResource: [{ Type: destination, SupportedResources: { SupportedResource: resources[destination] ?? [] } }],
          },
        },
      ];
    });
  return { AvailableZones: { AvailableZone: zones } };
};

/** DescribePrice (ResourceType instance): the catalogue's list price of one instance of the type. */
export const describePrice: HandlerOf<typeof describePriceSpec> = (ctx, input) => {
  const type = cat.findInstanceType(input.InstanceType ?? '');
  if (!type) throw apiError('InvalidInstanceType.ValueNotSupported', `The instance type "${input.InstanceType ?? ''}" is not supported.`);
  const zoneId = given(input.ZoneId);
  if (zoneId !== undefined && !cat.isInstanceTypeAvailable(ctx.regionId, zoneId, type.id))
    throw apiError('InvalidInstanceType.ValueNotSupported', `The instance type "${type.id}" is not sold in zone "${zoneId}".`);
  const unit = input.PriceUnit ?? 'Hour';
  const price = cat.priceOf(type, unit) * (input.Period ?? 1) * (input.Amount ?? 1);
  return { PriceInfo: { Price: { OriginalPrice: price, DiscountPrice: 0, TradePrice: price, Currency: 'CNY' } } };
};
