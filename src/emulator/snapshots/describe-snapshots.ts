import type { Handler, HandlerContext } from '../context.js';
import { getTags, matchesTagFilter } from '../tags/repository.js';
import { tagFilterFromInput } from '../tags/validate.js';
import { imagesUsingSnapshot } from '../images/repository.js';
import { isoSeconds } from '../images/model.js';
import { paginate, stringList } from '../instances/paging.js';
import { listSnapshots, snapshotState, type SnapshotRecord } from './repository.js';

/** Snapshot `Usage`: `image` while a custom image references it, else `none`. */
export const snapshotUsage = (ctx: HandlerContext, id: string): 'image' | 'none' => (imagesUsingSnapshot(ctx.db, id).length > 0 ? 'image' : 'none');

/** The Snapshot object of DescribeSnapshots with the SDK's JSON types. */
export function snapshotView(ctx: HandlerContext, s: SnapshotRecord): Record<string, unknown> {
  const st = snapshotState(s, ctx.now());
  return {
    SnapshotId: s.id, SnapshotName: s.name, Description: s.description, Status: st.status, Progress: `${st.progress}%`, RemainTime: st.remainSeconds,
    CreationTime: isoSeconds(s.createdAt), LastModifiedTime: isoSeconds(s.readyAt), SourceDiskId: s.sourceDiskId, SourceDiskSize: String(s.sourceDiskSizeGiB),
    SourceDiskType: s.sourceDiskType, SourceStorageType: s.sourceStorageType, Usage: snapshotUsage(ctx, s.id), Encrypted: s.encrypted, KMSKeyId: '',
    InstantAccess: false, InstantAccessRetentionDays: 0, RetentionDays: s.retentionDays, Available: st.status === 'accomplished', Category: s.category,
    SnapshotType: s.snapshotType, SnapshotSN: `${s.id}-sn`, SnapshotLinkId: `sl-${s.sourceDiskId}`, ProductCode: '', ResourceGroupId: s.resourceGroupId,
    RegionId: s.regionId, SourceRegionId: '', SourceSnapshotId: '', FullSnapshotSizeInBytes: s.sourceDiskSizeGiB * 1024 ** 3,
    Tags: { Tag: getTags(ctx.db, ctx.account.accountId, 'snapshot', s.id).map((t) => ({ TagKey: t.key, TagValue: t.value })) },
  };
}

/** DescribeSnapshots: the account's snapshots in the region, filtered, newest first, paged. */
export const describeSnapshots: Handler = (ctx, input) => {
  const now = ctx.now();
  const ids = stringList(input.SnapshotIds);
  const tagFilter = tagFilterFromInput(input.Tag);
  const status = input.Status as string | undefined;
  const type = input.SnapshotType as string | undefined;
  const all = listSnapshots(ctx.db, ctx.account.accountId, ctx.regionId).filter((s) => {
    if (ids && !ids.includes(s.id)) return false;
    if (input.InstanceId !== undefined && s.instanceId !== input.InstanceId) return false;
    if (input.DiskId !== undefined && s.sourceDiskId !== input.DiskId) return false;
    if (input.SnapshotName !== undefined && s.name !== input.SnapshotName) return false;
    if (status && status !== 'all' && (status === 'failed' || snapshotState(s, now).status !== status)) return false;
    if (type && type !== 'all' && s.snapshotType !== type) return false;
    if (typeof input.SourceDiskType === 'string' && s.sourceDiskType !== input.SourceDiskType.toLowerCase()) return false;
    if (input.Usage !== undefined) {
      const usage = snapshotUsage(ctx, s.id);
      if (!(input.Usage === usage || (input.Usage === 'image_disk' && usage === 'image'))) return false;
    }
    if (input.Category !== undefined && s.category !== input.Category) return false;
    if (input.Encrypted !== undefined && s.encrypted !== input.Encrypted) return false;
    if (input.ResourceGroupId !== undefined && s.resourceGroupId !== input.ResourceGroupId) return false;
    if (tagFilter.length > 0 && !matchesTagFilter(getTags(ctx.db, ctx.account.accountId, 'snapshot', s.id), tagFilter)) return false;
    return true;
  });
  const page = paginate(all, input);
  return {
    TotalCount: all.length, PageNumber: page.pageNumber, PageSize: page.pageSize, NextToken: page.nextToken,
    Snapshots: { Snapshot: page.items.map((s) => snapshotView(ctx, s)) },
  };
};
