import type { HandlerContext, HandlerOf } from '../context.js';
import { pageOfListing } from '../db/list-sql.js';
import type { HandlerOutputOf } from '../../spec/ecs/infer.js';
import type { describeDisksSpec } from '../../spec/ecs/disks.js';
import { accountTags, getTags, tagSet, type Tag } from '../tags/repository.js';
import { disksByIds, diskStatus, type DiskView } from './repository.js';
import { queryDisks } from './disk-query.js';

type DiskObject = HandlerOutputOf<typeof describeDisksSpec>['Disks']['Disk'][number];

/** The seconds Creating, Attaching and Detaching last (as long as an instance takes to start). */
export const diskTransitionSeconds = (ctx: HandlerContext) => ctx.settings.instanceStartSeconds;

/** One Disk object of DescribeDisks. */
export function diskView(ctx: HandlerContext, d: DiskView, tags?: readonly Tag[]): DiskObject {
  const status = diskStatus(d, ctx.now(), diskTransitionSeconds(ctx));
  // While Detaching, ECS still shows the instance the disk leaves.
  const policy = ctx.backend.queries.autoSnapshotPolicies?.ofDisk(ctx.db, d.id) ?? '';
  const instanceId = d.instanceId || (status === 'Detaching' ? d.lastInstanceId : '');
  return {
    DiskId: d.id,
    DiskName: d.name,
    Description: d.description,
    Type: d.type,
    Category: d.category,
    Size: d.sizeGiB,
    Device: d.device,
    Status: status,
    InstanceId: instanceId,
    RegionId: d.regionId,
    ZoneId: d.zoneId,
    ImageId: d.imageId,
    SourceSnapshotId: d.sourceSnapshotId,
    ResourceGroupId: d.resourceGroupId,
    CreationTime: d.creationTime,
    AttachedTime: d.attachedTime,
    DetachedTime: d.detachedTime,
    Encrypted: d.encrypted,
    KMSKeyId: d.kmsKeyId,
    Portable: d.type === 'data',
    DeleteWithInstance: d.deleteWithInstance,
    DeleteAutoSnapshot: d.deleteAutoSnapshot,
    AutoSnapshotPolicyId: policy,
    // On for every disk: ECS ignores ModifyDiskAttribute EnableAutoSnapshot (deprecated); the policy decides what is taken.
    EnableAutoSnapshot: true,
    EnableAutomatedSnapshotPolicy: policy !== '',
    DiskChargeType: 'PostPaid',
    MultiAttach: 'Disabled',
    PerformanceLevel: d.performanceLevel,
    BurstingEnabled: d.burstingEnabled,
    ProvisionedIops: d.provisionedIops,
    SerialNumber: `${d.id}-serial`,
    OperationLocks: { OperationLock: [] },
    Attachments: { Attachment: d.instanceId ? [{ InstanceId: d.instanceId, Device: d.device, AttachedTime: d.attachedTime }] : [] },
    Tags: tagSet(tags ?? getTags(ctx.db, ctx.account.accountId, 'disk', d.id)),
  };
}

/** DescribeDisks: the account's disks in the region, filtered, newest first, paged. */
export const describeDisks: HandlerOf<typeof describeDisksSpec> = (ctx, input) => {
  const a = ctx.account.accountId;
  const list = queryDisks(ctx.db, {
    accountId: a,
    regionId: ctx.regionId,
    ids: input.DiskIds,
    instanceId: input.InstanceId,
    diskType: input.DiskType === 'system' || input.DiskType === 'data' ? input.DiskType : undefined,
    category: input.Category === 'all' ? undefined : input.Category,
    status: input.Status === 'All' ? undefined : input.Status,
    now: ctx.now().getTime(),
    transitionSeconds: diskTransitionSeconds(ctx),
    zoneId: input.ZoneId,
    name: input.DiskName,
    snapshotId: input.SnapshotId,
    portable: input.Portable,
    encrypted: input.Encrypted,
    deleteWithInstance: input.DeleteWithInstance,
    resourceGroupId: input.ResourceGroupId,
    tags: input.Tag ?? [],
  });
  const { items, paging } = pageOfListing(list, input, (ids) => disksByIds(ctx.db, ids));
  const tagsOf = accountTags(
    ctx.db,
    'disk',
    a,
    items.map((d) => d.id),
  );
  return {
    ...paging,
    Disks: { Disk: items.map((d) => diskView(ctx, d, tagsOf(d.id))) },
  };
};
