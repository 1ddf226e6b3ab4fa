/**
 * ECS instance lifecycle: RunInstances (one instance), StartInstance, StopInstance,
 * DeleteInstance, ModifyInstanceAttribute, ModifyInstanceNetworkSpec, ModifyInstanceSpec (type),
 * ReplaceSystemDisk, ResizeDisk, a detailed
 * DescribeInstances view of one instance (network, charge, protection, system disk via
 * DescribeDisks) and status waiters.
 */
import { type INSTANCE_STATUSES } from '../spec/ecs/instances.js';
import { describeDisksSpec, resizeDiskSpec } from '../spec/ecs/disks.js';
import {
  deleteInstanceSpec,
  modifyInstanceAttributeSpec,
  modifyInstanceChargeTypeSpec,
  modifyInstanceNetworkSpecSpec,
  modifyInstanceVpcAttributeSpec,
  modifyInstanceSpecSpec,
  replaceSystemDiskSpec,
  runInstancesSpec,
  startInstanceSpec,
  stopInstanceSpec,
} from '../spec/ecs/instance-lifecycle.js';
import type { ClientInputOf } from '../spec/ecs/infer.js';
import { describeUserDataSpec, modifyInstanceMetadataOptionsSpec } from '../spec/ecs/instance-metadata.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import type { Instance } from './instances.js';
import { waitFor } from './wait.js';
import { batchedGet, instancesById } from './batch-kinds.js';

/** RunInstances' input for one instance (`Amount` is always 1). `ClientToken`, when absent, is generated. */
export type RunInstanceInput = Omit<ClientInputOf<typeof runInstancesSpec>, 'Amount' | 'MinAmount'>;
export type ModifyInstanceAttributeInput = ClientInputOf<typeof modifyInstanceAttributeSpec>;
export type ModifyInstanceNetworkSpecInput = Omit<ClientInputOf<typeof modifyInstanceNetworkSpecSpec>, 'ClientToken'>;

/**
 * What the provider reads back about one instance: the DescribeInstances fields it uses, with
 * the network and tags flattened (first private IP, public IP or EIP, tags as a map).
 */
export type InstanceDetail = Pick<
  Instance,
  | 'InstanceId'
  | 'InstanceName'
  | 'Description'
  | 'HostName'
  | 'Status'
  | 'ZoneId'
  | 'ImageId'
  | 'InstanceType'
  | 'Cpu'
  | 'Memory'
  | 'OSType'
  | 'OSName'
  | 'CreationTime'
  | 'ResourceGroupId'
  | 'InstanceChargeType'
  | 'InternetChargeType'
  | 'InternetMaxBandwidthOut'
  | 'DeletionProtection'
  | 'KeyPairName'
  | 'ExpiredTime'
  | 'StartTime'
  | 'StoppedMode'
  | 'SpotStrategy'
  | 'SpotPriceLimit'
  | 'CreditSpecification'
  | 'MetadataOptions'
  | 'AutoReleaseTime'
  | 'SpotDuration'
  | 'SpotInterruptionBehavior'
  | 'InternetMaxBandwidthIn'
  | 'CpuOptions'
  | 'ImageOptions'
  | 'DeploymentSetId'
  | 'DeploymentSetGroupNo'
  | 'HpcClusterId'
> & {
  SecurityGroupIds: string[];
  VpcId: string;
  VSwitchId: string;
  PrivateIp: string;
  PublicIp: string;
  Tags: Record<string, string>;
  /** Id of the primary network interface ('' when DescribeInstances lists none). */
  PrimaryNetworkInterfaceId: string;
  /** Secondary private IPv4 addresses of the primary network interface. */
  SecondaryPrivateIps: string[];
  /** IPv6 addresses of the primary network interface. */
  Ipv6Addresses: string[];
};

/** Change the instance metadata access options (ModifyInstanceMetadataOptions); the ones left undefined keep their value. */
export async function modifyInstanceMetadataOptions(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof modifyInstanceMetadataOptionsSpec>,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyInstanceMetadataOptionsSpec, input, opts);
}

/** The instance's user data as ECS keeps it (base64; '' when none), DescribeUserData. */
export async function describeInstanceUserData(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<string> {
  return (await client.call(describeUserDataSpec, { InstanceId: instanceId }, opts)).UserData;
}

/** Create one instance (Amount=1); it starts on its own (Pending -> Starting -> Running). */
export async function runInstance(
  client: AlibabaCloudClient,
  input: RunInstanceInput,
  opts: CallOptions = {},
): Promise<{ instanceId: string; requestId: string }> {
  const body = await callWithClientToken(client, runInstancesSpec, { ...input, Amount: 1 }, opts);
  const ids = body.InstanceIdSets.InstanceIdSet;
  if (ids.length !== 1)
    throw new Error(`ECS RunInstances returned ${ids.length} instance ids (request id ${body.RequestId}); expected exactly one`);
  return { instanceId: ids[0]!, requestId: body.RequestId };
}

/** The provider's view of one DescribeInstances `Instance`. */
export function instanceDetail(i: Instance): InstanceDetail {
  const tags: Record<string, string> = {};
  for (const t of i.Tags.Tag) tags[t.TagKey] = t.TagValue;
  const primary = i.NetworkInterfaces.NetworkInterface.find((n) => n.Type === 'Primary') ?? i.NetworkInterfaces.NetworkInterface[0];
  return {
    InstanceId: i.InstanceId,
    InstanceName: i.InstanceName,
    Description: i.Description,
    HostName: i.HostName,
    Status: i.Status,
    ZoneId: i.ZoneId,
    ImageId: i.ImageId,
    InstanceType: i.InstanceType,
    Cpu: i.Cpu,
    Memory: i.Memory,
    OSType: i.OSType,
    OSName: i.OSName,
    CreationTime: i.CreationTime,
    ResourceGroupId: i.ResourceGroupId,
    InstanceChargeType: i.InstanceChargeType,
    InternetChargeType: i.InternetChargeType,
    InternetMaxBandwidthOut: i.InternetMaxBandwidthOut,
    DeletionProtection: i.DeletionProtection,
    KeyPairName: i.KeyPairName,
    ExpiredTime: i.ExpiredTime,
    StartTime: i.StartTime,
    StoppedMode: i.StoppedMode,
    SpotStrategy: i.SpotStrategy,
    SpotPriceLimit: i.SpotPriceLimit,
    CreditSpecification: i.CreditSpecification,
    MetadataOptions: i.MetadataOptions,
    AutoReleaseTime: i.AutoReleaseTime,
    SpotDuration: i.SpotDuration,
    SpotInterruptionBehavior: i.SpotInterruptionBehavior,
    InternetMaxBandwidthIn: i.InternetMaxBandwidthIn,
    CpuOptions: i.CpuOptions,
    ImageOptions: i.ImageOptions,
    DeploymentSetId: i.DeploymentSetId,
    DeploymentSetGroupNo: i.DeploymentSetGroupNo,
    HpcClusterId: i.HpcClusterId,
    SecurityGroupIds: i.SecurityGroupIds.SecurityGroupId,
    VpcId: i.VpcAttributes.VpcId,
    VSwitchId: i.VpcAttributes.VSwitchId,
    PrivateIp: i.VpcAttributes.PrivateIpAddress.IpAddress[0] ?? '',
    PublicIp: i.PublicIpAddress.IpAddress[0] ?? i.EipAddress.IpAddress,
    Tags: tags,
    PrimaryNetworkInterfaceId: primary?.NetworkInterfaceId ?? '',
    SecondaryPrivateIps: (primary?.PrivateIpSets.PrivateIpSet ?? []).filter((s) => !s.Primary).map((s) => s.PrivateIpAddress),
    Ipv6Addresses: (primary?.Ipv6Sets.Ipv6Set ?? []).map((s) => s.Ipv6Address),
  };
}

/** The instance with this id, or undefined when it does not exist. */
export async function describeInstanceDetail(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<InstanceDetail | undefined> {
  try {
    const found = await batchedGet(client, instancesById, instanceId, {}, opts);
    return found && instanceDetail(found);
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
  const d = body.Disks.Disk[0];
  return d ? { diskId: d.DiskId, category: d.Category, size: d.Size } : undefined;
}

/** Change the instance type of a Stopped pay-as-you-go instance (ModifyInstanceSpec; effective at the next start). */
export async function modifyInstanceType(
  client: AlibabaCloudClient,
  instanceId: string,
  instanceType: string,
  opts: CallOptions = {},
): Promise<void> {
  await callWithClientToken(client, modifyInstanceSpecSpec, { InstanceId: instanceId, InstanceType: instanceType }, opts);
}

/** Give a Stopped instance a new system disk from `imageId` (ReplaceSystemDisk); returns the new disk id. */
export async function replaceSystemDisk(
  client: AlibabaCloudClient,
  input: { InstanceId: string; ImageId: string; SystemDiskSize?: number; Password?: string; PasswordInherit?: boolean },
  opts: CallOptions = {},
): Promise<{ diskId: string }> {
  const body = await callWithClientToken(
    client,
    replaceSystemDiskSpec,
    {
      InstanceId: input.InstanceId,
      ImageId: input.ImageId,
      Password: input.Password,
      PasswordInherit: input.PasswordInherit,
      ...(input.SystemDiskSize !== undefined ? { SystemDisk: { Size: input.SystemDiskSize } } : {}),
    },
    opts,
  );
  return { diskId: body.DiskId };
}

/** Grow a disk to `newSize` GiB (ResizeDisk; its instance, if any, must be Running or Stopped); `type` is `offline` (default) or `online`. */
export async function resizeDisk(
  client: AlibabaCloudClient,
  diskId: string,
  newSize: number,
  opts: CallOptions = {},
  type?: 'offline' | 'online',
): Promise<void> {
  await callWithClientToken(client, resizeDiskSpec, { DiskId: diskId, NewSize: newSize, Type: type }, opts);
}

export async function startInstance(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<void> {
  await client.call(startInstanceSpec, { InstanceId: instanceId }, opts);
}

/** Stop an instance; `stoppedMode` (`StopCharging`/`KeepCharging`) decides whether a pay-as-you-go instance keeps billing. */
export async function stopInstance(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions & { stoppedMode?: 'StopCharging' | 'KeepCharging' } = {},
): Promise<void> {
  const { stoppedMode, ...call } = opts;
  await client.call(stopInstanceSpec, { InstanceId: instanceId, StoppedMode: stoppedMode }, call);
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
  input: ModifyInstanceAttributeInput,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyInstanceAttributeSpec, input, { idempotent: true, ...opts });
}

export async function modifyInstanceNetworkSpec(
  client: AlibabaCloudClient,
  input: ModifyInstanceNetworkSpecInput,
  opts: CallOptions = {},
): Promise<void> {
  await callWithClientToken(client, modifyInstanceNetworkSpecSpec, input, opts);
}

/**
 * Switch one instance between PostPaid and PrePaid (ModifyInstanceChargeType, AutoPay, a fresh
 * ClientToken); PrePaid takes `period`/`periodUnit`. The billing change shows in DescribeInstances
 * shortly after: wait for it with {@link waitInstanceMatches}.
 */
export async function modifyInstanceChargeType(
  client: AlibabaCloudClient,
  input: {
    instanceId: string;
    chargeType: 'PrePaid' | 'PostPaid';
    period?: number;
    periodUnit?: 'Week' | 'Month';
    includeDataDisks?: boolean;
  },
  opts: CallOptions = {},
): Promise<void> {
  const prepaid = input.chargeType === 'PrePaid';
  await callWithClientToken(
    client,
    modifyInstanceChargeTypeSpec,
    {
      InstanceIds: [input.instanceId],
      InstanceChargeType: input.chargeType,
      Period: prepaid ? input.period : undefined,
      PeriodUnit: prepaid ? input.periodUnit : undefined,
      IncludeDataDisks: input.includeDataDisks,
      AutoPay: true,
    },
    opts,
  );
}

/** Move a Stopped instance to another vSwitch and/or private IP (ModifyInstanceVpcAttribute). */
export async function modifyInstanceVpcAttribute(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof modifyInstanceVpcAttributeSpec>,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyInstanceVpcAttributeSpec, input, opts);
}

/** Wait until DescribeInstances shows the instance with `isDone` true (an attribute change taking effect). */
export async function waitInstanceMatches(
  client: AlibabaCloudClient,
  instanceId: string,
  what: string,
  isDone: (i: InstanceDetail) => boolean,
  o: InstanceWaitOptions,
): Promise<InstanceDetail> {
  const i = await waitFor(() => describeInstanceDetail(client, instanceId, { signal: o.signal, current: true }), {
    what: `instance ${instanceId} to show ${what}`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => !!x && isDone(x),
    isFailed: (x) => (x ? undefined : `instance ${instanceId} does not exist`),
    describe: (x) => x?.Status ?? 'not found',
    firstDelayMs: 0,
    minIntervalMs: o.minIntervalMs ?? 300,
    maxIntervalMs: 3000,
    signal: o.signal,
  });
  return i!;
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
  status: Extract<(typeof INSTANCE_STATUSES)[number], 'Running' | 'Stopped'>,
  o: InstanceWaitOptions,
): Promise<InstanceDetail> {
  const start = Date.now();
  const grace = o.notFoundGraceMs ?? 30_000;
  const i = await waitFor(() => describeInstanceDetail(client, instanceId, { signal: o.signal, current: true }), {
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
  await waitFor(() => describeInstanceDetail(client, instanceId, { signal: o.signal, current: true }), {
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
