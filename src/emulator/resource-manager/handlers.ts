/**
 * Handlers of ResourceManager ListResourceGroups and GetResourceGroup, over the
 * account's groups (the table and its seed belong to resource-groups/).
 */
import type { HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { given, ids } from '../core/input.js';
import { paginate } from '../core/paging.js';
import type { getResourceGroupSpec, listResourceGroupsSpec } from '../../spec/resource-manager/resource-groups.js';
import * as groups from '../resource-groups/repository.js';

const view = (g: groups.ResourceGroupRecord) => ({
  Id: g.id,
  AccountId: String(g.accountId),
  Name: g.name,
  DisplayName: g.displayName,
  Status: g.status,
  CreateDate: g.createDate,
});

export const listResourceGroups: HandlerOf<typeof listResourceGroupsSpec> = (ctx, input) => {
  const id = given(input.ResourceGroupId);
  const wanted = ids(input.ResourceGroupIds);
  const name = given(input.Name);
  const displayName = given(input.DisplayName);
  const status = input.Status;
  const all = groups
    .listResourceGroups(ctx.db, ctx.account.accountId)
    .filter(
      (g) =>
        (id === undefined || g.id === id) &&
        (wanted.length === 0 || wanted.includes(g.id)) &&
        (name === undefined || g.name === name) &&
        (displayName === undefined || g.displayName === displayName) &&
        (status === undefined || g.status === status),
    );
  const page = paginate(all, input);
  return {
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    TotalCount: page.totalCount,
    ResourceGroups: { ResourceGroup: page.items.map((g) => ({ ...view(g), Tags: { Tag: [] } })) },
  };
};

export const getResourceGroup: HandlerOf<typeof getResourceGroupSpec> = (ctx, input) => {
  const id = input.ResourceGroupId;
  const g = groups.findResourceGroup(ctx.db, ctx.account.accountId, id);
  if (!g) throw apiError('EntityNotExist.ResourceGroup', `The resource group "${id}" does not exist in this account.`);
  return {
    ResourceGroup: {
      ...view(g),
      Tags: { Tag: [] },
      RegionStatuses: { RegionStatus: [{ RegionId: ctx.settings.defaultRegionId, Status: g.status }] },
    },
  };
};
