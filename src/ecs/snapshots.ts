/**
 * ECS snapshots: DescribeSnapshots (a list, or one by id), CreateSnapshot (with a fresh
 * ClientToken), ModifySnapshotAttribute, DeleteSnapshot and a waiter for `accomplished`.
 */
import { createSnapshotSpec, deleteSnapshotSpec, describeSnapshotsSpec, modifySnapshotAttributeSpec } from '../spec/ecs/snapshots.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import { waitFor } from './wait.js';

/** One `Snapshots.Snapshot` of DescribeSnapshots, checked, absent fields at their zero values. */
export type Snapshot = OutputOf<typeof describeSnapshotsSpec>['Snapshots']['Snapshot'][number];
export type DescribeSnapshotsFilter = ClientInputOf<typeof describeSnapshotsSpec>;

export async function describeSnapshots(
  client: AlibabaCloudClient,
  filter: DescribeSnapshotsFilter = {},
  opts: CallOptions = {},
): Promise<{ snapshots: Snapshot[]; totalCount: number; nextToken: string; requestId: string }> {
  const body = await client.call(describeSnapshotsSpec, filter, opts);
  const snapshots = body.Snapshots.Snapshot;
  return { snapshots, totalCount: body.TotalCount ?? snapshots.length, nextToken: body.NextToken, requestId: body.RequestId };
}

/**
 * Delete a snapshot. `InvalidSnapshotId.NotFound` counts as success (`notFound: true`).
 * `SnapshotCreatedImage` (still referenced by an image) is thrown: delete the image first.
 */
export async function deleteSnapshot(
  client: AlibabaCloudClient,
  snapshotId: string,
  force = false,
  opts: CallOptions = {},
): Promise<{ requestId: string; notFound: boolean }> {
  try {
    const body = await client.call(deleteSnapshotSpec, { SnapshotId: snapshotId, Force: force }, { idempotent: true, ...opts });
    return { requestId: body.RequestId, notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidSnapshotId.NotFound'])) return { requestId: err.requestId ?? '', notFound: true };
    throw err;
  }
}

export type CreateSnapshotInput = Omit<ClientInputOf<typeof createSnapshotSpec>, 'ClientToken'>;
export type ModifySnapshotAttributeInput = ClientInputOf<typeof modifySnapshotAttributeSpec>;

/** The snapshot, or undefined when DescribeSnapshots does not list it. */
export async function describeSnapshot(
  client: AlibabaCloudClient,
  snapshotId: string,
  opts: CallOptions = {},
): Promise<Snapshot | undefined> {
  const { snapshots } = await describeSnapshots(client, { SnapshotIds: [snapshotId], PageSize: 10 }, opts);
  return snapshots.find((s) => s.SnapshotId === snapshotId);
}

/** CreateSnapshot with a fresh ClientToken (a retried call cannot take a second snapshot). */
export async function createSnapshot(
  client: AlibabaCloudClient,
  input: CreateSnapshotInput,
  opts: CallOptions = {},
): Promise<{ snapshotId: string }> {
  const body = await callWithClientToken(client, createSnapshotSpec, input, opts);
  return { snapshotId: body.SnapshotId };
}

export async function modifySnapshotAttribute(
  client: AlibabaCloudClient,
  input: ModifySnapshotAttributeInput,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifySnapshotAttributeSpec, input, opts);
}

/** Wait until the snapshot is `accomplished`; `failed` or a vanished snapshot fails the wait. */
export async function waitSnapshotAccomplished(
  client: AlibabaCloudClient,
  snapshotId: string,
  o: { timeoutMs: number; signal?: AbortSignal; onProgress?(s: Snapshot): void },
): Promise<Snapshot> {
  const s = await waitFor(() => describeSnapshot(client, snapshotId, { signal: o.signal, current: true }), {
    what: `snapshot ${snapshotId} to be accomplished`,
    timeoutMs: o.timeoutMs,
    isDone: (x) => x?.Status === 'accomplished',
    isFailed: (x) => (!x ? `snapshot ${snapshotId} does not exist` : x.Status === 'failed' ? `snapshot ${snapshotId} failed` : undefined),
    describe: (x) => (x ? `${x.Status} ${x.Progress}` : 'not found'),
    firstDelayMs: 200,
    minIntervalMs: 500,
    maxIntervalMs: 5000,
    signal: o.signal,
    onProgress: (x) => x && o.onProgress?.(x),
  });
  return s!;
}
