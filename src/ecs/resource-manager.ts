/**
 * ResourceManager (2020-03-31) ListResourceGroups, every page, and GetResourceGroup's region statuses. Resource groups are
 * account-wide, so no RegionId is sent. Types come from the table.
 */
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import { getResourceGroupSpec, listResourceGroupsSpec } from '../spec/resource-manager/resource-groups.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** The fields of one `ResourceGroups.ResourceGroup` of ListResourceGroups the provider reads. */
export type ResourceGroup = Pick<
  OutputOf<typeof listResourceGroupsSpec>['ResourceGroups']['ResourceGroup'][number],
  'Id' | 'Name' | 'DisplayName' | 'Status' | 'AccountId' | 'CreateDate'
>;

export async function listAllResourceGroups(
  client: AlibabaCloudClient,
  filter: Pick<ClientInputOf<typeof listResourceGroupsSpec>, 'Status' | 'Name'> = {},
  opts: CallOptions = {},
): Promise<ResourceGroup[]> {
  const all: ResourceGroup[] = [];
  for (let page = 1; ; page++) {
    const body = await client.call(listResourceGroupsSpec, { ...filter, PageNumber: page, PageSize: 100 }, opts);
    const got = body.ResourceGroups.ResourceGroup;
    all.push(...got);
    if (got.length === 0 || all.length >= body.TotalCount) return all;
  }
}

/** One region of a group's GetResourceGroup `RegionStatuses`. */
export interface ResourceGroupRegionStatus {
  RegionId: string;
  Status: string;
}

/** The regions a resource group is available in, with its status there (GetResourceGroup). */
export async function getResourceGroupRegionStatuses(
  client: AlibabaCloudClient,
  id: string,
  opts: CallOptions = {},
): Promise<ResourceGroupRegionStatus[]> {
  const body = await client.call(getResourceGroupSpec, { ResourceGroupId: id }, opts);
  return body.ResourceGroup.RegionStatuses.RegionStatus.map((r) => ({ RegionId: r.RegionId, Status: r.Status }));
}
