/**
 * ECS catalogue operations: DescribeZones (verbose: resource creation kinds, disk categories,
 * instance types per zone) and DescribeInstanceTypes (every page, NextToken paging). Types come
 * from the tables.
 */
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import {
  describeAvailableResourceSpec,
  describeImageSupportInstanceTypesSpec,
  describeInstanceTypesSpec,
  describePriceSpec,
  describeZonesSpec,
} from '../spec/ecs/zones.js';
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
  | 'EniPrivateIpAddressQuantity'
  | 'EniIpv6AddressQuantity'
  | 'PrimaryEniQueueNumber'
  | 'SecondaryEniQueueNumber'
  | 'MaximumQueueNumberPerEni'
  | 'TotalEniQueueQuantity'
  | 'LocalStorageCategory'
  | 'LocalStorageAmount'
  | 'LocalStorageCapacity'
  | 'BaselineCredit'
  | 'InitialCredit'
>;
export type DescribeInstanceTypesFilter = Omit<ClientInputOf<typeof describeInstanceTypesSpec>, 'MaxResults' | 'NextToken'>;

/** The DescribeZones filters the provider sets (`Verbose` is always on). */
export type ZoneFilter = Pick<ClientInputOf<typeof describeZonesSpec>, 'InstanceChargeType' | 'AcceptLanguage' | 'SpotStrategy'>;

/** DescribeAvailableResource input (`DestinationResource` says what is listed per zone). */
export type AvailableResourceFilter = ClientInputOf<typeof describeAvailableResourceSpec>;

/** One zone of DescribeAvailableResource: its status and the values of the destination resource it offers. */
export interface AvailableZone {
  ZoneId: string;
  Status: string;
  /** Values (e.g. instance type ids) with their stock status. */
  Resources: { Value: string; Status: string }[];
}

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

/** DescribeAvailableResource, flattened: per zone, the supported values of the destination resource. */
export async function describeAvailableResource(
  client: AlibabaCloudClient,
  input: AvailableResourceFilter,
  opts: CallOptions = {},
): Promise<AvailableZone[]> {
  const body = await client.call(describeAvailableResourceSpec, input, opts);
  return body.AvailableZones.AvailableZone.map((z) => ({
    ZoneId: z.ZoneId,
    Status: z.Status,
    Resources: z.AvailableResources.AvailableResource.flatMap((r) =>
      r.SupportedResources.SupportedResource.map((s) => ({ Value: s.Value, Status: s.Status })),
    ),
  }));
}

/** Ids of the instance types that can boot the image (DescribeImageSupportInstanceTypes). */
export async function describeImageSupportInstanceTypes(
  client: AlibabaCloudClient,
  imageId: string,
  opts: CallOptions = {},
): Promise<string[]> {
  const body = await client.call(describeImageSupportInstanceTypesSpec, { ImageId: imageId }, opts);
  return body.InstanceTypes.InstanceType.map((t) => t.InstanceTypeId);
}

/** The list price of one instance of the type (DescribePrice, ResourceType instance) per hour or month. */
export async function describeInstanceTypePrice(
  client: AlibabaCloudClient,
  instanceType: string,
  priceUnit: 'Hour' | 'Month',
  opts: CallOptions = {},
): Promise<number> {
  const body = await client.call(describePriceSpec, { ResourceType: 'instance', InstanceType: instanceType, PriceUnit: priceUnit }, opts);
  return body.PriceInfo.Price.OriginalPrice;
}
