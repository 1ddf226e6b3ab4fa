/**
 * Handlers of DescribeZones, DescribeInstanceTypes, DescribeInstanceTypeFamilies
 * and DescribeAvailableResource, answered from the static catalogue.
 */
import type { Handler } from '../context.js';
import type { ActionInput } from '../../spec/ecs/types.js';
import { list, num, str } from '../core/input.js';
import { pageWindow } from '../core/paging.js';
import * as cat from './catalogue.js';

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

export const describeZones: Handler = (ctx, input) => {
  const verbose = input['Verbose'] !== false;
  const language = str(input, 'AcceptLanguage') ?? 'zh-CN';
  const zones = cat.zonesOf(ctx.regionId).map((z) => {
    const types = cat.instanceTypesInZone(z);
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

function matchesTypeFilters(t: cat.InstanceTypeSpec, input: ActionInput): boolean {
  const one = (name: string, value: string) => {
    const v = str(input, name);
    return v === undefined || v === value;
  };
  const many = (name: string, value: string) => {
    const v = list(input, name);
    return v.length === 0 || v.includes(value);
  };
  const min = (name: string, value: number) => {
    const v = num(input, name);
    return v === undefined || value >= v;
  };
  const max = (name: string, value: number) => {
    const v = num(input, name);
    return v === undefined || value <= v;
  };
  return (
    one('InstanceTypeFamily', t.family) &&
    many('InstanceTypeFamilies', t.family) &&
    many('InstanceTypes', t.id) &&
    one('InstanceCategory', t.category) &&
    many('InstanceCategories', t.category) &&
    one('CpuArchitecture', 'X86') &&
    many('CpuArchitectures', 'X86') &&
    one('InstanceFamilyLevel', t.level) &&
    one('PhysicalProcessorModel', t.processor) &&
    one('NvmeSupport', t.nvme) &&
    str(input, 'GPUSpec') === undefined &&
    min('MinimumGPUAmount', 0) &&
    max('MaximumGPUAmount', 0) &&
    min('MinimumCpuCoreCount', t.cpu) &&
    max('MaximumCpuCoreCount', t.cpu) &&
    min('MinimumMemorySize', t.memoryGiB) &&
    max('MaximumMemorySize', t.memoryGiB) &&
    min('MinimumEniQuantity', t.eni)
  );
}

function typeView(t: cat.InstanceTypeSpec): Record<string, unknown> {
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
    GPUAmount: 0,
    GPUSpec: '',
    GPUMemorySize: 0,
    LocalStorageCategory: '',
    LocalStorageAmount: 0,
    LocalStorageCapacity: 0,
    DiskQuantity: 17,
    InstanceBandwidthRx: t.bandwidthKbps,
    InstanceBandwidthTx: t.bandwidthKbps,
    InstancePpsRx: t.pps,
    InstancePpsTx: t.pps,
    EniQuantity: t.eni,
    EniTotalQuantity: t.eni * 4,
    EniPrivateIpAddressQuantity: t.ipsPerEni,
    EniIpv6AddressQuantity: t.ipsPerEni,
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

export const describeInstanceTypes: Handler = (_ctx, input) => {
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

export const describeInstanceTypeFamilies: Handler = (_ctx, input) => {
  const generation = str(input, 'Generation');
  const families = cat.INSTANCE_TYPE_FAMILIES.filter((f) => generation === undefined || f.generation === generation);
  return { InstanceTypeFamilies: { InstanceTypeFamily: families.map((f) => ({ InstanceTypeFamilyId: f.id, Generation: f.generation })) } };
};

const withStock = { Status: 'Available', StatusCategory: 'WithStock' };

export const describeAvailableResource: Handler = (ctx, input) => {
  const destination = String(input['DestinationResource']);
  const zoneId = str(input, 'ZoneId');
  const typeId = str(input, 'InstanceType');
  const cores = num(input, 'Cores');
  const memory = num(input, 'Memory');
  const systemDisk = str(input, 'SystemDiskCategory');
  const dataDisk = str(input, 'DataDiskCategory');
  if (str(input, 'IoOptimized') === 'none' || str(input, 'NetworkCategory') === 'classic') return { AvailableZones: { AvailableZone: [] } };
  const zones = cat
    .zonesOf(ctx.regionId)
    .filter((z) => zoneId === undefined || z.zoneId === zoneId)
    .flatMap((z) => {
      const types = cat
        .instanceTypesInZone(z)
        .filter(
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
