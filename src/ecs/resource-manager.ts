/**
 * ResourceManager (2020-03-31) ListResourceGroups, every page. Resource groups are
 * account-wide, so no RegionId is sent.
 */
import { resourceGroupActionSpecs } from '../spec/resource-manager/resource-groups.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { items, num, obj, str } from './decode.js';
import { vpcSpec } from './vpc.js';

export interface ResourceGroup {
  Id: string;
  Name: string;
  DisplayName: string;
  /** `Creating`, `OK`, `Deleting`, `PendingDelete`. */
  Status: string;
  AccountId: string;
  CreateDate: string;
}

export async function listAllResourceGroups(
  client: AlibabaCloudClient,
  filter: { Status?: string; Name?: string } = {},
  opts: CallOptions = {},
): Promise<ResourceGroup[]> {
  const all: ResourceGroup[] = [];
  for (let page = 1; ; page++) {
    const body = await client.call(
      vpcSpec(resourceGroupActionSpecs, 'ListResourceGroups'),
      { ...filter, PageNumber: page, PageSize: 100 },
      opts,
    );
    const got = items(obj(body.ResourceGroups), 'ResourceGroup').map((g) => ({
      Id: str(g.Id),
      Name: str(g.Name),
      DisplayName: str(g.DisplayName),
      Status: str(g.Status),
      AccountId: str(g.AccountId),
      CreateDate: str(g.CreateDate),
    }));
    all.push(...got);
    if (got.length === 0 || all.length >= num(body.TotalCount)) return all;
  }
}
