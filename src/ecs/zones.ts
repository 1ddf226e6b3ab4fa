/**
 * ECS catalogue operations: DescribeZones (verbose: resource creation kinds, disk categories,
 * instance types per zone) and DescribeInstanceTypes (every page, NextToken paging). Types come
 * from the tables.
 */
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import { describeInstanceTypesSpec, describeZonesSpec } from '../spec/ecs/zones.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

type RawZone = OutputOf<typeof describeZonesSpec>['Zones']['Zone'][number];

/** One zone of DescribeZones with its capability lists flattened. */
export type Zone = Pick<RawZone, 'ZoneId' | 'LocalName'> & {
  AvailableResourceCreation: string[];
  AvailableDiskCategories: string[];
  AvailableInstanceTypes: string[];
};

/** The fields of one `InstanceTypes.InstanceType` the provider reads (`MemorySize` in GiB). */
export type InstanceType = Pick<
  OutputOf<typeof describeInstanceTypesSpec>['InstanceTypes']['InstanceType'][number],
  | 'InstanceTypeId'
  | 'InstanceTypeFamily'
  | 'CpuCoreCount'
  | 'MemorySize'
  | 'GPUAmount'
  | 'GPUSpec'
  | 'CpuArchitecture'
  | 'EniQuantity'
  | 'NvmeSupport'
  | 'InstanceFamilyLevel'
>;
export type DescribeInstanceTypesFilter = Omit<ClientInputOf<typeof describeInstanceTypesSpec>, 'MaxResults' | 'NextToken'>;

/** The DescribeZones filters the provider sets (`Verbose` is always on). */
export type ZoneFilter = Pick<ClientInputOf<typeof describeZonesSpec>, 'InstanceChargeType' | 'AcceptLanguage'>;

export async function describeZones(client: AlibabaCloudClient, input: ZoneFilter = {}, opts: CallOptions = {}): Promise<Zone[]> {
  const body = await client.call(describeZonesSpec, { ...input, Verbose: true }, opts);
  return body.Zones.Zone.map((z) => ({
    ZoneId: z.ZoneId,
    LocalName: z.LocalName,
    AvailableResourceCreation: z.AvailableResourceCreation.ResourceTypes,
    AvailableDiskCategories: z.AvailableDiskCategories.DiskCategories,
    AvailableInstanceTypes: z.AvailableInstanceTypes.InstanceTypes,
  }));
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
    const body = await client.call(describeInstanceTypesSpec, { ...filter, MaxResults: 1600, NextToken: token }, opts);
    out.push(...body.InstanceTypes.InstanceType);
    token = body.NextToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`ECS DescribeInstanceTypes returned the same NextToken twice ("${token}")`);
      seen.add(token);
    }
  } while (token);
  return out;
}
