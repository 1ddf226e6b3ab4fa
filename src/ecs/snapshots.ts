/**
 * ECS DescribeSnapshots and DeleteSnapshot (the provider's `delete_auto_snapshot` path).
 */
import { deleteSnapshotSpec, describeSnapshotsSpec } from '../spec/ecs/snapshots.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { isNotFoundError } from './errors.js';

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
