/**
 * ECS DescribeSnapshots and DeleteSnapshot (the provider's `delete_auto_snapshot` path).
 */
import { deleteSnapshotSpec, describeSnapshotsSpec } from '../spec/ecs/snapshots.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { bool, items, num, obj, requestIdOf, str } from './decode.js';
import { isNotFoundError } from './errors.js';

export interface Snapshot {
  SnapshotId: string;
  SnapshotName: string;
  Description: string;
  /** `progressing`, `accomplished`, `failed`. */
  Status: string;
  Progress: string;
  CreationTime: string;
  SourceDiskId: string;
  /** GiB as a string (wire type). */
  SourceDiskSize: string;
  /** `system` or `data`. */
  SourceDiskType: string;
  /** `image`, `disk`, `image_disk`, `none`. */
  Usage: string;
  Encrypted: boolean;
  Available: boolean;
  SnapshotType: string;
  Category: string;
  ResourceGroupId: string;
  RemainTime: number;
  Tags: { TagKey: string; TagValue: string }[];
}

export interface DescribeSnapshotsFilter {
  RegionId?: string;
  /** Sent as a JSON array string (<= 100). */
  SnapshotIds?: string[];
  InstanceId?: string;
  DiskId?: string;
  SnapshotName?: string;
  Status?: 'progressing' | 'accomplished' | 'failed' | 'all';
  SnapshotType?: 'auto' | 'user' | 'all';
  SourceDiskType?: string;
  Usage?: 'image' | 'disk' | 'image_disk' | 'none';
  ResourceGroupId?: string;
  Tag?: { Key: string; Value?: string }[];
  MaxResults?: number;
  NextToken?: string;
}

export async function describeSnapshots(
  client: AlibabaCloudClient,
  filter: DescribeSnapshotsFilter = {},
  opts: CallOptions = {},
): Promise<{ snapshots: Snapshot[]; totalCount: number; nextToken: string; requestId: string }> {
  const body = await client.call(describeSnapshotsSpec, { ...filter }, opts);
  return {
    snapshots: items(obj(body.Snapshots), 'Snapshot').map(decodeSnapshot),
    totalCount: num(body.TotalCount),
    nextToken: str(body.NextToken),
    requestId: requestIdOf(body),
  };
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
    return { requestId: requestIdOf(body), notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidSnapshotId.NotFound'])) return { requestId: err.requestId ?? '', notFound: true };
    throw err;
  }
}

function decodeSnapshot(o: Record<string, unknown>): Snapshot {
  return {
    SnapshotId: str(o.SnapshotId),
    SnapshotName: str(o.SnapshotName),
    Description: str(o.Description),
    Status: str(o.Status),
    Progress: str(o.Progress),
    CreationTime: str(o.CreationTime),
    SourceDiskId: str(o.SourceDiskId),
    SourceDiskSize: str(o.SourceDiskSize),
    SourceDiskType: str(o.SourceDiskType),
    Usage: str(o.Usage),
    Encrypted: bool(o.Encrypted),
    Available: bool(o.Available),
    SnapshotType: str(o.SnapshotType),
    Category: str(o.Category),
    ResourceGroupId: str(o.ResourceGroupId),
    RemainTime: num(o.RemainTime),
    Tags: items(obj(o.Tags), 'Tag').map((t) => ({ TagKey: str(t.TagKey), TagValue: str(t.TagValue) })),
  };
}
