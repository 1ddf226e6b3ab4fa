import type { HandlerOf } from '../context.js';
import { pageWindow } from '../core/paging.js';
import type { describeDisksSpec } from '../../spec/ecs/instances.js';
import { getTagsOfMany } from '../tags/repository.js';
import { currentInstanceStatus, disksByIds, instancesByIds } from './repository.js';
import { queryDisks } from './disk-query.js';

/** DescribeDisks: the account's disks in the region (system and data disks of its instances). */
export const describeDisks: HandlerOf<typeof describeDisksSpec> = (ctx, input) => {
  const a = ctx.account.accountId;
  const list = queryDisks(ctx.db, {
    accountId: a,
    regionId: ctx.regionId,
    ids: input.DiskIds,
    instanceId: input.InstanceId,
    diskType: input.DiskType === 'system' || input.DiskType === 'data' ? input.DiskType : undefined,
    zoneId: input.ZoneId,
    resourceGroupId: input.ResourceGroupId,
    tags: input.Tag ?? [],
  });
  const page = pageWindow(list.total, input);
  const items = disksByIds(ctx.db, list.ids(page.offset, page.limit));
  // The page's instances and tags in one query each (an instance counts only in the same account and region).
  const instances = new Map(
    instancesByIds(ctx.db, [...new Set(items.map((d) => d.instanceId).filter((id) => id !== ''))])
      .filter((i) => i.accountId === a && i.regionId === ctx.regionId)
      .map((i) => [i.id, i]),
  );
  const tags = getTagsOfMany(
    ctx.db,
    'disk',
    items.map((d) => ({ accountId: a, resourceId: d.id })),
  );
  return {
    TotalCount: list.total,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    NextToken: page.nextToken,
    Disks: {
      Disk: items.map((d) => {
        const inst = d.instanceId ? instances.get(d.instanceId) : undefined;
        const running = inst ? currentInstanceStatus(inst, ctx.now(), ctx.settings.instanceStartSeconds) : undefined;
        return {
          DiskId: d.id,
          DiskName: '',
          Description: '',
          Type: d.type,
          Category: d.category,
          Size: d.sizeGiB,
          Device: d.device,
          Status: inst ? (running === 'Running' || running === 'Stopped' || running === 'Stopping' ? 'In_use' : 'Attaching') : 'Available',
          InstanceId: d.instanceId,
          RegionId: d.regionId,
          ZoneId: d.zoneId,
          ImageId: d.imageId,
          SourceSnapshotId: '',
          ResourceGroupId: d.resourceGroupId,
          CreationTime: d.creationTime,
          AttachedTime: d.creationTime,
          Encrypted: false,
          Portable: d.type === 'data',
          DeleteWithInstance: true,
          DeleteAutoSnapshot: true,
          EnableAutoSnapshot: false,
          DiskChargeType: 'PostPaid',
          PerformanceLevel: d.category === 'cloud_essd' ? 'PL1' : '',
          BDFId: '',
          SerialNumber: `${d.id}-serial`,
          OperationLocks: { OperationLock: [] },
          Attachments: { Attachment: inst ? [{ InstanceId: inst.id, Device: d.device, AttachedTime: d.creationTime }] : [] },
          Tags: { Tag: (tags.get(`${a}/${d.id}`) ?? []).map((t) => ({ TagKey: t.key, TagValue: t.value })) },
        };
      }),
    },
  };
};
