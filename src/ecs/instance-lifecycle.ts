/**
 * ECS instance lifecycle: RunInstances (one instance), StartInstance, StopInstance,
 * DeleteInstance, ModifyInstanceAttribute, ModifyInstanceNetworkSpec, ModifyInstanceSpec (type),
 * ReplaceSystemDisk, ResizeDisk, a detailed
 * DescribeInstances view of one instance (network, charge, protection, system disk via
 * DescribeDisks) and status waiters.
 */
import { describeDisksSpec, describeInstancesSpec } from '../spec/ecs/instances.js';
import {
  deleteInstanceSpec,
  modifyInstanceAttributeSpec,
  modifyInstanceNetworkSpecSpec,
  modifyInstanceSpecSpec,
  replaceSystemDiskSpec,
  resizeDiskSpec,
  runInstancesSpec,
  startInstanceSpec,
  stopInstanceSpec,
} from '../spec/ecs/instance-lifecycle.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { randomClientToken } from './client-token.js';
import { bool, items, num, obj, requestIdOf, str } from './decode.js';
import { isNotFoundError } from './errors.js';
import { strings } from './vpc.js';
import { waitFor } from './wait.js';

export interface RunInstanceInput {
  RegionId?: string;
  ZoneId?: string;
  ImageId: string;
  InstanceType: string;
  SecurityGroupIds?: string[];
  VSwitchId?: string;
  PrivateIpAddress?: string;
  InstanceName?: string;
  Description?: string;
  HostName?: string;
  Password?: string;
  InternetMaxBandwidthOut?: number;
  InternetChargeType?: string;
  InstanceChargeType?: string;
  SystemDisk?: { Category?: string; Size?: string };
  ResourceGroupId?: string;
  DeletionProtection?: boolean;
  UserData?: string;
  Tag?: { Key: string; Value?: string }[];
  ClientToken?: string;
  DryRun?: boolean;
}

/** What the provider reads back about one instance. */
export interface InstanceDetail {
  InstanceId: string;
  InstanceName: string;
  Description: string;
  HostName: string;
  Status: string;
  ZoneId: string;
  ImageId: string;
  InstanceType: string;
  Cpu: number;
  Memory: number;
  OSType: string;
  OSName: string;
  CreationTime: string;
  ResourceGroupId: string;
  InstanceChargeType: string;
  InternetChargeType: string;
  InternetMaxBandwidthOut: number;
  DeletionProtection: boolean;
  SecurityGroupIds: string[];
  VpcId: string;
  VSwitchId: string;
  PrivateIp: string;
  PublicIp: string;
  Tags: Record<string, string>;
}

/** Create one instance (Amount=1); it starts on its own (Pending -> Starting -> Running). */
export async function runInstance(
  client: AlibabaCloudClient,
  input: RunInstanceInput,
  opts: CallOptions = {},
): Promise<{ instanceId: string; requestId: string }> {
  const body = await client.call(
    runInstancesSpec,
    { ...input, Amount: 1, ClientToken: input.ClientToken || randomClientToken() },
    { idempotent: true, ...opts },
  );
  const ids = strings(obj(body.InstanceIdSets).InstanceIdSet);
  if (ids.length !== 1)
    throw new Error(`ECS RunInstances returned ${ids.length} instance ids (request id ${requestIdOf(body)}); expected exactly one`);
  return { instanceId: ids[0]!, requestId: requestIdOf(body) };
}

export function decodeInstanceDetail(o: Record<string, unknown>): InstanceDetail {
  const vpc = obj(o.VpcAttributes);
  const tags: Record<string, string> = {};
  for (const t of items(obj(o.Tags), 'Tag')) tags[str(t.TagKey ?? t.Key)] = str(t.TagValue ?? t.Value);
  const eip = str(obj(o.EipAddress).IpAddress);
  return {
    InstanceId: str(o.InstanceId),
    InstanceName: str(o.InstanceName),
    Description: str(o.Description),
    HostName: str(o.HostName),
    Status: str(o.Status),
    ZoneId: str(o.ZoneId),
    ImageId: str(o.ImageId),
    InstanceType: str(o.InstanceType),
    Cpu: num(o.Cpu),
    Memory: num(o.Memory),
    OSType: str(o.OSType),
    OSName: str(o.OSName),
    CreationTime: str(o.CreationTime),
    ResourceGroupId: str(o.ResourceGroupId),
    InstanceChargeType: str(o.InstanceChargeType),
    InternetChargeType: str(o.InternetChargeType),
    InternetMaxBandwidthOut: num(o.InternetMaxBandwidthOut),
    DeletionProtection: bool(o.DeletionProtection),
    SecurityGroupIds: strings(obj(o.SecurityGroupIds).SecurityGroupId),
    VpcId: str(vpc.VpcId),
    VSwitchId: str(vpc.VSwitchId),
    PrivateIp: strings(obj(vpc.PrivateIpAddress).IpAddress)[0] ?? '',
    PublicIp: strings(obj(o.PublicIpAddress).IpAddress)[0] ?? eip,
    Tags: tags,
  };
}

/** The instance with this id, or undefined when it does not exist. */
export async function describeInstanceDetail(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<InstanceDetail | undefined> {
  try {
    const body = await client.call(describeInstancesSpec, { InstanceIds: [instanceId], PageSize: 10 }, opts);
    return items(obj(body.Instances), 'Instance')
      .map(decodeInstanceDetail)
      .find((i) => i.InstanceId === instanceId);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidInstanceId.NotFound'])) return undefined;
    throw err;
  }
}

/** The system disk's id, category and size (GiB), or undefined when the instance has none listed. */
export async function describeSystemDisk(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<{ diskId: string; category: string; size: number } | undefined> {
  const body = await client.call(describeDisksSpec, { InstanceId: instanceId, DiskType: 'system', PageSize: 10 }, opts);
  const d = items(obj(body.Disks), 'Disk')[0];
  return d ? { diskId: str(d.DiskId), category: str(d.Category), size: num(d.Size) } : undefined;
}

/** Change the instance type of a Stopped pay-as-you-go instance (ModifyInstanceSpec; effective at the next start). */
export async function modifyInstanceType(
  client: AlibabaCloudClient,
  instanceId: string,
  instanceType: string,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(
    modifyInstanceSpecSpec,
    { InstanceId: instanceId, InstanceType: instanceType, ClientToken: randomClientToken() },
    { idempotent: true, ...opts },
  );
}

/** Give a Stopped instance a new system disk from `imageId` (ReplaceSystemDisk); returns the new disk id. */
export async function replaceSystemDisk(
  client: AlibabaCloudClient,
  input: { InstanceId: string; ImageId: string; SystemDiskSize?: number; Password?: string },
  opts: CallOptions = {},
): Promise<{ diskId: string }> {
  const body = await client.call(
    replaceSystemDiskSpec,
    {
      InstanceId: input.InstanceId,
      ImageId: input.ImageId,
      Password: input.Password,
      ClientToken: randomClientToken(),
      ...(input.SystemDiskSize !== undefined ? { SystemDisk: { Size: input.SystemDiskSize } } : {}),
    },
    { idempotent: true, ...opts },
  );
  return { diskId: str(body.DiskId) };
}

/** Grow a disk to `newSize` GiB (ResizeDisk; the instance must be Running or Stopped). */
export async function resizeDisk(client: AlibabaCloudClient, diskId: string, newSize: number, opts: CallOptions = {}): Promise<void> {
  await client.call(resizeDiskSpec, { DiskId: diskId, NewSize: newSize, ClientToken: randomClientToken() }, { idempotent: true, ...opts });
}

export async function startInstance(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<void> {
  await client.call(startInstanceSpec, { InstanceId: instanceId }, opts);
}

export async function stopInstance(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<void> {
  await client.call(stopInstanceSpec, { InstanceId: instanceId }, opts);
}

/** Release an instance (Force: also when Running); `InvalidInstanceId.NotFound` counts as success. */
export async function deleteInstance(
  client: AlibabaCloudClient,
  instanceId: string,
  force = true,
  opts: CallOptions = {},
): Promise<{ notFound: boolean }> {
  try {
    await client.call(deleteInstanceSpec, { InstanceId: instanceId, Force: force }, { idempotent: true, ...opts });
    return { notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidInstanceId.NotFound'])) return { notFound: true };
    throw err;
  }
}

export async function modifyInstanceAttribute(
  client: AlibabaCloudClient,
  input: {
    InstanceId: string;
    InstanceName?: string;
    Description?: string;
    Password?: string;
    HostName?: string;
    DeletionProtection?: boolean;
    SecurityGroupIds?: string[];
    UserData?: string;
  },
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyInstanceAttributeSpec, { ...input }, { idempotent: true, ...opts });
}

export async function modifyInstanceNetworkSpec(
  client: AlibabaCloudClient,
  input: { InstanceId: string; InternetMaxBandwidthOut?: number },
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyInstanceNetworkSpecSpec, { ...input, ClientToken: randomClientToken() }, { idempotent: true, ...opts });
}

export interface InstanceWaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  minIntervalMs?: number;
  /** How long "not found" right after RunInstances means "not visible yet" (default 30 s). */
  notFoundGraceMs?: number;
}

/** Wait until the instance reaches `status` (`Running` or `Stopped`). */
export async function waitInstanceStatus(
  client: AlibabaCloudClient,
  instanceId: string,
  status: 'Running' | 'Stopped',
  o: InstanceWaitOptions,
): Promise<InstanceDetail> {
  const start = Date.now();
  const grace = o.notFoundGraceMs ?? 30_000;
  const i = await waitFor(() => describeInstanceDetail(client, instanceId, { signal: o.signal }), {
    what: `instance ${instanceId} to become ${status}`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => x?.Status === status,
    isFailed: (x) => (!x && Date.now() - start > grace ? `instance ${instanceId} does not exist` : undefined),
    describe: (x) => x?.Status ?? 'not found',
    firstDelayMs: 100,
    minIntervalMs: o.minIntervalMs ?? 300,
    maxIntervalMs: 3000,
    signal: o.signal,
  });
  return i!;
}

/** Wait until DescribeInstances no longer lists the instance. */
export async function waitInstanceDeleted(client: AlibabaCloudClient, instanceId: string, o: InstanceWaitOptions): Promise<void> {
  await waitFor(() => describeInstanceDetail(client, instanceId, { signal: o.signal }), {
    what: `instance ${instanceId} to be released`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => x === undefined,
    describe: (x) => x?.Status ?? 'not found',
    firstDelayMs: 100,
    minIntervalMs: o.minIntervalMs ?? 300,
    maxIntervalMs: 3000,
    signal: o.signal,
  });
}
