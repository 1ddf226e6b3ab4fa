/**
 * The static zone and instance-type catalogue (documented in SEED.md). It is
 * code, not rows: every account sees the same catalogue, it never changes at
 * run time, and other families (vSwitches, RunInstances) look zones and types
 * up through {@link findZone}, {@link findInstanceType} and {@link isInstanceTypeAvailable}.
 */

export interface InstanceTypeSpec {
  id: string;
  family: string;
  generation: string;
  cpu: number;
  memoryGiB: number;
  category: string;
  level: 'EnterpriseLevel' | 'CreditEntryLevel' | 'EntryLevel';
  processor: string;
  baseGHz: number;
  turboGHz: number;
  /** Kbit/s. */
  bandwidthKbps: number;
  pps: number;
  eni: number;
  ipsPerEni: number;
  /** IPv6 addresses per ENI (0: the type has no IPv6). */
  ipv6PerEni: number;
  nvme: 'required' | 'unsupported';
  /** GPUs, their model as DescribeInstanceTypes `GPUSpec` names it, and GiB of memory per GPU. */
  gpu?: { amount: number; spec: string; memoryGiB: number };
  /** Local disks: category as `LocalStorageCategory`, count, GiB per disk. */
  localStorage?: { category: string; amount: number; capacityGiB: number };
  /** Sold as a spot (preemptible) instance; see {@link hasSpotCapacity}. */
  spot: boolean;
  /** List price per hour (CNY) of a pay-as-you-go instance; see {@link priceOf}. */
  hourlyPrice: number;
  baselineCredit?: number;
  initialCredit?: number;
}

export interface ZoneSpec {
  zoneId: string;
  regionId: string;
  letter: string;
  /** Families sold in this zone. */
  families: readonly string[];
}

interface FamilyDef {
  family: string;
  generation: string;
  category: string;
  /** GiB of memory per vCPU. */
  ratio: number;
  processor: string;
  baseGHz: number;
  turboGHz: number;
  nvme: 'required' | 'unsupported';
  /** False: IPv6 is not offered (older generations). */
  ipv6: boolean;
  spot: boolean;
  /** CNY per vCPU-hour of the family (memory included). */
  cpuHourPrice: number;
  sizes: readonly [suffix: string, cpu: number][];
}

const SIZES: readonly [string, number][] = [
  ['large', 2],
  ['xlarge', 4],
  ['2xlarge', 8],
  ['3xlarge', 12],
  ['4xlarge', 16],
  ['6xlarge', 24],
  ['8xlarge', 32],
];

const FAMILIES: readonly FamilyDef[] = [
  {
    family: 'ecs.sn1ne',
    generation: 'ecs-3',
    category: 'Compute-optimized',
    ratio: 2,
    processor: 'Intel Xeon E5-2682v4 (Broadwell)',
    baseGHz: 2.5,
    turboGHz: 2.9,
    nvme: 'unsupported',
    ipv6: false,
    spot: false,
    cpuHourPrice: 0.17,
    sizes: SIZES,
  },
  {
    family: 'ecs.c6',
    generation: 'ecs-4',
    category: 'Compute-optimized',
    ratio: 2,
    processor: 'Intel Xeon(Cascade Lake) Platinum 8269CY',
    baseGHz: 2.5,
    turboGHz: 3.2,
    nvme: 'unsupported',
    ipv6: true,
    spot: true,
    cpuHourPrice: 0.14,
    sizes: SIZES,
  },
  {
    family: 'ecs.g6',
    generation: 'ecs-4',
    category: 'General-purpose',
    ratio: 4,
    processor: 'Intel Xeon(Cascade Lake) Platinum 8269CY',
    baseGHz: 2.5,
    turboGHz: 3.2,
    nvme: 'unsupported',
    ipv6: true,
    spot: true,
    cpuHourPrice: 0.19,
    sizes: SIZES,
  },
  {
    family: 'ecs.g7',
    generation: 'ecs-5',
    category: 'General-purpose',
    ratio: 4,
    processor: 'Intel Xeon(Ice Lake) Platinum 8369B',
    baseGHz: 2.7,
    turboGHz: 3.5,
    nvme: 'unsupported',
    ipv6: true,
    spot: true,
    cpuHourPrice: 0.21,
    sizes: SIZES.filter(([s]) => s !== '3xlarge'),
  },
  {
    family: 'ecs.g8i',
    generation: 'ecs-6',
    category: 'General-purpose',
    ratio: 4,
    processor: 'Intel Xeon(Sapphire Rapids) Platinum 8475B',
    baseGHz: 2.7,
    turboGHz: 3.2,
    nvme: 'required',
    ipv6: true,
    spot: true,
    cpuHourPrice: 0.23,
    sizes: SIZES.filter(([s]) => s !== '3xlarge'),
  },
];

function build(def: FamilyDef): InstanceTypeSpec[] {
  return def.sizes.map(([suffix, cpu]) => ({
    id: `${def.family}.${suffix}`,
    family: def.family,
    generation: def.generation,
    cpu,
    memoryGiB: cpu * def.ratio,
    category: def.category,
    level: 'EnterpriseLevel',
    processor: def.processor,
    baseGHz: def.baseGHz,
    turboGHz: def.turboGHz,
    bandwidthKbps: (Math.min(cpu, 32) * 1_000_000) / 2,
    pps: cpu * 150_000,
    eni: Math.min(2 + cpu / 2, 8),
    ipsPerEni: Math.min(6 + cpu, 20),
    ipv6PerEni: def.ipv6 ? Math.min(6 + cpu, 20) : 0,
    nvme: def.nvme,
    spot: def.spot,
    hourlyPrice: round4(cpu * def.cpuHourPrice),
  }));
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** GPU-accelerated ecs.gn7i: one NVIDIA A10 (24 GiB) per type: [id, vCPU, GiB, CNY per hour]. */
const GN7I: readonly [string, number, number, number][] = [
  ['ecs.gn7i-c8g1.2xlarge', 8, 30, 9.47],
  ['ecs.gn7i-c16g1.4xlarge', 16, 60, 11.27],
  ['ecs.gn7i-c32g1.8xlarge', 32, 188, 16.55],
];

/** Big-data ecs.d1ne with local HDDs (5500 GiB each): [suffix, vCPU, disks]; 4 GiB per vCPU. */
const D1NE: readonly [string, number, number][] = [
  ['2xlarge', 8, 4],
  ['4xlarge', 16, 8],
  ['6xlarge', 24, 12],
  ['8xlarge', 32, 16],
];

function gpuType([id, cpu, mem, price]: readonly [string, number, number, number]): InstanceTypeSpec {
  return {
    id,
    family: 'ecs.gn7i',
    generation: 'ecs-5',
    cpu,
    memoryGiB: mem,
    category: 'GPU-accelerated',
    level: 'EnterpriseLevel',
    processor: 'Intel Xeon(Ice Lake) Platinum 8369B',
    baseGHz: 2.9,
    turboGHz: 3.5,
    bandwidthKbps: cpu * 1_000_000,
    pps: cpu * 150_000,
    eni: Math.min(2 + cpu / 2, 8),
    ipsPerEni: 10,
    ipv6PerEni: 1,
    nvme: 'unsupported',
    gpu: { amount: 1, spec: 'NVIDIA A10', memoryGiB: 24 },
    spot: true,
    hourlyPrice: price,
  };
}

function bigDataType([suffix, cpu, disks]: readonly [string, number, number]): InstanceTypeSpec {
  return {
    id: `ecs.d1ne.${suffix}`,
    family: 'ecs.d1ne',
    generation: 'ecs-3',
    cpu,
    memoryGiB: cpu * 4,
    category: 'Big data',
    level: 'EnterpriseLevel',
    processor: 'Intel Xeon E5-2682v4 (Broadwell)',
    baseGHz: 2.5,
    turboGHz: 2.9,
    bandwidthKbps: cpu * 750_000,
    pps: cpu * 100_000,
    eni: Math.min(2 + cpu / 2, 8),
    ipsPerEni: 10,
    ipv6PerEni: 0,
    nvme: 'unsupported',
    localStorage: { category: 'local_hdd_pro', amount: disks, capacityGiB: 5500 },
    spot: false,
    hourlyPrice: round4(cpu * 0.36),
  };
}

/** Super computing cluster (SCC) ecs.sccc7: bare metal with a RDMA network, launched into an HPC cluster: [suffix, vCPU]; 2 GiB per vCPU. */
const SCCC7: readonly [string, number][] = [['32xlarge', 128]];

function sccType([suffix, cpu]: readonly [string, number]): InstanceTypeSpec {
  return {
    id: `ecs.sccc7.${suffix}`,
    family: 'ecs.sccc7',
    generation: 'ecs-5',
    cpu,
    memoryGiB: cpu * 2,
    category: 'Super Computing Cluster',
    level: 'EnterpriseLevel',
    processor: 'Intel Xeon(Ice Lake) Platinum 8369B',
    baseGHz: 2.7,
    turboGHz: 3.5,
    bandwidthKbps: 64_000_000,
    pps: 24_000_000,
    eni: 8,
    ipsPerEni: 30,
    ipv6PerEni: 1,
    nvme: 'unsupported',
    spot: false,
    hourlyPrice: round4(cpu * 0.2),
  };
}

/** Burstable t6 types: 2 vCPU with different memory ratios (c<cpu>m<mem>). */
const T6: readonly [string, number, number, number][] = [
  ['ecs.t6-c1m1.large', 2, 2, 10],
  ['ecs.t6-c1m2.large', 2, 4, 10],
  ['ecs.t6-c1m4.large', 2, 8, 10],
  ['ecs.t6-c2m1.large', 2, 1, 10],
  ['ecs.t6-c4m1.large', 2, 0.5, 5],
];

/** Every instance type, sorted by family, then vCPU, then memory (so a family's first id is its smallest size). */
export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = [
  ...FAMILIES.flatMap(build),
  ...GN7I.map(gpuType),
  ...D1NE.map(bigDataType),
  ...SCCC7.map(sccType),
  ...T6.map(([id, cpu, mem, baseline]): InstanceTypeSpec => ({
    id,
    family: 'ecs.t6',
    generation: 'ecs-4',
    cpu,
    memoryGiB: mem,
    category: 'Shared',
    level: 'CreditEntryLevel',
    processor: 'Intel Xeon(Skylake) Platinum 8163',
    baseGHz: 2.5,
    turboGHz: 3.1,
    bandwidthKbps: 100_000,
    pps: 50_000,
    eni: 2,
    ipsPerEni: 2,
    ipv6PerEni: 1,
    nvme: 'unsupported',
    spot: true,
    hourlyPrice: round4(0.03 + mem * 0.035),
    baselineCredit: baseline,
    initialCredit: cpu * 30,
  })),
].sort((a, b) => a.family.localeCompare(b.family) || a.cpu - b.cpu || a.memoryGiB - b.memoryGiB || a.id.localeCompare(b.id));

export const INSTANCE_TYPE_FAMILIES: readonly { id: string; generation: string }[] = [
  ...new Map(INSTANCE_TYPES.map((t) => [t.family, t.generation])),
]
  .map(([id, generation]) => ({ id, generation }))
  .sort((a, b) => a.id.localeCompare(b.id));

const ALL = ['ecs.sn1ne', 'ecs.c6', 'ecs.g6', 'ecs.g7', 'ecs.g8i', 'ecs.t6', 'ecs.gn7i', 'ecs.d1ne', 'ecs.sccc7'];
/** The first (oldest) zone of a region: no ecs.g8i and none of the GPU, big-data or SCC families. */
const NO_G8I = ALL.filter((f) => f !== 'ecs.g8i' && f !== 'ecs.gn7i' && f !== 'ecs.d1ne' && f !== 'ecs.sccc7');

/** Zone letters per region: the first listed (alphabetically smallest) zone is an older one without g8i. */
const REGION_ZONES: Readonly<Record<string, readonly [letter: string, families: readonly string[]][]>> = {
  'cn-hangzhou': [
    ['h', NO_G8I],
    ['i', ALL],
    ['j', ALL],
    ['k', ALL],
  ],
  'cn-beijing': [
    ['h', NO_G8I],
    ['i', ALL],
    ['k', ALL],
  ],
  'cn-shanghai': [
    ['e', NO_G8I],
    ['f', ALL],
    ['g', ALL],
    ['l', ALL],
  ],
  'cn-shenzhen': [
    ['d', NO_G8I],
    ['e', ALL],
    ['f', ALL],
  ],
  'cn-qingdao': [
    ['b', NO_G8I],
    ['c', ALL],
  ],
  'cn-zhangjiakou': [
    ['a', NO_G8I],
    ['b', ALL],
    ['c', ALL],
  ],
  'cn-hongkong': [
    ['b', NO_G8I],
    ['c', ALL],
    ['d', ALL],
  ],
  'ap-southeast-1': [
    ['a', NO_G8I],
    ['b', ALL],
    ['c', ALL],
  ],
  'us-west-1': [
    ['a', NO_G8I],
    ['b', ALL],
  ],
  'us-east-1': [
    ['a', NO_G8I],
    ['b', ALL],
  ],
  'eu-central-1': [
    ['a', NO_G8I],
    ['b', ALL],
  ],
};

/** Zones of a region; a region outside the table (an operator's custom default) gets zones a and b. */
export function zonesOf(regionId: string): ZoneSpec[] {
  const defs = REGION_ZONES[regionId] ?? [
    ['a', NO_G8I],
    ['b', ALL],
  ];
  return defs.map(([letter, families]) => ({ zoneId: `${regionId}-${letter}`, regionId, letter, families }));
}

export function findZone(regionId: string, zoneId: string): ZoneSpec | undefined {
  return zonesOf(regionId).find((z) => z.zoneId === zoneId);
}

export function findInstanceType(id: string): InstanceTypeSpec | undefined {
  return INSTANCE_TYPES.find((t) => t.id === id);
}

/** Instance types sold in a zone, in catalogue order. */
export function instanceTypesInZone(zone: ZoneSpec): InstanceTypeSpec[] {
  return INSTANCE_TYPES.filter((t) => zone.families.includes(t.family));
}

/** True when the type exists and is sold in that zone of the region (RunInstances uses this). */
export function isInstanceTypeAvailable(regionId: string, zoneId: string, instanceTypeId: string): boolean {
  const zone = findZone(regionId, zoneId);
  const type = findInstanceType(instanceTypeId);
  return zone !== undefined && type !== undefined && zone.families.includes(type.family);
}

/**
 * Spot (preemptible) capacity: none in a region's first (oldest) zone, and only for types sold
 * as spot ({@link InstanceTypeSpec.spot}: not the ecs-3 families sn1ne and d1ne).
 */
export function hasSpotCapacity(zone: ZoneSpec, type: InstanceTypeSpec): boolean {
  return type.spot && zonesOf(zone.regionId)[0]!.zoneId !== zone.zoneId;
}

/**
 * List price (CNY) of one instance of the type: per hour for pay-as-you-go (`Hour`), per month
 * (730 hours less 15 %) for subscription (`Month`), per year (12 months less 15 % more) for `Year`.
 */
export function priceOf(type: InstanceTypeSpec, unit: 'Hour' | 'Month' | 'Year'): number {
  const month = type.hourlyPrice * 730 * 0.85;
  return round4(unit === 'Hour' ? type.hourlyPrice : unit === 'Month' ? month : month * 12 * 0.85);
}

export const SYSTEM_DISK_CATEGORIES = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto'] as const;
export const DATA_DISK_CATEGORIES = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto'] as const;
export const RESOURCE_CREATION = ['VSwitch', 'IoOptimized', 'Instance', 'Disk', 'DedicatedHost'] as const;
