/**
 * VPC product (2016-04-28) operations for vSwitches: CreateVSwitch, DescribeVSwitches,
 * ModifyVSwitchAttribute, DeleteVSwitch and the Available waiter.
 */
import { vswitchActionSpecs } from '../spec/vpc/vswitches.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { randomClientToken } from './client-token.js';
import { bool, items, num, obj, requestIdOf, str } from './decode.js';
import { isNotFoundError } from './errors.js';
import { decodeVpcTags, vpcSpec, type NetworkWaitOptions } from './vpc.js';
import { waitFor } from './wait.js';

export interface VSwitch {
  VSwitchId: string;
  VpcId: string;
  ZoneId: string;
  CidrBlock: string;
  VSwitchName: string;
  Description: string;
  /** `Pending` or `Available`. */
  Status: string;
  ResourceGroupId: string;
  CreationTime: string;
  IsDefault: boolean;
  AvailableIpAddressCount: number;
  Tags: Record<string, string>;
}

export interface CreateVSwitchInput {
  RegionId?: string;
  VpcId: string;
  ZoneId: string;
  CidrBlock: string;
  VSwitchName?: string;
  Description?: string;
  Tag?: { Key: string; Value?: string }[];
  ClientToken?: string;
}

function decodeVSwitch(o: Record<string, unknown>): VSwitch {
  return {
    VSwitchId: str(o.VSwitchId),
    VpcId: str(o.VpcId),
    ZoneId: str(o.ZoneId),
    CidrBlock: str(o.CidrBlock),
    VSwitchName: str(o.VSwitchName),
    Description: str(o.Description),
    Status: str(o.Status),
    ResourceGroupId: str(o.ResourceGroupId),
    CreationTime: str(o.CreationTime),
    IsDefault: bool(o.IsDefault),
    AvailableIpAddressCount: num(o.AvailableIpAddressCount),
    Tags: decodeVpcTags(o.Tags),
  };
}

export async function createVSwitch(
  client: AlibabaCloudClient,
  input: CreateVSwitchInput,
  opts: CallOptions = {},
): Promise<{ vswitchId: string; requestId: string }> {
  const body = await client.call(
    vpcSpec(vswitchActionSpecs, 'CreateVSwitch'),
    { ...input, ClientToken: input.ClientToken || randomClientToken() },
    { idempotent: true, ...opts },
  );
  return { vswitchId: str(body.VSwitchId), requestId: requestIdOf(body) };
}

/** The vSwitch with this id, or undefined when it does not exist. */
export async function describeVSwitch(client: AlibabaCloudClient, vswitchId: string, opts: CallOptions = {}): Promise<VSwitch | undefined> {
  try {
    const body = await client.call(vpcSpec(vswitchActionSpecs, 'DescribeVSwitches'), { VSwitchId: [vswitchId], PageSize: 10 }, opts);
    return items(obj(body.VSwitches), 'VSwitch')
      .map(decodeVSwitch)
      .find((s) => s.VSwitchId === vswitchId);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVSwitchId.NotFound'])) return undefined;
    throw err;
  }
}

export async function modifyVSwitchAttribute(
  client: AlibabaCloudClient,
  input: { VSwitchId: string; VSwitchName?: string; Description?: string },
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(vpcSpec(vswitchActionSpecs, 'ModifyVSwitchAttribute'), { ...input }, { idempotent: true, ...opts });
  return { requestId: requestIdOf(body) };
}

/** Delete a vSwitch; `InvalidVSwitchId.NotFound` counts as success. */
export async function deleteVSwitch(client: AlibabaCloudClient, vswitchId: string, opts: CallOptions = {}): Promise<{ notFound: boolean }> {
  try {
    await client.call(vpcSpec(vswitchActionSpecs, 'DeleteVSwitch'), { VSwitchId: vswitchId }, { idempotent: true, ...opts });
    return { notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidVSwitchId.NotFound'])) return { notFound: true };
    throw err;
  }
}

/** Wait until the vSwitch is `Available`. Fails when it disappears. */
export async function waitVSwitchAvailable(client: AlibabaCloudClient, vswitchId: string, o: NetworkWaitOptions): Promise<VSwitch> {
  const s = await waitFor(() => describeVSwitch(client, vswitchId, { signal: o.signal }), {
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
