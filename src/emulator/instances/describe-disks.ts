import type { Handler } from '../context.js';
import { getTags, matchesTagFilter } from '../tags/repository.js';
import { tagFilterFromInput } from '../tags/validate.js';
import { currentInstanceStatus, getInstance, listDisks } from './repository.js';
import { paginate, stringList } from './paging.js';

/** DescribeDisks: the account's disks in the region (system and data disks of its instances). */
export const describeDisks: Handler = (ctx, input) => {
  let disks = listDisks(ctx.db, ctx.account.accountId, ctx.regionId);
  const ids = stringList(input.DiskIds);
  if (ids) disks = disks.filter((d) => ids.includes(d.id));
  if (typeof input.InstanceId === 'string') disks = disks.filter((d) => d.instanceId === input.InstanceId);
  if (input.DiskType === 'system' || input.DiskType === 'data') disks = disks.filter((d) => d.type === input.DiskType);
  if (typeof input.ZoneId === 'string') disks = disks.filter((d) => d.zoneId === input.ZoneId);
  if (typeof input.ResourceGroupId === 'string') disks = disks.filter((d) => d.resourceGroupId === input.ResourceGroupId);
  const tagFilter = tagFilterFromInput(input.Tag);
  if (tagFilter.length > 0) disks = disks.filter((d) => matchesTagFilter(getTags(ctx.db, ctx.account.accountId, 'disk', d.id), tagFilter));
  const page = paginate(disks, input);
  return {
    TotalCount: disks.length, PageNumber: page.pageNumber, PageSize: page.pageSize, NextToken: page.nextToken,
    Disks: {
      Disk: page.items.map((d) => {
        const inst = d.instanceId ? getInstance(ctx.db, ctx.account.accountId, ctx.regionId, d.instanceId) : undefined;
        const running = inst ? currentInstanceStatus(inst, ctx.now(), ctx.settings.instanceStartSeconds) : undefined;
        return {
          DiskId: d.id, DiskName: '', Description: '', Type: d.type, Category: d.category, Size: d.sizeGiB, Device: d.device,
          Status: inst ? (running === 'Running' || running === 'Stopped' || running === 'Stopping' ? 'In_use' : 'Attaching') : 'Available',
          InstanceId: d.instanceId, RegionId: d.regionId, ZoneId: d.zoneId, ImageId: d.imageId, SourceSnapshotId: '',
          ResourceGroupId: d.resourceGroupId, CreationTime: d.creationTime, AttachedTime: d.creationTime, Encrypted: false,
          Portable: d.type === 'data', DeleteWithInstance: true, DeleteAutoSnapshot: true, EnableAutoSnapshot: false,
          DiskChargeType: 'PostPaid', PerformanceLevel: d.category === 'cloud_essd' ? 'PL1' : '', BDFId: '', SerialNumber: `${d.id}-serial`,
          OperationLocks: { OperationLock: [] }, Attachments: { Attachment: inst ? [{ InstanceId: inst.id, Device: d.device, AttachedTime: d.creationTime }] : [] },
          Tags: { Tag: getTags(ctx.db, ctx.account.accountId, 'disk', d.id).map((t) => ({ TagKey: t.key, TagValue: t.value })) },
        };
      }),
    },
  };
};
