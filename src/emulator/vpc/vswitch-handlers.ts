/**
 * Handlers of CreateVSwitch, CreateDefaultVSwitch, DescribeVSwitches, ModifyVSwitchAttribute and
 * DeleteVSwitch. A vSwitch lives in one zone of the region and one VPC; its
 * CIDR must sit inside the VPC's primary or a secondary block and not overlap its siblings.
 * With IPv6, subnet number N (0-255) gives the vSwitch the N-th /64 of its VPC's /56.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { given, ids, matchesTags, tagPairs } from '../core/input.js';
import type {
  createDefaultVSwitchSpec,
  createVSwitchSpec,
  deleteVSwitchSpec,
  describeVSwitchesSpec,
  modifyVSwitchAttributeSpec,
} from '../../spec/vpc/vswitches.js';
import { pageCounts, paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import { findZone } from '../zones/catalogue.js';
import { availableAddresses, contains, overlaps, parseCidr } from './cidr.js';
import * as repo from './repository.js';
import { findDefaultVpc, inSecondary, instancesUsing, networkStatus } from './vpc-handlers.js';

/** Documented quota of vSwitches per VPC. */
export const MAX_VSWITCHES_PER_VPC = 150;

function mustFindVSwitch(ctx: HandlerContext, id: string): repo.VSwitchRecord {
  const s = repo.findVSwitch(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!s) throw apiError('InvalidVSwitchId.NotFound', `The specified VSwitchId "${id}" does not exist in region ${ctx.regionId}.`);
  return s;
}

/** The /64 with subnet number `n` of the VPC's IPv6 /56; checks that IPv6 is on and the subnet is free. */
function ipv6Subnet(ctx: HandlerContext, vpc: repo.VpcRecord, n: number, self?: string): string {
  if (vpc.ipv6CidrBlock === '')
    throw apiError('OperationFailed.VpcNotEnableIpv6', `IPv6 is not enabled for ${vpc.vpcId}: enable it on the VPC first.`);
  if (!Number.isInteger(n) || n < 0 || n > 255)
    throw apiError('InvalidIpv6CidrBlock.Malformed', `The IPv6 subnet number ${n} is not valid: use 0 to 255.`);
  const groups = vpc.ipv6CidrBlock.split('/')[0]!.split(':');
  const base = parseInt(groups[3] || '0', 16) & 0xff00;
  const block = `${groups.slice(0, 3).join(':')}:${(base + n).toString(16)}::/64`;
  const other = repo
    .listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId)
    .find((sw) => sw.ipv6CidrBlock === block && sw.vSwitchId !== self);
  if (other) throw apiError('InvalidIpv6CidrBlock.Overlapped', `The IPv6 subnet ${block} is used by vSwitch ${other.vSwitchId}.`);
  return block;
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
  if (!contains(parseCidr(vpc.cidrBlock)!, cidr) && !inSecondary(vpc, text)) {
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
    ipv6CidrBlock: input.Ipv6CidrBlock === undefined ? '' : ipv6Subnet(ctx, vpc, input.Ipv6CidrBlock),
  };
  sameVpcIpv6Block(vpc, given(input.VpcIpv6CidrBlock));
  repo.insertVSwitch(ctx.db, s);
  return { VSwitchId: s.vSwitchId };
};

/** `VpcIpv6CidrBlock` picks one of the VPC's IPv6 blocks; an emulated VPC has one. */
function sameVpcIpv6Block(vpc: repo.VpcRecord, block: string | undefined): void {
  if (block !== undefined && block !== vpc.ipv6CidrBlock)
    throw apiError(
      'InvalidParameter',
      `The specified VpcIpv6CidrBlock "${block}" is not an IPv6 block of ${vpc.vpcId} (${vpc.ipv6CidrBlock || 'none'}).`,
    );
}

/** CreateDefaultVSwitch: the first free /20 of the default VPC, in the zone (one default vSwitch per zone). */
export const createDefaultVSwitch: HandlerOf<typeof createDefaultVSwitchSpec> = (ctx, input) => {
  const vpc = findDefaultVpc(ctx);
  if (!vpc) throw apiError('OperationFailed.DefaultVpcNotExist', `Region ${ctx.regionId} has no default VPC: create it first.`);
  if (!findZone(ctx.regionId, input.ZoneId))
    throw apiError('InvalidZoneId.NotFound', `The specified ZoneId "${input.ZoneId}" is not a zone of region ${ctx.regionId}.`);
  const siblings = repo.listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId);
  const same = siblings.find((sw) => sw.isDefault && sw.zoneId === input.ZoneId);
  if (same)
    throw apiError('OperationFailed.DefaultVSwitchExist', `Zone ${input.ZoneId} already has the default vSwitch ${same.vSwitchId}.`);
  const vpcBlock = parseCidr(vpc.cidrBlock)!;
  let cidrBlock: string | undefined;
  for (let base = vpcBlock.base; contains(vpcBlock, { base, mask: 20 }); base += 4096) {
    const candidate = { base, mask: 20 };
    if (siblings.every((sw) => !overlaps(parseCidr(sw.cidrBlock)!, candidate))) {
      cidrBlock = `${base >>> 24}.${(base >>> 16) & 255}.${(base >>> 8) & 255}.0/20`;
      break;
    }
  }
  if (!cidrBlock) throw apiError('QuotaExceeded.VSwitch', `The default VPC ${vpc.vpcId} has no free /20 left.`);
  const s: repo.VSwitchRecord = {
    vSwitchId: ctx.newId('vsw-'),
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    vpcId: vpc.vpcId,
    zoneId: input.ZoneId,
    cidrBlock,
    vSwitchName: '',
    description: '',
    isDefault: true,
    resourceGroupId: vpc.resourceGroupId,
    tags: [],
    clientToken: given(input.ClientToken) ?? null,
    createdAt: ctx.now().getTime(),
    ipv6CidrBlock: input.Ipv6CidrBlock === undefined ? '' : ipv6Subnet(ctx, vpc, input.Ipv6CidrBlock),
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
    Ipv6CidrBlock: s.ipv6CidrBlock ?? '',
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
    EnabledIpv6: Boolean(s.ipv6CidrBlock),
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
        (input.EnableIpv6 === undefined || Boolean(s.ipv6CidrBlock) === input.EnableIpv6) &&
        (routeTableId === undefined || routeTables.get(s.vpcId) === routeTableId) &&
        matchesTags(s.tags, wantTags),
    );
  const page = paginate(all, input);
  return {
    ...pageCounts(page),
    VSwitches: { VSwitch: page.items.map((s) => vswitchView(ctx, s, routeTables.get(s.vpcId) ?? '')) },
  };
};

export const modifyVSwitchAttribute: HandlerOf<typeof modifyVSwitchAttributeSpec> = (ctx, input) => {
  const s = mustFindVSwitch(ctx, input.VSwitchId);
  s.vSwitchName = given(input.VSwitchName) ?? s.vSwitchName;
  s.description = given(input.Description) ?? s.description;
  if (input.EnableIPv6 === false) s.ipv6CidrBlock = '';
  else if (input.EnableIPv6 === true || input.Ipv6CidrBlock !== undefined) {
    if (input.Ipv6CidrBlock === undefined)
      throw apiError('MissingParameter', 'The input parameter "Ipv6CidrBlock" (the IPv6 subnet number) is mandatory when enabling IPv6.');
    const vpc = repo.findVpc(ctx.db, s.accountId, s.regionId, s.vpcId)!;
    sameVpcIpv6Block(vpc, given(input.VpcIpv6CidrBlock));
    s.ipv6CidrBlock = ipv6Subnet(ctx, vpc, input.Ipv6CidrBlock, s.vSwitchId);
  }
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
