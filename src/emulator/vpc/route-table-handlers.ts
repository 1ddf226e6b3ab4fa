/**
 * Handlers of DescribeRouteTableList and ModifyRouteTableAttributes: each VPC has exactly one
 * (system) route table, stored on the VPC row; custom route tables are not served.
 */
import type { HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { given, matchesTags, tagPairs } from '../core/input.js';
import { pageCounts, paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import type { describeRouteTableListSpec, modifyRouteTableAttributesSpec } from '../../spec/vpc/route-tables.js';
import * as repo from './repository.js';
import { networkStatus } from './vpc-handlers.js';

export const describeRouteTableList: HandlerOf<typeof describeRouteTableListSpec> = (ctx, input) => {
  const f = {
    vpcId: given(input.VpcId),
    id: given(input.RouteTableId),
    name: given(input.RouteTableName),
    routerId: given(input.RouterId),
    rg: given(input.ResourceGroupId),
  };
  const custom = input.RouteTableType === 'Custom' || input.RouterType === 'VBR';
  const wantTags = tagPairs(input.Tag);
  const all = custom
    ? []
    : repo
        .listVpcs(ctx.db, ctx.account.accountId, ctx.regionId)
        .filter(
          (v) =>
            (f.vpcId === undefined || v.vpcId === f.vpcId) &&
            (f.id === undefined || v.routeTableId === f.id) &&
            (f.name === undefined || v.routeTableName === f.name) &&
            (f.routerId === undefined || v.vRouterId === f.routerId) &&
            (f.rg === undefined || v.resourceGroupId === f.rg) &&
            matchesTags([], wantTags),
        );
  const page = paginate(all, input);
  return {
    ...pageCounts(page),
    RouterTableList: {
      RouterTableListType: page.items.map((v) => ({
        RouteTableId: v.routeTableId,
        RouteTableName: v.routeTableName,
        Description: v.routeTableDescription,
        RouteTableType: 'System',
        RouterId: v.vRouterId,
        RouterType: 'VRouter',
        VpcId: v.vpcId,
        ResourceGroupId: v.resourceGroupId,
        RoutePropagationEnable: v.routePropagationEnable,
        AssociateType: 'VSwitch',
        CreationTime: isoSeconds(v.createdAt),
        OwnerId: v.accountId,
        Status: networkStatus(ctx, v.createdAt),
        Tags: { Tag: [] },
        VSwitchIds: { VSwitchId: repo.listVSwitches(ctx.db, v.accountId, v.regionId, v.vpcId).map((s) => s.vSwitchId) },
      })),
    },
  };
};

export const modifyRouteTableAttributes: HandlerOf<typeof modifyRouteTableAttributesSpec> = (ctx, input) => {
  const vpc = repo.listVpcs(ctx.db, ctx.account.accountId, ctx.regionId).find((v) => v.routeTableId === input.RouteTableId);
  if (!vpc)
    throw apiError(
      'InvalidRouteTableId.NotFound',
      `The specified RouteTableId "${input.RouteTableId}" does not exist in region ${ctx.regionId}.`,
    );
  vpc.routeTableName = given(input.RouteTableName) ?? vpc.routeTableName;
  vpc.routeTableDescription = given(input.Description) ?? vpc.routeTableDescription;
  if (input.RoutePropagationEnable !== undefined) vpc.routePropagationEnable = input.RoutePropagationEnable;
  repo.updateVpc(ctx.db, vpc);
  return {};
};
