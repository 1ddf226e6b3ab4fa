/** Handlers of the auto-snapshot-policies family, one export per action (`CreateAutoSnapshotPolicy` -> `createAutoSnapshotPolicy`). */
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type {
  applyAutoSnapshotPolicySpec,
  cancelAutoSnapshotPolicySpec,
  createAutoSnapshotPolicySpec,
  deleteAutoSnapshotPolicySpec,
  describeAutoSnapshotPolicyExSpec,
  modifyAutoSnapshotPolicyExSpec,
} from '../../spec/ecs/auto-snapshot-policies.js';
import { pageCounts, paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { getTags, matchesTagFilter, removeTags, setTags, tagSet } from '../tags/repository.js';
import {
  applyToDisk,
  autoSnapshotPolicies,
  cancelForDisk,
  diskCount,
  insertAutoSnapshotPolicy,
  removePolicy,
  POLICY_TAG_TYPE,
  type AutoSnapshotPolicyRecord,
} from './repository.js';

/** Automatic snapshot policies per account and region (ECS quota). */
const QUOTA = 100;

function existing(ctx: HandlerContext, id: string): AutoSnapshotPolicyRecord {
  const p = autoSnapshotPolicies.find(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!p)
    throw apiError('InvalidAutoSnapshotPolicyId.NotFound', `The automatic snapshot policy ${id} does not exist in region ${ctx.regionId}.`);
  return p;
}

/** Hours 0-23, each once; answered as a JSON array of strings. */
function checkTimePoints(items: readonly string[]): string {
  const bad = items.find((h) => !/^\d{1,2}$/.test(h) || Number(h) > 23);
  if (bad !== undefined || new Set(items).size !== items.length || items.length === 0)
    throw apiError('InvalidTimePoints.Malformed', `timePoints must be a JSON array of distinct hours 0-23, got ${JSON.stringify(items)}.`);
  return JSON.stringify(items.map((h) => String(Number(h))));
}

/** Weekdays 1 (Monday) - 7 (Sunday), each once. */
function checkWeekdays(items: readonly string[]): string {
  const bad = items.find((d) => !/^[1-7]$/.test(d));
  if (bad !== undefined || new Set(items).size !== items.length || items.length === 0)
    throw apiError(
      'InvalidRepeatWeekdays.Malformed',
      `repeatWeekdays must be a JSON array of distinct weekdays 1 (Monday) - 7 (Sunday), got ${JSON.stringify(items)}.`,
    );
  return JSON.stringify(items);
}

function checkRetention(days: number): number {
  if (days !== -1 && (days < 1 || days > 65536))
    throw apiError('InvalidRetentionDays.Malformed', `retentionDays must be -1 (keep forever) or 1-65536, got ${days}.`);
  return days;
}

/** The account's disk in the region, or InvalidDiskId.NotFound. */
function checkDisks(ctx: HandlerContext, ids: readonly string[]): void {
  for (const id of ids) {
    if (!ctx.backend.queries.disks?.find(ctx.db, ctx.account.accountId, ctx.regionId, id))
      throw apiError('InvalidDiskId.NotFound', `The disk ${id} does not exist in region ${ctx.regionId}.`);
  }
}

export const createAutoSnapshotPolicy: HandlerOf<typeof createAutoSnapshotPolicySpec> = (ctx, input) => {
  const { accountId } = ctx.account;
  const timePoints = checkTimePoints(input.timePoints);
  const repeatWeekdays = checkWeekdays(input.repeatWeekdays);
  const retentionDays = checkRetention(input.retentionDays);
  if (autoSnapshotPolicies.list(ctx.db, accountId, ctx.regionId).length >= QUOTA)
    throw apiError(
      'QuotaExceed.AutoSnapshotPolicy',
      `The account already has ${QUOTA} automatic snapshot policies in region ${ctx.regionId}.`,
    );
  const resourceGroupId = resolveResourceGroup(ctx, input.ResourceGroupId, 'InvalidResourceGroup.NotFound');
  const id = ctx.newId('sp-');
  insertAutoSnapshotPolicy(ctx.db, {
    id,
    accountId,
    regionId: ctx.regionId,
    name: input.autoSnapshotPolicyName ?? '',
    timePoints,
    repeatWeekdays,
    retentionDays,
    resourceGroupId,
    createdAt: ctx.now().getTime(),
  });
  const tags = (input.Tag ?? []).filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value ?? '' }));
  if (tags.length > 0) setTags(ctx.db, accountId, POLICY_TAG_TYPE, id, tags);
  return { AutoSnapshotPolicyId: id };
};

/** DescribeAutoSnapshotPolicyEx: by id, name, resource group and tags; newest first, pages of 10 by default. */
export const describeAutoSnapshotPolicyEx: HandlerOf<typeof describeAutoSnapshotPolicyExSpec> = (ctx, input) => {
  const { accountId } = ctx.account;
  const all = autoSnapshotPolicies
    .list(ctx.db, accountId, ctx.regionId)
    .filter((p) => input.AutoSnapshotPolicyId === undefined || p.id === input.AutoSnapshotPolicyId)
    .filter((p) => input.AutoSnapshotPolicyName === undefined || p.name === input.AutoSnapshotPolicyName)
    .filter((p) => input.ResourceGroupId === undefined || p.resourceGroupId === input.ResourceGroupId)
    .map((p) => ({ p, tags: getTags(ctx.db, accountId, POLICY_TAG_TYPE, p.id) }))
    .filter(({ tags }) => !input.Tag || input.Tag.length === 0 || matchesTagFilter(tags, input.Tag));
  const page = paginate(all, { PageNumber: input.PageNumber, PageSize: input.PageSize });
  return {
    ...pageCounts(page),
    AutoSnapshotPolicies: {
      AutoSnapshotPolicy: page.items.map(({ p, tags }) => ({
        AutoSnapshotPolicyId: p.id,
        AutoSnapshotPolicyName: p.name,
        RegionId: p.regionId,
        TimePoints: p.timePoints,
        RepeatWeekdays: p.repeatWeekdays,
        RetentionDays: p.retentionDays,
        DiskNums: diskCount(ctx.db, p.id),
        VolumeNums: 0,
        Status: 'Normal',
        CreationTime: isoSeconds(p.createdAt),
        ResourceGroupId: p.resourceGroupId,
        Type: 'Custom',
        EnableCrossRegionCopy: false,
        Tags: tagSet(tags),
      })),
    },
  };
};

/** ModifyAutoSnapshotPolicyEx: any of the schedule, the retention and the name. */
export const modifyAutoSnapshotPolicyEx: HandlerOf<typeof modifyAutoSnapshotPolicyExSpec> = (ctx, input) => {
  const p = existing(ctx, input.autoSnapshotPolicyId);
  autoSnapshotPolicies.update(ctx.db, p.id, {
    time_points: input.timePoints === undefined ? undefined : checkTimePoints(input.timePoints),
    repeat_weekdays: input.repeatWeekdays === undefined ? undefined : checkWeekdays(input.repeatWeekdays),
    retention_days: input.retentionDays === undefined ? undefined : checkRetention(input.retentionDays),
    name: input.autoSnapshotPolicyName,
  });
  return {};
};

/** DeleteAutoSnapshotPolicy: the disks it applies to are released from it. */
export const deleteAutoSnapshotPolicy: HandlerOf<typeof deleteAutoSnapshotPolicySpec> = (ctx, input) => {
  const p = existing(ctx, input.autoSnapshotPolicyId);
  removePolicy(ctx.db, p.id);
  removeTags(ctx.db, ctx.account.accountId, POLICY_TAG_TYPE, p.id, 'all');
  return {};
};

/** ApplyAutoSnapshotPolicy: each disk follows this policy (a disk follows at most one). */
export const applyAutoSnapshotPolicy: HandlerOf<typeof applyAutoSnapshotPolicySpec> = (ctx, input) => {
  const p = existing(ctx, input.autoSnapshotPolicyId);
  checkDisks(ctx, input.diskIds);
  for (const d of input.diskIds) applyToDisk(ctx.db, p.id, d);
  return {};
};

/** CancelAutoSnapshotPolicy: the disks follow no policy. */
export const cancelAutoSnapshotPolicy: HandlerOf<typeof cancelAutoSnapshotPolicySpec> = (ctx, input) => {
  if (input.autoSnapshotPolicyId !== undefined) existing(ctx, input.autoSnapshotPolicyId);
  checkDisks(ctx, input.diskIds);
  for (const d of input.diskIds) cancelForDisk(ctx.db, d);
  return {};
};
