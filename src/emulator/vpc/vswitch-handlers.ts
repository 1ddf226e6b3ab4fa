/**
 * Handlers of CreateVSwitch, DescribeVSwitches, ModifyVSwitchAttribute and
 * DeleteVSwitch. A vSwitch lives in one zone of the region and one VPC; its
 * CIDR must sit inside the VPC's block and not overlap its siblings.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { given, ids, matchesTags, tagPairs } from '../core/input.js';
import type { createVSwitchSpec, deleteVSwitchSpec, describeVSwitchesSpec, modifyVSwitchAttributeSpec } from '../../spec/vpc/vswitches.js';
import { paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import { findZone } from '../zones/catalogue.js';
import { availableAddresses, contains, overlaps, parseCidr } from './cidr.js';
import * as repo from './repository.js';
import { instancesUsing, networkStatus } from './vpc-handlers.js';

/** Documented quota of vSwitches per VPC. */
export const MAX_VSWITCHES_PER_VPC = 150;

function mustFindVSwitch(ctx: HandlerContext, id: string): repo.VSwitchRecord {
  const s = repo.findVSwitch(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!s) throw apiError('InvalidVSwitchId.NotFound', `The specified VSwitchId "${id}" does not exist in region ${ctx.regionId}.`);
  return s;
}

export const createVSwitch: HandlerOf<typeof createVSwitchSpec> = (ctx, input) => {
  const token = given(input.ClientToken);
  if (token !== undefined) {
    const prior = repo.findVSwitchByToken(ctx.db, ctx.account.accountId, ctx.regionId, token);
    if (prior) return { VSwitchId: prior.vSwitchId };
  }
  const vpcId = input.VpcId;
  const vpc = repo.findVpc(ctx.db, ctx.account.accountId, ctx.regionId, vpcId);
  if (!vpc) throw apiError('InvalidVpcId.NotFound', `The specified VpcId "${vpcId}" does not exist in region ${ctx.regionId}.`);
  const zoneId = input.ZoneId;
  if (!findZone(ctx.regionId, zoneId))
    throw apiError('InvalidZoneId.NotFound', `The specified ZoneId "${zoneId}" is not a zone of region ${ctx.regionId}.`);
  const text = input.CidrBlock;
  const cidr = parseCidr(text);
  if (!cidr || cidr.mask < 16 || cidr.mask > 29) {
    throw apiError(
      'InvalidCidrBlock.Malformed',
      `The specified CidrBlock "${text}" is not valid: use an IPv4 network a.b.c.d/mask with a mask of 16 to 29 and no host bits set.`,
    );
  }
  if (!contains(parseCidr(vpc.cidrBlock)!, cidr)) {
    throw apiError(
      'InvalidParameter',
      `The specified CidrBlock "${text}" is not valid in VPC: it must lie inside the VPC CIDR block ${vpc.cidrBlock}.`,
    );
  }
  const siblings = repo.listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId);
  const clash = siblings.find((s) => overlaps(parseCidr(s.cidrBlock)!, cidr));
  if (clash)
    throw apiError(
      'InvalidCidrBlock.Overlapped',
      `The specified CidrBlock "${text}" overlaps ${clash.cidrBlock} of vSwitch ${clash.vSwitchId}.`,
    );
  if (siblings.length >= MAX_VSWITCHES_PER_VPC)
    throw apiError('QuotaExceeded.VSwitch', `A VPC holds at most ${MAX_VSWITCHES_PER_VPC} vSwitches.`);
  const s: repo.VSwitchRecord = {
    vSwitchId: ctx.newId('vsw-'),
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    vpcId,
    zoneId,
    cidrBlock: text,
    vSwitchName: given(input.VSwitchName) ?? '',
    description: given(input.Description) ?? '',
    isDefault: false,
    resourceGroupId: vpc.resourceGroupId,
    tags: tagPairs(input.Tag),
    clientToken: token ?? null,
    createdAt: ctx.now().getTime(),
  };
  repo.insertVSwitch(ctx.db, s);
  return { VSwitchId: s.vSwitchId };
};

function vswitchView(ctx: HandlerContext, s: repo.VSwitchRecord, routeTableId: string) {
  const used = instancesUsing(ctx, s.accountId, s.regionId, { vSwitchId: s.vSwitchId }).length;
  return {
    VSwitchId: s.vSwitchId,
    VpcId: s.vpcId,
    Status: networkStatus(ctx, s.createdAt),
    CidrBlock: s.cidrBlock,
    Ipv6CidrBlock: '',
    ZoneId: s.zoneId,
    AvailableIpAddressCount: Math.max(0, availableAddresses(parseCidr(s.cidrBlock)!) - used),
    Description: s.description,
    VSwitchName: s.vSwitchName,
    CreationTime: isoSeconds(s.createdAt),
    IsDefault: s.isDefault,
    ResourceGroupId: s.resourceGroupId,
    NetworkAclId: '',
    OwnerId: s.accountId,
    ShareType: 'Private',
    EnabledIpv6: false,
    RouteTable: { RouteTableId: routeTableId, RouteTableType: 'System' },
    Tags: { Tag: s.tags.map((t) => ({ Key: t.Key, Value: t.Value })) },
  };
}

export const describeVSwitches: HandlerOf<typeof describeVSwitchesSpec> = (ctx, input) => {
  const vswitchIds = ids(input.VSwitchId);
  const vpcId = given(input.VpcId);
  const name = given(input.VSwitchName);
  const zoneId = given(input.ZoneId);
  const rg = given(input.ResourceGroupId);
  const isDefault = input.IsDefault;
  const routeTableId = given(input.RouteTableId);
  const wantTags = tagPairs(input.Tag);
  const routeTables = new Map(repo.listVpcs(ctx.db, ctx.account.accountId, ctx.regionId).map((v) => [v.vpcId, v.routeTableId]));
  const all = repo
    .listVSwitches(ctx.db, ctx.account.accountId, ctx.regionId, vpcId)
    .filter(
      (s) =>
        (vswitchIds.length === 0 || vswitchIds.includes(s.vSwitchId)) &&
        (name === undefined || s.vSwitchName === name) &&
        (zoneId === undefined || s.zoneId === zoneId) &&
        (rg === undefined || s.resourceGroupId === rg) &&
        (isDefault === undefined || s.isDefault === isDefault) &&
        (routeTableId === undefined || routeTables.get(s.vpcId) === routeTableId) &&
        matchesTags(s.tags, wantTags),
    );
  const page = paginate(all, input);
  return {
    TotalCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    VSwitches: { VSwitch: page.items.map((s) => vswitchView(ctx, s, routeTables.get(s.vpcId) ?? '')) },
  };
};

export const modifyVSwitchAttribute: HandlerOf<typeof modifyVSwitchAttributeSpec> = (ctx, input) => {
  const s = mustFindVSwitch(ctx, input.VSwitchId);
  s.vSwitchName = given(input.VSwitchName) ?? s.vSwitchName;
  s.description = given(input.Description) ?? s.description;
  repo.updateVSwitch(ctx.db, s);
  return {};
};

export const deleteVSwitch: HandlerOf<typeof deleteVSwitchSpec> = (ctx, input) => {
  const s = mustFindVSwitch(ctx, input.VSwitchId);
  const users = instancesUsing(ctx, s.accountId, s.regionId, { vSwitchId: s.vSwitchId });
  if (users.length > 0) {
    throw apiError(
      'DependencyViolation.Instance',
      `The vSwitch ${s.vSwitchId} is still used by instances (${users.join(', ')}); release them first.`,
    );
  }
  if (input.DryRun) throw apiError('DryRunOperation');
  repo.deleteVSwitch(ctx.db, s.vSwitchId);
  return {};
};
