/**
 * VPC product (2016-04-28) operations for VPCs: CreateVpc, DescribeVpcs, ModifyVpcAttribute,
 * DeleteVpc, the VPC waiters, and the VPC-product tag / resource-group moves shared with
 * vSwitches (TagResources, UnTagResources, MoveResourceGroup with ResourceType VPC/VSWITCH).
 */
import type { ActionSpec } from '../spec/ecs/types.js';
import { vpcActionSpecs } from '../spec/vpc/vpcs.js';
import { moveResourceGroupVpcSpec, tagResourcesVpcSpec, unTagResourcesVpcSpec } from '../spec/vpc/tags.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { randomClientToken } from './client-token.js';
import { bool, items, num, obj, requestIdOf, str } from './decode.js';
import { isNotFoundError } from './errors.js';
import { waitFor } from './wait.js';

/** The table of a VPC-product action by name (throws when a table is missing: a bug). */
export function vpcSpec(specs: readonly ActionSpec[], action: string): ActionSpec {
  const s = specs.find((x) => x.action === action);
  if (!s) throw new Error(`no action table for Vpc ${action}`);
  return s;
}

export interface Vpc {
  VpcId: string;
  VpcName: string;
  Description: string;
  CidrBlock: string;
  /** `Pending` or `Available`. */
  Status: string;
  VRouterId: string;
  RouteTableIds: string[];
  ResourceGroupId: string;
  CreationTime: string;
  IsDefault: boolean;
  VSwitchIds: string[];
  Tags: Record<string, string>;
}

export interface CreateVpcInput {
  RegionId?: string;
  CidrBlock?: string;
  VpcName?: string;
  Description?: string;
  ResourceGroupId?: string;
  Tag?: { Key: string; Value?: string }[];
  EnableIpv6?: boolean;
  DryRun?: boolean;
  ClientToken?: string;
}

/** Decode the VPC-product `Tags: { Tag: [{Key, Value}] }` shape into a map. */
export function decodeVpcTags(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of items(obj(v), 'Tag')) out[str(t.Key ?? t.TagKey)] = str(t.Value ?? t.TagValue);
  return out;
}

/** A list of strings from a JSON array (a lone string becomes a one-element list). */
export function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str);
  return typeof v === 'string' && v !== '' ? [v] : [];
}

function decodeVpc(o: Record<string, unknown>): Vpc {
  return {
    VpcId: str(o.VpcId),
    VpcName: str(o.VpcName),
    Description: str(o.Description),
    CidrBlock: str(o.CidrBlock),
    Status: str(o.Status),
    VRouterId: str(o.VRouterId),
    RouteTableIds: strings(obj(o.RouterTableIds).RouterTableIds),
    ResourceGroupId: str(o.ResourceGroupId),
    CreationTime: str(o.CreationTime),
    IsDefault: bool(o.IsDefault),
    VSwitchIds: strings(obj(o.VSwitchIds).VSwitchId),
    Tags: decodeVpcTags(o.Tags),
  };
}

export async function createVpc(
  client: AlibabaCloudClient,
  input: CreateVpcInput,
  opts: CallOptions = {},
): Promise<{ vpcId: string; routerId: string; routeTableId: string; requestId: string }> {
  const body = await client.call(
    vpcSpec(vpcActionSpecs, 'CreateVpc'),
    { ...input, ClientToken: input.ClientToken || randomClientToken() },
    { idempotent: true, ...opts },
  );
  return { vpcId: str(body.VpcId), routerId: str(body.VRouterId), routeTableId: str(body.RouteTableId), requestId: requestIdOf(body) };
}

/** The VPC with this id, or undefined when it does not exist. */
export async function describeVpc(client: AlibabaCloudClient, vpcId: string, opts: CallOptions = {}): Promise<Vpc | undefined> {
  try {
    const body = await client.call(vpcSpec(vpcActionSpecs, 'DescribeVpcs'), { VpcId: [vpcId], PageSize: 10 }, opts);
    return items(obj(body.Vpcs), 'Vpc')
      .map(decodeVpc)
      .find((v) => v.VpcId === vpcId);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVpcId.NotFound'])) return undefined;
    throw err;
  }
}

/** Every VPC of the region (50 per page). */
export async function describeAllVpcs(
  client: AlibabaCloudClient,
  filter: { VpcName?: string; ResourceGroupId?: string } = {},
  opts: CallOptions = {},
): Promise<Vpc[]> {
  const all: Vpc[] = [];
  for (let page = 1; ; page++) {
    const body = await client.call(vpcSpec(vpcActionSpecs, 'DescribeVpcs'), { ...filter, PageNumber: page, PageSize: 50 }, opts);
    const got = items(obj(body.Vpcs), 'Vpc').map(decodeVpc);
    all.push(...got);
    if (got.length === 0 || all.length >= num(body.TotalCount)) return all;
  }
}

export async function modifyVpcAttribute(
  client: AlibabaCloudClient,
  input: { VpcId: string; VpcName?: string; Description?: string; CidrBlock?: string },
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(vpcSpec(vpcActionSpecs, 'ModifyVpcAttribute'), { ...input }, { idempotent: true, ...opts });
  return { requestId: requestIdOf(body) };
}

/** Delete a VPC; `InvalidVpcId.NotFound` counts as success. */
export async function deleteVpc(client: AlibabaCloudClient, vpcId: string, opts: CallOptions = {}): Promise<{ notFound: boolean }> {
  try {
    await client.call(vpcSpec(vpcActionSpecs, 'DeleteVpc'), { VpcId: vpcId }, { idempotent: true, ...opts });
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
  const v = await waitFor(() => describeVpc(client, vpcId, { signal: o.signal }), {
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
  input: { resourceType: 'VPC' | 'VSWITCH'; resourceId: string; prior: Record<string, string>; next: Record<string, string> },
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

/** Move a VPC-product resource (`vpc`, `vswitch`) to another resource group. */
export async function moveVpcResourceGroup(
  client: AlibabaCloudClient,
  input: { resourceType: 'vpc' | 'vswitch'; resourceId: string; resourceGroupId: string },
  opts: CallOptions = {},
): Promise<void> {
  await client.call(
    moveResourceGroupVpcSpec,
    { ResourceType: input.resourceType, ResourceId: input.resourceId, NewResourceGroupId: input.resourceGroupId },
    { idempotent: true, ...opts },
  );
}
