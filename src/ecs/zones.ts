/**
 * ECS catalogue operations: DescribeZones (verbose: resource creation kinds, disk categories,
 * instance types per zone) and DescribeInstanceTypes (every page, NextToken paging).
 */
import { zoneActionSpecs } from '../spec/ecs/zones.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { items, num, obj, str } from './decode.js';
import { strings, vpcSpec } from './vpc.js';

export interface Zone {
  ZoneId: string;
  LocalName: string;
  AvailableResourceCreation: string[];
  AvailableDiskCategories: string[];
  AvailableInstanceTypes: string[];
}

export interface InstanceType {
  InstanceTypeId: string;
  InstanceTypeFamily: string;
  CpuCoreCount: number;
  /** GiB. */
  MemorySize: number;
  GPUAmount: number;
  GPUSpec: string;
  CpuArchitecture: string;
  EniQuantity: number;
  NvmeSupport: string;
  InstanceFamilyLevel: string;
}

export async function describeZones(
  client: AlibabaCloudClient,
  input: { InstanceChargeType?: string; AcceptLanguage?: string } = {},
  opts: CallOptions = {},
): Promise<Zone[]> {
  const body = await client.call(vpcSpec(zoneActionSpecs, 'DescribeZones'), { ...input, Verbose: true }, opts);
  return items(obj(body.Zones), 'Zone').map((z) => ({
    ZoneId: str(z.ZoneId),
    LocalName: str(z.LocalName),
    AvailableResourceCreation: strings(obj(z.AvailableResourceCreation).ResourceTypes),
    AvailableDiskCategories: strings(obj(z.AvailableDiskCategories).DiskCategories),
    AvailableInstanceTypes: strings(obj(z.AvailableInstanceTypes).InstanceTypes),
  }));
}

export interface DescribeInstanceTypesFilter {
  InstanceTypeFamily?: string;
  InstanceTypes?: string[];
  MinimumCpuCoreCount?: number;
  MaximumCpuCoreCount?: number;
  MinimumMemorySize?: string;
  MaximumMemorySize?: string;
  CpuArchitecture?: string;
}

/** Every instance type matching the filter, following NextToken. */
export async function describeAllInstanceTypes(
  client: AlibabaCloudClient,
  filter: DescribeInstanceTypesFilter = {},
  opts: CallOptions = {},
): Promise<InstanceType[]> {
  const out: InstanceType[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const body = await client.call(
      vpcSpec(zoneActionSpecs, 'DescribeInstanceTypes'),
      { ...filter, MaxResults: 1600, NextToken: token },
      opts,
    );
    for (const t of items(obj(body.InstanceTypes), 'InstanceType')) {
      out.push({
        InstanceTypeId: str(t.InstanceTypeId),
        InstanceTypeFamily: str(t.InstanceTypeFamily),
        CpuCoreCount: num(t.CpuCoreCount),
        MemorySize: num(t.MemorySize),
        GPUAmount: num(t.GPUAmount),
        GPUSpec: str(t.GPUSpec),
        CpuArchitecture: str(t.CpuArchitecture),
        EniQuantity: num(t.EniQuantity),
        NvmeSupport: str(t.NvmeSupport),
        InstanceFamilyLevel: str(t.InstanceFamilyLevel),
      });
    }
    token = str(body.NextToken) || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`ECS DescribeInstanceTypes returned the same NextToken twice ("${token}")`);
      seen.add(token);
    }
  } while (token);
  return out;
}
