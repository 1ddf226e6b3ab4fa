/**
 * Handlers of CreateVpc, DescribeVpcs, ModifyVpcAttribute and DeleteVpc.
 * Status is derived from the stored creation time: Pending for the first
 * second, then Available.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { given, ids, matchesTags, tagPairs } from '../core/input.js';
import type { createVpcSpec, deleteVpcSpec, describeVpcsSpec, modifyVpcAttributeSpec } from '../../spec/vpc/vpcs.js';
import { paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { contains, isPrivate, parseCidr } from './cidr.js';
import * as repo from './repository.js';

/** How long a new VPC or vSwitch stays Pending. */
export const PENDING_MS = 1000;

/** Ids of the account's instances attached to a VPC or vSwitch (none when the instances family is not served). */
export function instancesUsing(
  ctx: HandlerContext,
  accountId: number,
  regionId: string,
  where: { vpcId?: string; vSwitchId?: string },
): string[] {
  return ctx.backend.queries.instances?.usingNetwork(ctx.db, accountId, regionId, where) ?? [];
}

export function networkStatus(ctx: HandlerContext, createdAt: number): 'Pending' | 'Available' {
  return ctx.now().getTime() - createdAt < PENDING_MS ? 'Pending' : 'Available';
}

/** Parse a VPC CIDR: private range, mask 8..28. */
function vpcCidr(text: string): string {
  const c = parseCidr(text);
  if (!c)
    throw apiError(
      'InvalidCidrBlock.Malformed',
      `The specified CidrBlock "${text}" is not a valid IPv4 network (a.b.c.d/mask with no host bits set).`,
    );
  if (!isPrivate(c) || c.mask < 8 || c.mask > 28) {
    throw apiError(
      'InvalidCidrBlock.Malformed',
      `The specified CidrBlock "${text}" is not allowed: use 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or a subnet of them with a mask of 8 to 28.`,
    );
  }
  return text;
}

function mustFindVpc(ctx: HandlerContext, vpcId: string): repo.VpcRecord {
  const vpc = repo.findVpc(ctx.db, ctx.account.accountId, ctx.regionId, vpcId);
  if (!vpc) throw apiError('InvalidVpcId.NotFound', `The specified VpcId "${vpcId}" does not exist in region ${ctx.regionId}.`);
  return vpc;
}

export const createVpc: HandlerOf<typeof createVpcSpec> = (ctx, input) => {
  const token = given(input.ClientToken);
  if (token !== undefined) {
    const prior = repo.findVpcByToken(ctx.db, ctx.account.accountId, ctx.regionId, token);
    if (prior)
      return { VpcId: prior.vpcId, VRouterId: prior.vRouterId, RouteTableId: prior.routeTableId, ResourceGroupId: prior.resourceGroupId };
  }
  const cidrBlock = vpcCidr(given(input.CidrBlock) ?? '172.16.0.0/12');
  const resourceGroupId = resolveResourceGroup(ctx, given(input.ResourceGroupId), 'InvalidResourceGroupId.NotFound');
  if (input.DryRun) throw apiError('DryRunOperation');
  const vpc: repo.VpcRecord = {
    vpcId: ctx.newId('vpc-'),
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    vpcName: given(input.VpcName) ?? '',
    description: given(input.Description) ?? '',
    cidrBlock,
    isDefault: false,
    resourceGroupId,
    vRouterId: ctx.newId('vrt-'),
    routeTableId: ctx.newId('vtb-'),
    tags: tagPairs(input.Tag),
    clientToken: token ?? null,
    createdAt: ctx.now().getTime(),
  };
  repo.insertVpc(ctx.db, vpc);
  return { VpcId: vpc.vpcId, VRouterId: vpc.vRouterId, RouteTableId: vpc.routeTableId, ResourceGroupId: vpc.resourceGroupId };
};

function vpcView(ctx: HandlerContext, v: repo.VpcRecord) {
  const vswitchIds = repo.listVSwitches(ctx.db, v.accountId, v.regionId, v.vpcId).map((s) => s.vSwitchId);
  return {
    VpcId: v.vpcId,
    RegionId: v.regionId,
    Status: networkStatus(ctx, v.createdAt),
    VpcName: v.vpcName,
    CreationTime: isoSeconds(v.createdAt),
    CidrBlock: v.cidrBlock,
    Ipv6CidrBlock: '',
    VRouterId: v.vRouterId,
    Description: v.description,
    IsDefault: v.isDefault,
    NetworkAclNum: 0,
    ResourceGroupId: v.resourceGroupId,
    CenStatus: 'Detached',
    OwnerId: v.accountId,
    EnabledIpv6: false,
    DhcpOptionsSetId: '',
    DhcpOptionsSetStatus: '',
    DnsHostnameStatus: 'DISABLED',
    SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
    UserCidrs: { UserCidr: [] },
    NatGatewayIds: { NatGatewayIds: [] },
    RouterTableIds: { RouterTableIds: [v.routeTableId] },
    VSwitchIds: { VSwitchId: vswitchIds },
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
    Tags: { Tag: v.tags.map((t) => ({ Key: t.Key, Value: t.Value })) },
  };
}

export const describeVpcs: HandlerOf<typeof describeVpcsSpec> = (ctx, input) => {
  const vpcIds = ids(input.VpcId);
  const name = given(input.VpcName);
  const rg = given(input.ResourceGroupId);
  const isDefault = input.IsDefault;
  const wantTags = tagPairs(input.Tag);
  const all = repo
    .listVpcs(ctx.db, ctx.account.accountId, ctx.regionId)
    .filter(
      (v) =>
        (vpcIds.length === 0 || vpcIds.includes(v.vpcId)) &&
        (name === undefined || v.vpcName === name) &&
        (rg === undefined || v.resourceGroupId === rg) &&
        (isDefault === undefined || v.isDefault === isDefault) &&
        matchesTags(v.tags, wantTags),
    );
  const page = paginate(all, input);
  return {
    TotalCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    Vpcs: { Vpc: page.items.map((v) => vpcView(ctx, v)) },
  };
};

export const modifyVpcAttribute: HandlerOf<typeof modifyVpcAttributeSpec> = (ctx, input) => {
  const vpc = mustFindVpc(ctx, input.VpcId);
  const cidr = given(input.CidrBlock);
  if (cidr !== undefined && cidr !== vpc.cidrBlock) {
    const next = parseCidr(vpcCidr(cidr))!;
    const vsws = repo.listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId);
    const outside = vsws.find((s) => !contains(next, parseCidr(s.cidrBlock)!));
    if (outside)
      throw apiError(
        'OperationFailed.CidrInUse',
        `The new CidrBlock "${cidr}" does not contain the CIDR block ${outside.cidrBlock} of vSwitch ${outside.vSwitchId}.`,
      );
    vpc.cidrBlock = cidr;
  }
  vpc.vpcName = given(input.VpcName) ?? vpc.vpcName;
  vpc.description = given(input.Description) ?? vpc.description;
  repo.updateVpc(ctx.db, vpc);
  return {};
};

export const deleteVpc: HandlerOf<typeof deleteVpcSpec> = (ctx, input) => {
  const vpc = mustFindVpc(ctx, input.VpcId);
  const { accountId, regionId, vpcId } = vpc;
  const vsws = repo.listVSwitches(ctx.db, accountId, regionId, vpcId);
  if (vsws.length > 0)
    throw apiError(
      'DependencyViolation.VSwitch',
      `The VPC ${vpcId} still contains vSwitches (${vsws.map((s) => s.vSwitchId).join(', ')}); delete them first.`,
    );
  if ((ctx.backend.queries.securityGroups?.countInVpc(ctx.db, accountId, regionId, vpcId) ?? 0) > 0) {
    throw apiError('DependencyViolation.SecurityGroup', `The VPC ${vpcId} still contains security groups; delete them first.`);
  }
  if (instancesUsing(ctx, accountId, regionId, { vpcId }).length > 0) {
    throw apiError('DependencyViolation.Instance', `The VPC ${vpcId} still contains instances; release them first.`);
  }
  if (input.DryRun) throw apiError('DryRunOperation');
  repo.deleteVpc(ctx.db, vpcId);
  return {};
};
