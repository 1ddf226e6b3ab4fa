import type { HandlerContext, HandlerOf } from '../context.js';
import { pageOfListing } from '../db/list-sql.js';
import type { HandlerOutputOf } from '../../spec/ecs/infer.js';
import type { describeSnapshotsSpec } from '../../spec/ecs/snapshots.js';
import { isoSeconds } from '../core/time.js';
import { accountTags, getTags, tagSet, type Tag } from '../tags/repository.js';
import { snapshotsByIds, snapshotState, type SnapshotRecord } from './repository.js';
import { querySnapshots, snapshotsInUse } from './snapshot-query.js';

type Usage = 'image' | 'disk' | 'image_disk' | 'none';
const usageOf = (byImage: boolean, byDisk: boolean): Usage => (byImage ? (byDisk ? 'image_disk' : 'image') : byDisk ? 'disk' : 'none');

/** Snapshot `Usage`: `image` while a custom image references it, `disk` while a disk made from it exists, `image_disk` both, else `none`. */
export const snapshotUsage = (ctx: HandlerContext, id: string): Usage =>
  usageOf(
    (ctx.backend.queries.images?.usingSnapshot(ctx.db, id).length ?? 0) > 0,
    (ctx.backend.queries.disks?.fromSnapshots(ctx.db, [id]).get(id)?.length ?? 0) > 0,
  );

/** One Snapshot object of DescribeSnapshots. */
type SnapshotObject = HandlerOutputOf<typeof describeSnapshotsSpec>['Snapshots']['Snapshot'][number];

/** The Snapshot object of DescribeSnapshots with the SDK's JSON types. */
export function snapshotView(ctx: HandlerContext, s: SnapshotRecord, extras?: { tags: readonly Tag[]; usage: Usage }): SnapshotObject {
  const st = snapshotState(s, ctx.now());
  return {
    SnapshotId: s.id,
    SnapshotName: s.name,
    Description: s.description,
    Status: st.status,
    Progress: `${st.progress}%`,
    RemainTime: st.remainSeconds,
    CreationTime: isoSeconds(s.createdAt),
    LastModifiedTime: isoSeconds(s.readyAt),
    SourceDiskId: s.sourceDiskId,
    SourceDiskSize: String(s.sourceDiskSizeGiB),
    SourceDiskType: s.sourceDiskType,
    SourceStorageType: s.sourceStorageType,
    Usage: extras?.usage ?? snapshotUsage(ctx, s.id),
    Encrypted: s.encrypted,
    KMSKeyId: '',
    InstantAccess: false,
    InstantAccessRetentionDays: 0,
    RetentionDays: s.retentionDays,
    Available: st.status === 'accomplished',
    Category: s.category,
    SnapshotType: s.snapshotType,
    SnapshotSN: `${s.id}-sn`,
    SnapshotLinkId: `sl-${s.sourceDiskId}`,
    ProductCode: '',
    ResourceGroupId: s.resourceGroupId,
    RegionId: s.regionId,
    SourceRegionId: '',
    SourceSnapshotId: '',
    FullSnapshotSizeInBytes: s.sourceDiskSizeGiB * 1024 ** 3,
    Tags: tagSet(extras?.tags ?? getTags(ctx.db, ctx.account.accountId, 'snapshot', s.id)),
  };
}

/** DescribeSnapshots: the account's snapshots in the region, filtered, newest first, paged. */
export const describeSnapshots: HandlerOf<typeof describeSnapshotsSpec> = (ctx, input) => {
  const list = querySnapshots(ctx.db, {
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    now: ctx.now().getTime(),
    ids: input.SnapshotIds,
    instanceId: input.InstanceId,
    diskId: input.DiskId,
    name: input.SnapshotName,
    status: input.Status,
    snapshotType: input.SnapshotType,
    sourceDiskType: input.SourceDiskType?.toLowerCase(),
    usage: input.Usage,
    category: input.Category,
    encrypted: input.Encrypted,
    resourceGroupId: input.ResourceGroupId,
    tags: input.Tag ?? [],
  });
  const { items, paging } = pageOfListing(list, input, (ids) => snapshotsByIds(ctx.db, ids));
  const shown = items.map((s) => s.id);
  const tagsOf = accountTags(ctx.db, 'snapshot', ctx.account.accountId, shown);
  const used = snapshotsInUse(ctx.db, shown);
  const madeDisks = ctx.backend.queries.disks?.fromSnapshots(ctx.db, shown);
  return {
    ...paging,
    Snapshots: {
      Snapshot: items.map((s) =>
        snapshotView(ctx, s, {
          tags: tagsOf(s.id),
          usage: usageOf(used.has(s.id), madeDisks?.has(s.id) ?? false),
        }),
      ),
    },
  };
};
