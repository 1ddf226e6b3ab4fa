/**
 * Handlers of CreateVpc, CreateDefaultVpc, DescribeVpcs, ModifyVpcAttribute, DeleteVpc,
 * Associate/UnassociateVpcCidrBlock and Enable/DisableVpcClassicLink.
 * Status is derived from the stored creation time: Pending for the first
 * second, then Available. IPv6 blocks are /56s handed out from a fixed documentation-style
 * prefix; each vSwitch takes a /64 of its VPC's block.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { given, ids, matchesTags, tagPairs } from '../core/input.js';
import type {
  associateVpcCidrBlockSpec,
  createDefaultVpcSpec,
  createVpcSpec,
  deleteVpcSpec,
  describeVpcAttributeSpec,
  describeVpcsSpec,
  disableVpcClassicLinkSpec,
  enableVpcClassicLinkSpec,
  modifyVpcAttributeSpec,
  unassociateVpcCidrBlockSpec,
} from '../../spec/vpc/vpcs.js';
import { pageCounts, paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { contains, isPrivate, overlaps, parseCidr } from './cidr.js';
import * as repo from './repository.js';
import { DEFAULT_VPC_CIDR } from './seed.js';

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

/** ISPs a VPC's IPv6 block may come from (BGP unless stated). */
const IPV6_ISPS = ['BGP', 'ChinaMobile', 'ChinaUnicom', 'ChinaTelecom', 'ChinaMobile_L2', 'ChinaUnicom_L2', 'ChinaTelecom_L2'];

/** A fresh IPv6 /56 for a VPC: the prefix 2408:4005:3ff is fixed, the next 8 bits come from the VPC count. */
function newIpv6Block(ctx: HandlerContext): string {
  const used = new Set(repo.listVpcs(ctx.db, ctx.account.accountId, ctx.regionId).map((v) => v.ipv6CidrBlock));
  for (let i = 1; i < 256; i++) {
    const block = `2408:4005:3ff:${i.toString(16)}00::/56`;
    if (!used.has(block)) return block;
  }
  throw apiError('QuotaExceeded.Vpc', 'No IPv6 /56 is left in this region of the emulator.');
}

function ipv6Isp(text: string | undefined): string {
  const isp = text ?? 'BGP';
  if (!IPV6_ISPS.includes(isp))
    throw apiError('InvalidIpv6Isp.Malformed', `The specified Ipv6Isp "${isp}" is not valid: use one of ${IPV6_ISPS.join(', ')}.`);
  return isp;
}

/** User CIDRs: at most 3 valid IPv4 blocks (any range, unlike the VPC block). */
function userCidrs(list: readonly string[]): string[] {
  for (const c of list)
    if (!parseCidr(c)) throw apiError('InvalidUserCidr.Malformed', `The specified UserCidr "${c}" is not a valid IPv4 CIDR block.`);
  return [...list];
}

function noIpamPool(poolId: string | undefined): void {
  if (poolId !== undefined)
    throw apiError('InvalidIpamPoolId.NotFound', `The specified IPAM pool "${poolId}" does not exist (the emulator serves no IPAM pools).`);
}

/** A new VPC record with every optional field at its zero value. */
function newVpc(
  ctx: HandlerContext,
  fields: Pick<repo.VpcRecord, 'cidrBlock' | 'resourceGroupId'> & Partial<repo.VpcRecord>,
): repo.VpcRecord {
  return {
    vpcId: ctx.newId('vpc-'),
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    vpcName: '',
    description: '',
    isDefault: false,
    vRouterId: ctx.newId('vrt-'),
    routeTableId: ctx.newId('vtb-'),
    tags: [],
    clientToken: null,
    createdAt: ctx.now().getTime(),
    ...repo.VPC_EXTRA_DEFAULTS,
    userCidrs: [],
    secondaryCidrBlocks: [],
    ...fields,
  };
}

/** The region's default VPC, or undefined. */
export function findDefaultVpc(ctx: HandlerContext): repo.VpcRecord | undefined {
  return repo.listVpcs(ctx.db, ctx.account.accountId, ctx.regionId).find((v) => v.isDefault);
}

/** The region's default VPC, created (172.16.0.0/12, default group) when the region has none yet, as ECS does. */
export function ensureDefaultVpc(ctx: HandlerContext): repo.VpcRecord {
  const found = findDefaultVpc(ctx);
  if (found) return found;
  const vpc = newVpc(ctx, {
    cidrBlock: DEFAULT_VPC_CIDR,
    resourceGroupId: resolveResourceGroup(ctx, undefined, 'InvalidResourceGroupId.NotFound'),
    isDefault: true,
    vpcName: 'default',
  });
  repo.insertVpc(ctx.db, vpc);
  return vpc;
}

/** True when the block lies inside one of the VPC's secondary IPv4 blocks. */
export function inSecondary(vpc: repo.VpcRecord, cidr: string): boolean {
  const c = parseCidr(cidr)!;
  return vpc.secondaryCidrBlocks.some((b) => contains(parseCidr(b)!, c));
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
  noIpamPool(given(input.Ipv4IpamPoolId) ?? given(input.Ipv6IpamPoolId));
  const cidrBlock = vpcCidr(given(input.CidrBlock) ?? DEFAULT_VPC_CIDR);
  const resourceGroupId = resolveResourceGroup(ctx, given(input.ResourceGroupId), 'InvalidResourceGroupId.NotFound');
  const users = userCidrs(ids(input.UserCidr));
  const ipv6 = input.EnableIpv6 === true;
  const isp = ipv6 ? ipv6Isp(given(input.Ipv6Isp)) : '';
  if (input.DryRun) throw apiError('DryRunOperation');
  const vpc = newVpc(ctx, {
    vpcName: given(input.VpcName) ?? '',
    description: given(input.Description) ?? '',
    cidrBlock,
    resourceGroupId,
    tags: tagPairs(input.Tag),
    clientToken: token ?? null,
    userCidrs: users,
    dnsHostnameStatus: input.EnableDnsHostname ? 'ENABLED' : 'DISABLED',
    ipv6CidrBlock: ipv6 ? (given(input.Ipv6CidrBlock) ?? newIpv6Block(ctx)) : '',
    ipv6Isp: isp,
  });
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
    Ipv6CidrBlock: v.ipv6CidrBlock,
    VRouterId: v.vRouterId,
    Description: v.description,
    IsDefault: v.isDefault,
    NetworkAclNum: 0,
    ResourceGroupId: v.resourceGroupId,
    CenStatus: 'Detached',
    OwnerId: v.accountId,
    EnabledIpv6: v.ipv6CidrBlock !== '',
    DhcpOptionsSetId: '',
    DhcpOptionsSetStatus: '',
    DnsHostnameStatus: v.dnsHostnameStatus,
    SecondaryCidrBlocks: { SecondaryCidrBlock: v.secondaryCidrBlocks },
    UserCidrs: { UserCidr: v.userCidrs },
    NatGatewayIds: { NatGatewayIds: [] },
    RouterTableIds: { RouterTableIds: [v.routeTableId] },
    VSwitchIds: { VSwitchId: vswitchIds },
    Ipv6CidrBlocks: { Ipv6CidrBlock: v.ipv6CidrBlock ? [{ Ipv6CidrBlock: v.ipv6CidrBlock, Ipv6Isp: v.ipv6Isp }] : [] },
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
        (input.EnableIpv6 === undefined || (v.ipv6CidrBlock !== '') === input.EnableIpv6) &&
        matchesTags(v.tags, wantTags),
    );
  const page = paginate(all, input);
  return {
    ...pageCounts(page),
    Vpcs: { Vpc: page.items.map((v) => vpcView(ctx, v)) },
  };
};

export const describeVpcAttribute: HandlerOf<typeof describeVpcAttributeSpec> = (ctx, input) => {
  const v = mustFindVpc(ctx, input.VpcId);
  const view = vpcView(ctx, v);
  return {
    VpcId: v.vpcId,
    ClassicLinkEnabled: v.classicLinkEnabled,
    Status: view.Status,
    VpcName: v.vpcName,
    CidrBlock: v.cidrBlock,
    RegionId: v.regionId,
  };
};

export const modifyVpcAttribute: HandlerOf<typeof modifyVpcAttributeSpec> = (ctx, input) => {
  const vpc = mustFindVpc(ctx, input.VpcId);
  const cidr = given(input.CidrBlock);
  if (cidr !== undefined && cidr !== vpc.cidrBlock) {
    const next = parseCidr(vpcCidr(cidr))!;
    const vsws = repo.listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId);
    const outside = vsws.find((s) => !contains(next, parseCidr(s.cidrBlock)!) && !inSecondary(vpc, s.cidrBlock));
    if (outside)
      throw apiError(
        'OperationFailed.CidrInUse',
        `The new CidrBlock "${cidr}" does not contain the CIDR block ${outside.cidrBlock} of vSwitch ${outside.vSwitchId}.`,
      );
    vpc.cidrBlock = cidr;
  }
  vpc.vpcName = given(input.VpcName) ?? vpc.vpcName;
  vpc.description = given(input.Description) ?? vpc.description;
  if (input.EnableIPv6 === true && vpc.ipv6CidrBlock === '') {
    vpc.ipv6Isp = ipv6Isp(given(input.Ipv6Isp));
    vpc.ipv6CidrBlock = given(input.Ipv6CidrBlock) ?? newIpv6Block(ctx);
  } else if (input.EnableIPv6 === false && vpc.ipv6CidrBlock !== '') {
    const v6 = repo.listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId).find((sw) => sw.ipv6CidrBlock);
    if (v6) throw apiError('OperationFailed.Ipv6SubnetInUse', `IPv6 cannot be disabled: vSwitch ${v6.vSwitchId} of ${vpc.vpcId} uses it.`);
    vpc.ipv6CidrBlock = '';
    vpc.ipv6Isp = '';
  } else if (given(input.Ipv6Isp) !== undefined && vpc.ipv6CidrBlock !== '') {
    vpc.ipv6Isp = ipv6Isp(given(input.Ipv6Isp));
  }
  if (input.EnableDnsHostname !== undefined) vpc.dnsHostnameStatus = input.EnableDnsHostname ? 'ENABLED' : 'DISABLED';
  repo.updateVpc(ctx.db, vpc);
  return {};
};

export const createDefaultVpc: HandlerOf<typeof createDefaultVpcSpec> = (ctx, input) => {
  const existing = findDefaultVpc(ctx);
  if (existing) throw apiError('OperationFailed.DefaultVpcExist', `Region ${ctx.regionId} already has the default VPC ${existing.vpcId}.`);
  const vpc = newVpc(ctx, {
    cidrBlock: DEFAULT_VPC_CIDR,
    resourceGroupId: resolveResourceGroup(ctx, given(input.ResourceGroupId), 'InvalidResourceGroupId.NotFound'),
    isDefault: true,
    clientToken: given(input.ClientToken) ?? null,
    ipv6CidrBlock: input.EnableIpv6 ? (given(input.Ipv6CidrBlock) ?? newIpv6Block(ctx)) : '',
    ipv6Isp: input.EnableIpv6 ? 'BGP' : '',
  });
  repo.insertVpc(ctx.db, vpc);
  return { VpcId: vpc.vpcId, VRouterId: vpc.vRouterId, RouteTableId: vpc.routeTableId };
};

/** At most 5 secondary IPv4 blocks per VPC (documented quota). */
export const MAX_SECONDARY_CIDR_BLOCKS = 5;

export const associateVpcCidrBlock: HandlerOf<typeof associateVpcCidrBlockSpec> = (ctx, input) => {
  const vpc = mustFindVpc(ctx, input.VpcId);
  noIpamPool(given(input.IpamPoolId));
  if ((input.IpVersion ?? 'IPV4') === 'IPV6' || given(input.IPv6CidrBlock) !== undefined)
    throw apiError('MissingParameter', 'The emulator associates secondary IPv4 blocks only: give SecondaryCidrBlock with IpVersion IPV4.');
  const text = given(input.SecondaryCidrBlock);
  if (text === undefined)
    throw apiError(
      'MissingParameter',
      'The input parameter "SecondaryCidrBlock" that is mandatory for processing this request is not supplied.',
    );
  const block = parseCidr(vpcCidr(text))!;
  const clash = [vpc.cidrBlock, ...vpc.secondaryCidrBlocks].find((c) => overlaps(parseCidr(c)!, block));
  if (clash) throw apiError('InvalidCidrBlock.Overlapped', `The block "${text}" overlaps ${clash} of ${vpc.vpcId}.`);
  if (vpc.secondaryCidrBlocks.length >= MAX_SECONDARY_CIDR_BLOCKS)
    throw apiError('QuotaExceeded.SecondaryCidrBlock', `${vpc.vpcId} already has ${MAX_SECONDARY_CIDR_BLOCKS} secondary blocks.`);
  vpc.secondaryCidrBlocks = [...vpc.secondaryCidrBlocks, text];
  repo.updateVpc(ctx.db, vpc);
  return {};
};

export const unassociateVpcCidrBlock: HandlerOf<typeof unassociateVpcCidrBlockSpec> = (ctx, input) => {
  const vpc = mustFindVpc(ctx, input.VpcId);
  const text = given(input.SecondaryCidrBlock);
  if (text === undefined)
    throw apiError(
      'MissingParameter',
      'The input parameter "SecondaryCidrBlock" that is mandatory for processing this request is not supplied.',
    );
  if (!vpc.secondaryCidrBlocks.includes(text))
    throw apiError('InvalidCidrBlock.NotFound', `The block "${text}" is not a secondary block of ${vpc.vpcId}.`);
  const block = parseCidr(text)!;
  const user = repo.listVSwitches(ctx.db, vpc.accountId, vpc.regionId, vpc.vpcId).find((sw) => contains(block, parseCidr(sw.cidrBlock)!));
  if (user) throw apiError('OperationFailed.CidrInUse', `The block "${text}" is used by vSwitch ${user.vSwitchId}.`);
  vpc.secondaryCidrBlocks = vpc.secondaryCidrBlocks.filter((c) => c !== text);
  repo.updateVpc(ctx.db, vpc);
  return {};
};

function classicLink(enabled: boolean) {
  return (ctx: HandlerContext, input: { VpcId: string }): Record<string, never> => {
    const vpc = mustFindVpc(ctx, input.VpcId);
    vpc.classicLinkEnabled = enabled;
    repo.updateVpc(ctx.db, vpc);
    return {};
  };
}
export const enableVpcClassicLink: HandlerOf<typeof enableVpcClassicLinkSpec> = classicLink(true);
export const disableVpcClassicLink: HandlerOf<typeof disableVpcClassicLinkSpec> = classicLink(false);

export const deleteVpc: HandlerOf<typeof deleteVpcSpec> = (ctx, input) => {
  const vpc = mustFindVpc(ctx, input.VpcId);
  const { accountId, regionId, vpcId } = vpc;
  const vsws = repo.listVSwitches(ctx.db, accountId, regionId, vpcId);
  // ForceDelete also removes the VPC's vSwitches (never instances or security groups).
  const force =
    input.ForceDelete === true && vsws.every((sw) => instancesUsing(ctx, accountId, regionId, { vSwitchId: sw.vSwitchId }).length === 0);
  if (vsws.length > 0 && !force)
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
  for (const sw of force ? vsws : []) repo.deleteVSwitch(ctx.db, sw.vSwitchId);
  repo.deleteVpc(ctx.db, vpcId);
  return {};
};
