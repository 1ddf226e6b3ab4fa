/**
 * SLB DescribeAvailableResource (product Slb 2014-05-15): the zone pairs where a load balancer of
 * an address type and IP version can be created, grouped by master zone. There is no official
 * `@alicloud/slb20140515` package on npm; like every call here it goes through openapi-core's
 * generic `callApi`, built from our own table (`src/spec/slb/zones.ts`).
 */
import { describeSlbAvailableResourceSpec } from '../spec/slb/zones.js';
import type { ClientInputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** The filters of SLB DescribeAvailableResource (each optional). */
export type SlbZoneFilter = Pick<ClientInputOf<typeof describeSlbAvailableResourceSpec>, 'AddressType' | 'AddressIPVersion'>;

/** One SLB master zone and its slave zones (sorted, without repeats). */
export interface SlbMasterZone {
  ZoneId: string;
  SlaveZoneIds: string[];
}

/** The master zones offering a load balancer under the filter, in the order SLB first names them, each with its slave zones. */
export async function describeSlbZones(
  client: AlibabaCloudClient,
  filter: SlbZoneFilter = {},
  opts: CallOptions = {},
): Promise<SlbMasterZone[]> {
  const body = await client.call(describeSlbAvailableResourceSpec, filter, opts);
  const slaves = new Map<string, Set<string>>();
  for (const pair of body.AvailableResources.AvailableResource) {
    let set = slaves.get(pair.MasterZoneId);
    if (!set) slaves.set(pair.MasterZoneId, (set = new Set()));
    if (pair.SlaveZoneId) set.add(pair.SlaveZoneId);
  }
  return [...slaves].map(([ZoneId, set]) => ({ ZoneId, SlaveZoneIds: [...set].sort() }));
}
