/**
 * VPC product (2016-04-28) operations for VPCs: CreateVpc, CreateDefaultVpc, DescribeVpcs,
 * ModifyVpcAttribute, DeleteVpc, Associate/UnassociateVpcCidrBlock, Enable/DisableVpcClassicLink,
 * the system route table (DescribeRouteTableList, ModifyRouteTableAttributes), the VPC waiters, and the VPC-product tag / resource-group moves shared with
 * vSwitches (TagResources, UnTagResources, MoveResourceGroup with ResourceType VPC/VSWITCH).
 */
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import {
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
} from '../spec/vpc/vpcs.js';
import { describeRouteTableListSpec, modifyRouteTableAttributesSpec } from '../spec/vpc/route-tables.js';
import {
  moveResourceGroupVpcSpec,
  tagResourcesVpcSpec,
  unTagResourcesVpcSpec,
  type VPC_MOVE_RESOURCE_TYPES,
  type VPC_TAG_RESOURCE_TYPES,
} from '../spec/vpc/tags.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import { waitFor } from './wait.js';
import { batchedGet, vpcsById } from './batch-kinds.js';

type RawVpc = OutputOf<typeof describeVpcsSpec>['Vpcs']['Vpc'][number];

/** One VPC of DescribeVpcs: its scalar fields as reported, lists flattened, tags as a map. */
export type Vpc = Pick<
  RawVpc,
  | 'VpcId'
  | 'VpcName'
  | 'Description'
  | 'CidrBlock'
  | 'Status'
  | 'VRouterId'
  | 'ResourceGroupId'
  | 'CreationTime'
  | 'IsDefault'
  | 'RegionId'
  | 'EnabledIpv6'
  | 'Ipv6CidrBlock'
  | 'DnsHostnameStatus'
  | 'DhcpOptionsSetId'
  | 'DhcpOptionsSetStatus'
> & {
  RouteTableIds: string[];
  VSwitchIds: string[];
  Tags: Record<string, string>;
  Ipv6CidrBlocks: { Ipv6CidrBlock: string; Ipv6Isp: string }[];
  SecondaryCidrBlocks: string[];
  UserCidrs: string[];
};

export type CreateVpcInput = ClientInputOf<typeof createVpcSpec>;
export type ModifyVpcAttributeInput = ClientInputOf<typeof modifyVpcAttributeSpec>;

/** The VPC-product `Tags: { Tag: [{Key, Value}] }` as a map. */
export function vpcTagMap(tags: { Tag: { Key: string; Value: string }[] }): Record<string, string> {
  return Object.fromEntries(tags.Tag.map((t) => [t.Key, t.Value]));
}

function toVpc(o: RawVpc): Vpc {
  return {
    VpcId: o.VpcId,
    VpcName: o.VpcName,
    Description: o.Description,
    CidrBlock: o.CidrBlock,
    Status: o.Status,
    VRouterId: o.VRouterId,
    RouteTableIds: o.RouterTableIds.RouterTableIds,
    ResourceGroupId: o.ResourceGroupId,
    CreationTime: o.CreationTime,
    IsDefault: o.IsDefault,
    RegionId: o.RegionId,
    EnabledIpv6: o.EnabledIpv6,
    Ipv6CidrBlock: o.Ipv6CidrBlock,
    DnsHostnameStatus: o.DnsHostnameStatus,
    DhcpOptionsSetId: o.DhcpOptionsSetId,
    DhcpOptionsSetStatus: o.DhcpOptionsSetStatus,
    VSwitchIds: o.VSwitchIds.VSwitchId,
    Tags: vpcTagMap(o.Tags),
    Ipv6CidrBlocks: o.Ipv6CidrBlocks.Ipv6CidrBlock,
    SecondaryCidrBlocks: o.SecondaryCidrBlocks.SecondaryCidrBlock,
    UserCidrs: o.UserCidrs.UserCidr,
  };
}

export async function createVpc(
  client: AlibabaCloudClient,
  input: CreateVpcInput,
  opts: CallOptions = {},
): Promise<{ vpcId: string; routerId: string; routeTableId: string; requestId: string }> {
  const body = await callWithClientToken(client, createVpcSpec, input, opts);
  return { vpcId: body.VpcId, routerId: body.VRouterId, routeTableId: body.RouteTableId, requestId: body.RequestId };
}

/** CreateDefaultVpc: the region's default VPC (fails with `OperationFailed.DefaultVpcExist` when there is one). */
export async function createDefaultVpc(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof createDefaultVpcSpec>,
  opts: CallOptions = {},
): Promise<{ vpcId: string }> {
  const body = await callWithClientToken(client, createDefaultVpcSpec, input, opts);
  return { vpcId: body.VpcId };
}

/** Add (`associate`) or remove a secondary IPv4 block of a VPC. */
export async function setVpcSecondaryCidr(
  client: AlibabaCloudClient,
  input: { vpcId: string; cidrBlock: string; associate: boolean; mask?: number },
  opts: CallOptions = {},
): Promise<void> {
  if (input.associate)
    await client.call(
      associateVpcCidrBlockSpec,
      { VpcId: input.vpcId, SecondaryCidrBlock: input.cidrBlock, IpVersion: 'IPV4', SecondaryCidrMask: input.mask },
      { idempotent: false, ...opts },
    );
  else
    await client.call(
      unassociateVpcCidrBlockSpec,
      { VpcId: input.vpcId, SecondaryCidrBlock: input.cidrBlock },
      { idempotent: true, ...opts },
    );
}

/** Whether ClassicLink is on (DescribeVpcAttribute; DescribeVpcs does not say). */
export async function describeVpcClassicLink(client: AlibabaCloudClient, vpcId: string, opts: CallOptions = {}): Promise<boolean> {
  return (await client.call(describeVpcAttributeSpec, { VpcId: vpcId }, opts)).ClassicLinkEnabled;
}

/** Turn the (deprecated) ClassicLink of a VPC on or off. */
export async function setVpcClassicLink(
  client: AlibabaCloudClient,
  vpcId: string,
  enabled: boolean,
  opts: CallOptions = {},
): Promise<void> {
  await callWithClientToken(client, enabled ? enableVpcClassicLinkSpec : disableVpcClassicLinkSpec, { VpcId: vpcId }, opts);
}

/** The system route table of a VPC (DescribeRouteTableList with VpcId and type System), or undefined. */
export async function describeSystemRouteTable(
  client: AlibabaCloudClient,
  vpcId: string,
  opts: CallOptions = {},
): Promise<{ RouteTableId: string; RouteTableName: string; Description: string; RoutePropagationEnable: boolean } | undefined> {
  const body = await client.call(describeRouteTableListSpec, { VpcId: vpcId, RouteTableType: 'System', PageSize: 10 }, opts);
  return body.RouterTableList.RouterTableListType.find((t) => t.VpcId === vpcId || t.VpcId === '');
}

export async function modifyRouteTableAttributes(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof modifyRouteTableAttributesSpec>,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyRouteTableAttributesSpec, input, { idempotent: true, ...opts });
}

/** The VPC with this id, or undefined when a well-formed answer lacks it (or says `InvalidVpcId.NotFound`). */
export async function describeVpc(client: AlibabaCloudClient, vpcId: string, opts: CallOptions = {}): Promise<Vpc | undefined> {
  try {
    const found = await batchedGet(client, vpcsById, vpcId, {}, opts);
    return found && toVpc(found);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVpcId.NotFound'])) return undefined;
    throw err;
  }
}

/** Every VPC of the region (50 per page). */
export async function describeAllVpcs(client: AlibabaCloudClient, filter: VpcFilter = {}, opts: CallOptions = {}): Promise<Vpc[]> {
  return (await describeVpcsPage(client, filter, undefined, 50, opts)).vpcs;
}

/** DescribeVpcs filters (everything but ids and paging). */
export type VpcFilter = Omit<ClientInputOf<typeof describeVpcsSpec>, 'VpcId' | 'PageNumber' | 'PageSize'>;

/** One page of DescribeVpcs (`pageNumber` given), or every page; with the API's total count. */
export async function describeVpcsPage(
  client: AlibabaCloudClient,
  filter: VpcFilter,
  pageNumber: number | undefined,
  pageSize: number,
  opts: CallOptions = {},
): Promise<{ vpcs: Vpc[]; totalCount: number }> {
  const vpcs: Vpc[] = [];
  for (let page = pageNumber ?? 1; ; page++) {
    const body = await client.call(describeVpcsSpec, { ...filter, PageNumber: page, PageSize: pageSize }, opts);
    const got = body.Vpcs.Vpc.map(toVpc);
    vpcs.push(...got);
    if (pageNumber !== undefined || got.length === 0 || vpcs.length >= body.TotalCount) return { vpcs, totalCount: body.TotalCount };
  }
}

export async function modifyVpcAttribute(
  client: AlibabaCloudClient,
  input: ModifyVpcAttributeInput,
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(modifyVpcAttributeSpec, input, { idempotent: true, ...opts });
  return { requestId: body.RequestId };
}

/** Delete a VPC (with `ForceDelete` when `force`); `InvalidVpcId.NotFound` counts as success. */
export async function deleteVpc(
  client: AlibabaCloudClient,
  vpcId: string,
  opts: CallOptions & { force?: boolean } = {},
): Promise<{ notFound: boolean }> {
  try {
    const { force, ...call } = opts;
    await client.call(deleteVpcSpec, { VpcId: vpcId, ForceDelete: force }, { idempotent: true, ...call });
    return { notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVpcId.NotFound'])) return { notFound: true };
    throw err;
  }
}

export interface NetworkWaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  minIntervalMs?: number;
}

/** Wait until the VPC is `Available`. Fails when it disappears. */
export async function waitVpcAvailable(client: AlibabaCloudClient, vpcId: string, o: NetworkWaitOptions): Promise<Vpc> {
  const v = await waitFor(() => describeVpc(client, vpcId, { signal: o.signal, current: true }), {
    what: `VPC ${vpcId} to become Available`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => x?.Status === 'Available',
    isFailed: (x) => (x ? undefined : `VPC ${vpcId} does not exist`),
    describe: (x) => x?.Status ?? 'not found',
    firstDelayMs: 100,
    minIntervalMs: o.minIntervalMs ?? 300,
    signal: o.signal,
  });
  return v!;
}

/** Make the tags of a VPC-product resource (`VPC`, `VSWITCH`) equal `next`, given `prior`. */
export async function setVpcTags(
  client: AlibabaCloudClient,
  input: {
    resourceType: (typeof VPC_TAG_RESOURCE_TYPES)[number];
    resourceId: string;
    prior: Record<string, string>;
    next: Record<string, string>;
  },
  opts: CallOptions = {},
): Promise<void> {
  const removed = Object.keys(input.prior).filter((k) => !(k in input.next));
  const upserts = Object.entries(input.next)
    .filter(([k, v]) => input.prior[k] !== v)
    .map(([Key, Value]) => ({ Key, Value }));
  if (removed.length) {
    await client.call(
      unTagResourcesVpcSpec,
      { ResourceType: input.resourceType, ResourceId: [input.resourceId], TagKey: removed },
      { idempotent: true, ...opts },
    );
  }
  if (upserts.length) {
    await client.call(
      tagResourcesVpcSpec,
      { ResourceType: input.resourceType, ResourceId: [input.resourceId], Tag: upserts },
      { idempotent: true, ...opts },
    );
  }
}

/** Move a VPC-product resource (`vpc`; the types the table lists) to another resource group. */
export async function moveVpcResourceGroup(
  client: AlibabaCloudClient,
  input: { resourceType: Lowercase<(typeof VPC_MOVE_RESOURCE_TYPES)[number]>; resourceId: string; resourceGroupId: string },
  opts: CallOptions = {},
): Promise<void> {
  await client.call(
    moveResourceGroupVpcSpec,
    { ResourceType: input.resourceType, ResourceId: input.resourceId, NewResourceGroupId: input.resourceGroupId },
    { idempotent: true, ...opts },
  );
}
