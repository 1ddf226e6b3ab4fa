/**
 * ECS block storage: DescribeDisks (one disk by id), CreateDisk, DeleteDisk, AttachDisk,
 * DetachDisk, ModifyDiskAttribute and a status waiter. ResizeDisk is `resizeDisk` in
 * instance-lifecycle.ts. CreateDisk carries a fresh ClientToken, as the official provider sends.
 */
import { batchedGet, disksById } from './batch-kinds.js';
import {
  attachDiskSpec,
  createDiskSpec,
  deleteDiskSpec,
  describeDisksSpec,
  detachDiskSpec,
  modifyDiskAttributeSpec,
  type DISK_STATUSES,
} from '../spec/ecs/disks.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import { waitFor } from './wait.js';

/** One `Disks.Disk` of DescribeDisks, checked, absent fields at their zero values. */
export type Disk = OutputOf<typeof describeDisksSpec>['Disks']['Disk'][number];
export type DiskStatus = (typeof DISK_STATUSES)[number];
export type CreateDiskInput = Omit<ClientInputOf<typeof createDiskSpec>, 'ClientToken'>;
export type ModifyDiskAttributeInput = ClientInputOf<typeof modifyDiskAttributeSpec>;
export type AttachDiskInput = ClientInputOf<typeof attachDiskSpec>;

/** The disk, or undefined when DescribeDisks does not list it. */
export async function describeDisk(client: AlibabaCloudClient, diskId: string, opts: CallOptions = {}): Promise<Disk | undefined> {
  return batchedGet(client, disksById, diskId, {}, opts);
}

/** CreateDisk with a fresh ClientToken (a retried call cannot make a second disk). */
export async function createDisk(client: AlibabaCloudClient, input: CreateDiskInput, opts: CallOptions = {}): Promise<{ diskId: string }> {
  const body = await callWithClientToken(client, createDiskSpec, input, opts);
  return { diskId: body.DiskId };
}

/** Release a disk; `InvalidDiskId.NotFound` counts as already gone. */
export async function deleteDisk(client: AlibabaCloudClient, diskId: string, opts: CallOptions = {}): Promise<{ notFound: boolean }> {
  try {
    await client.call(deleteDiskSpec, { DiskId: diskId }, { idempotent: true, ...opts });
    return { notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidDiskId.NotFound'])) return { notFound: true };
    throw err;
  }
}

export async function attachDisk(client: AlibabaCloudClient, input: AttachDiskInput, opts: CallOptions = {}): Promise<void> {
  await client.call(attachDiskSpec, input, opts);
}

/** Detach a disk; a disk already detached or gone (the provider's success codes) counts as done. */
export async function detachDisk(
  client: AlibabaCloudClient,
  input: { InstanceId: string; DiskId: string },
  opts: CallOptions = {},
): Promise<{ alreadyDetached: boolean }> {
  try {
    await client.call(detachDiskSpec, input, opts);
    return { alreadyDetached: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidDisk.AlreadyDetached', 'InvalidDiskId.NotFound', 'InvalidInstanceId.NotFound']))
      return { alreadyDetached: true };
    throw err;
  }
}

export async function modifyDiskAttribute(
  client: AlibabaCloudClient,
  input: ModifyDiskAttributeInput,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyDiskAttributeSpec, input, opts);
}

export interface DiskWaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  minIntervalMs?: number;
}

/** Wait until the disk is in one of `statuses`; a disk that disappears fails the wait. */
export async function waitDiskStatus(
  client: AlibabaCloudClient,
  diskId: string,
  statuses: readonly DiskStatus[],
  o: DiskWaitOptions,
): Promise<Disk> {
  const d = await waitFor(() => describeDisk(client, diskId, { signal: o.signal, current: true }), {
    what: `disk ${diskId} to become ${statuses.join(' or ')}`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => x !== undefined && (statuses as readonly string[]).includes(x.Status),
    isFailed: (x) => (x ? undefined : `disk ${diskId} does not exist`),
    describe: (x) => x?.Status ?? 'not found',
    firstDelayMs: 100,
    minIntervalMs: o.minIntervalMs ?? 300,
    maxIntervalMs: 3000,
    signal: o.signal,
  });
  return d!;
}

/** Every disk attached to the instance (system disk first as DescribeDisks lists them), one page of up to 100. */
export async function describeInstanceDisks(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<Disk[]> {
  const body = await client.call(describeDisksSpec, { InstanceId: instanceId, PageSize: 100 }, opts);
  return body.Disks.Disk;
}
