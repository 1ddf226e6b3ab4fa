/**
 * Image tasks (ImportImage, ExportImage) and the actions that report them: DescribeTasks and
 * DescribeTaskAttribute (api-wave2.md §1.6). Like images, a task's status is derived from stored
 * times: Processing until `finishAt`, then Finished (or Failed when it was made to fail).
 */
import type Database from 'better-sqlite3';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { describeTaskAttributeSpec, describeTasksSpec } from '../../spec/ecs/image-transfer.js';
import { isoSeconds } from '../core/time.js';

export interface TaskRecord {
  id: string;
  accountId: number;
  regionId: string;
  action: 'ImportImage' | 'ExportImage';
  resourceId: string;
  createdAt: number;
  finishAt: number;
  fail: boolean;
}

interface Row {
  id: string;
  account_id: number;
  region_id: string;
  action: TaskRecord['action'];
  resource_id: string;
  created_at: number;
  finish_at: number;
  fail: number;
}

const toTask = (r: Row): TaskRecord => ({
  id: r.id,
  accountId: r.account_id,
  regionId: r.region_id,
  action: r.action,
  resourceId: r.resource_id,
  createdAt: r.created_at,
  finishAt: r.finish_at,
  fail: r.fail === 1,
});

export function insertTask(db: Database.Database, t: TaskRecord): void {
  db.prepare(
    'INSERT INTO image_tasks (id, account_id, region_id, action, resource_id, created_at, finish_at, fail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(t.id, t.accountId, t.regionId, t.action, t.resourceId, t.createdAt, t.finishAt, t.fail ? 1 : 0);
}

function tasksOf(db: Database.Database, accountId: number, regionId: string): TaskRecord[] {
  return (
    db
      .prepare('SELECT * FROM image_tasks WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, id')
      .all(accountId, regionId) as Row[]
  ).map(toTask);
}

export function taskStatus(t: TaskRecord, now: Date): { status: 'Processing' | 'Finished' | 'Failed'; percent: number } {
  const at = now.getTime();
  if (at >= t.finishAt) return t.fail ? { status: 'Failed', percent: 100 } : { status: 'Finished', percent: 100 };
  const span = Math.max(1, t.finishAt - t.createdAt);
  return { status: 'Processing', percent: Math.min(99, Math.floor(((at - t.createdAt) / span) * 100)) };
}

/** An unfinished task of this action on this resource, if any. */
export function runningTask(ctx: HandlerContext, action: TaskRecord['action'], resourceId: string): TaskRecord | undefined {
  return tasksOf(ctx.db, ctx.account.accountId, ctx.regionId).find(
    (t) => t.action === action && t.resourceId === resourceId && taskStatus(t, ctx.now()).status === 'Processing',
  );
}

const finished = (t: TaskRecord, status: string) => (status === 'Processing' ? '' : isoSeconds(t.finishAt));

export const describeTasks: HandlerOf<typeof describeTasksSpec> = (ctx, input) => {
  const ids = input.TaskIds ? new Set(input.TaskIds) : undefined;
  const resources = input.ResourceIds && input.ResourceIds.length > 0 ? new Set(input.ResourceIds) : undefined;
  // Other TaskStatus values are ignored (SDK remark), as if absent.
  const wanted = ['Finished', 'Processing', 'Failed'].includes(input.TaskStatus ?? '') ? input.TaskStatus : undefined;
  const now = ctx.now();
  const all = tasksOf(ctx.db, ctx.account.accountId, ctx.regionId)
    .map((t) => ({ t, s: taskStatus(t, now).status }))
    .filter(({ t }) => (!ids || ids.has(t.id)) && (!resources || resources.has(t.resourceId)))
    .filter(({ t, s }) => (!input.TaskAction || t.action === input.TaskAction) && (!wanted || s === wanted));
  const page = input.PageNumber ?? 1;
  const size = input.PageSize ?? 10;
  return {
    RegionId: ctx.regionId,
    TotalCount: all.length,
    PageNumber: page,
    PageSize: size,
    TaskSet: {
      Task: all.slice((page - 1) * size, page * size).map(({ t, s }) => ({
        TaskId: t.id,
        TaskAction: t.action,
        TaskStatus: s,
        SupportCancel: s === 'Processing' ? 'true' : 'false',
        CreationTime: isoSeconds(t.createdAt),
        FinishedTime: finished(t, s),
        ResourceId: t.resourceId,
      })),
    },
  };
};

export const describeTaskAttribute: HandlerOf<typeof describeTaskAttributeSpec> = (ctx, input) => {
  const t = tasksOf(ctx.db, ctx.account.accountId, ctx.regionId).find((x) => x.id === input.TaskId);
  if (!t) throw apiError('InvalidTaskId.NotFound', `The task "${input.TaskId}" does not exist in region ${ctx.regionId}.`);
  const { status, percent } = taskStatus(t, ctx.now());
  const done = status === 'Processing' ? 0 : 1;
  return {
    RegionId: ctx.regionId,
    TaskId: t.id,
    TaskAction: t.action,
    TaskStatus: status,
    TaskProcess: `${percent}%`,
    SupportCancel: status === 'Processing' ? 'true' : 'false',
    CreationTime: isoSeconds(t.createdAt),
    FinishedTime: finished(t, status),
    TotalCount: 1,
    SuccessCount: status === 'Finished' ? done : 0,
    FailedCount: status === 'Failed' ? done : 0,
  };
};
