/**
 * VPC product (2016-04-28) operations for vSwitches: CreateVSwitch, DescribeVSwitches,
 * ModifyVSwitchAttribute, DeleteVSwitch and the Available waiter. Types come from the tables.
 */
import { batchedGet, vswitchesById } from './batch-kinds.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import {
  createDefaultVSwitchSpec,
  createVSwitchSpec,
  deleteVSwitchSpec,
  describeVSwitchesSpec,
  modifyVSwitchAttributeSpec,
} from '../spec/vpc/vswitches.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import { vpcTagMap, type NetworkWaitOptions } from './vpc.js';
import { waitFor } from './wait.js';

type RawVSwitch = OutputOf<typeof describeVSwitchesSpec>['VSwitches']['VSwitch'][number];

/** One vSwitch of DescribeVSwitches: its scalar fields as reported, tags as a map. */
export type VSwitch = Pick<
  RawVSwitch,
  | 'VSwitchId'
  | 'VpcId'
  | 'ZoneId'
  | 'CidrBlock'
  | 'VSwitchName'
  | 'Description'
  | 'Status'
  | 'ResourceGroupId'
  | 'CreationTime'
  | 'IsDefault'
  | 'AvailableIpAddressCount'
  | 'Ipv6CidrBlock'
  | 'EnabledIpv6'
> & { Tags: Record<string, string>; RouteTableId: string };

export type CreateVSwitchInput = ClientInputOf<typeof createVSwitchSpec>;
export type ModifyVSwitchAttributeInput = ClientInputOf<typeof modifyVSwitchAttributeSpec>;

function toVSwitch(o: RawVSwitch): VSwitch {
  return {
    VSwitchId: o.VSwitchId,
    VpcId: o.VpcId,
    ZoneId: o.ZoneId,
    CidrBlock: o.CidrBlock,
    VSwitchName: o.VSwitchName,
    Description: o.Description,
    Status: o.Status,
    ResourceGroupId: o.ResourceGroupId,
    CreationTime: o.CreationTime,
    IsDefault: o.IsDefault,
    AvailableIpAddressCount: o.AvailableIpAddressCount,
    Ipv6CidrBlock: o.Ipv6CidrBlock,
    EnabledIpv6: o.EnabledIpv6,
    RouteTableId: o.RouteTable.RouteTableId,
    Tags: vpcTagMap(o.Tags),
  };
}

export async function createVSwitch(
  client: AlibabaCloudClient,
  input: CreateVSwitchInput,
  opts: CallOptions = {},
): Promise<{ vswitchId: string; requestId: string }> {
  const body = await callWithClientToken(client, createVSwitchSpec, input, opts);
  return { vswitchId: body.VSwitchId, requestId: body.RequestId };
}

/** CreateDefaultVSwitch: a default vSwitch of the region's default VPC in a zone. */
export async function createDefaultVSwitch(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof createDefaultVSwitchSpec>,
  opts: CallOptions = {},
): Promise<{ vswitchId: string }> {
  const body = await callWithClientToken(client, createDefaultVSwitchSpec, input, opts);
  return { vswitchId: body.VSwitchId };
}

/** Every vSwitch matching the filter (50 per page). */
export async function describeAllVSwitches(
  client: AlibabaCloudClient,
  filter: Omit<ClientInputOf<typeof describeVSwitchesSpec>, 'PageNumber' | 'PageSize'> = {},
  opts: CallOptions = {},
): Promise<VSwitch[]> {
  const all: VSwitch[] = [];
  for (let page = 1; ; page++) {
    const body = await client.call(describeVSwitchesSpec, { ...filter, PageNumber: page, PageSize: 50 }, opts);
    const got = body.VSwitches.VSwitch.map(toVSwitch);
    all.push(...got);
    if (got.length === 0 || all.length >= body.TotalCount) return all;
  }
}

/** The vSwitch with this id, or undefined when a well-formed answer lacks it (or says `InvalidVSwitchId.NotFound`). */
export async function describeVSwitch(client: AlibabaCloudClient, vswitchId: string, opts: CallOptions = {}): Promise<VSwitch | undefined> {
  try {
    const found = await batchedGet(client, vswitchesById, vswitchId, {}, opts);
    return found && toVSwitch(found);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVSwitchId.NotFound'])) return undefined;
    throw err;
  }
}

export async function modifyVSwitchAttribute(
  client: AlibabaCloudClient,
  input: ModifyVSwitchAttributeInput,
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(modifyVSwitchAttributeSpec, input, { idempotent: true, ...opts });
  return { requestId: body.RequestId };
}

/** Delete a vSwitch; `InvalidVSwitchId.NotFound` counts as success. */
export async function deleteVSwitch(client: AlibabaCloudClient, vswitchId: string, opts: CallOptions = {}): Promise<{ notFound: boolean }> {
  try {
    await client.call(deleteVSwitchSpec, { VSwitchId: vswitchId }, { idempotent: true, ...opts });
    return { notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVSwitchId.NotFound'])) return { notFound: true };
    throw err;
  }
}

/** Wait until the vSwitch is `Available`. Fails when it disappears. */
export async function waitVSwitchAvailable(client: AlibabaCloudClient, vswitchId: string, o: NetworkWaitOptions): Promise<VSwitch> {
  const s = await waitFor(() => describeVSwitch(client, vswitchId, { signal: o.signal, current: true }), {
    what: `vSwitch ${vswitchId} to become Available`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => x?.Status === 'Available',
    isFailed: (x) => (x ? undefined : `vSwitch ${vswitchId} does not exist`),
    describe: (x) => x?.Status ?? 'not found',
    firstDelayMs: 100,
    minIntervalMs: o.minIntervalMs ?? 300,
    signal: o.signal,
  });
  return s!;
}
