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
  nvme: 'required' | 'unsupported';
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
    nvme: def.nvme,
  }));
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
    nvme: 'unsupported',
    baselineCredit: baseline,
    initialCredit: cpu * 30,
  })),
].sort((a, b) => a.family.localeCompare(b.family) || a.cpu - b.cpu || a.memoryGiB - b.memoryGiB || a.id.localeCompare(b.id));

export const INSTANCE_TYPE_FAMILIES: readonly { id: string; generation: string }[] = [
  ...new Map(INSTANCE_TYPES.map((t) => [t.family, t.generation])),
]
  .map(([id, generation]) => ({ id, generation }))
  .sort((a, b) => a.id.localeCompare(b.id));

const ALL = ['ecs.sn1ne', 'ecs.c6', 'ecs.g6', 'ecs.g7', 'ecs.g8i', 'ecs.t6'];
const NO_G8I = ALL.filter((f) => f !== 'ecs.g8i');

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

export const SYSTEM_DISK_CATEGORIES = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto'] as const;
export const DATA_DISK_CATEGORIES = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto'] as const;
export const RESOURCE_CREATION = ['VSwitch', 'IoOptimized', 'Instance', 'Disk', 'DedicatedHost'] as const;
