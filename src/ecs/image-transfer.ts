/**
 * Image transfer through object storage: ImportImage (an image from OSS objects), ExportImage
 * (an image to an OSS object), and the task reads and waiter that follow an export
 * (DescribeTasks, DescribeTaskAttribute). Typed from `src/spec/ecs/image-transfer.ts`.
 */
import { describeTaskAttributeSpec, describeTasksSpec, exportImageSpec, importImageSpec } from '../spec/ecs/image-transfer.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import type { ImageWaitOptions } from './images.js';
import { waitFor } from './wait.js';

export type ImportImageInput = ClientInputOf<typeof importImageSpec>;
export type ExportImageInput = ClientInputOf<typeof exportImageSpec>;
export type DescribeTasksFilter = ClientInputOf<typeof describeTasksSpec>;
export type TaskAttribute = OutputOf<typeof describeTaskAttributeSpec>;
export type TaskSummary = OutputOf<typeof describeTasksSpec>['TaskSet']['Task'][number];

/**
 * Start importing an image; it exists at once (Waiting/Creating) and is usable later: follow with
 * `waitImageUsable`. A ClientToken (generated when absent) makes a retried call return the same image.
 */
export async function importImage(
  client: AlibabaCloudClient,
  input: ImportImageInput,
  opts: CallOptions = {},
): Promise<{ imageId: string; taskId: string; requestId: string }> {
  const body = await callWithClientToken(client, importImageSpec, input, opts);
  return { imageId: body.ImageId, taskId: body.TaskId, requestId: body.RequestId };
}

/**
 * Start exporting an image to `<OSSPrefix>_<ImageId>_system.<format>.tar.gz` in the bucket; follow
 * with {@link waitTaskFinished}. Not retried after a lost answer: ExportImage takes no ClientToken.
 */
export async function exportImage(
  client: AlibabaCloudClient,
  input: ExportImageInput,
  opts: CallOptions = {},
): Promise<{ taskId: string; requestId: string }> {
  const body = await client.call(exportImageSpec, input, opts);
  return { taskId: body.TaskId, requestId: body.RequestId };
}

/** One page of DescribeTasks. */
export async function describeTasks(
  client: AlibabaCloudClient,
  filter: DescribeTasksFilter = {},
  opts: CallOptions = {},
): Promise<{ tasks: TaskSummary[]; totalCount: number; requestId: string }> {
  const body = await client.call(describeTasksSpec, filter, opts);
  return { tasks: body.TaskSet.Task, totalCount: body.TotalCount, requestId: body.RequestId };
}

/** The task, or undefined when `InvalidTaskId.NotFound`. */
export async function describeTaskAttribute(
  client: AlibabaCloudClient,
  taskId: string,
  opts: CallOptions = {},
): Promise<TaskAttribute | undefined> {
  try {
    return await client.call(describeTaskAttributeSpec, { TaskId: taskId }, opts);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidTaskId.NotFound'])) return undefined;
    throw err;
  }
}

/** The image waiters' options, with progress reported per task answer. */
export type TaskWaitOptions = Omit<ImageWaitOptions, 'onProgress' | 'notFoundGraceMs'> & {
  onProgress?(task: TaskAttribute | undefined): void;
};

/**
 * Wait until the task is `Finished`. Unlike the official provider (which lists image states as its
 * failure states, so a `Failed` task ends its wait only as an "unexpected state"), `Failed` or
 * `Cancelled` fails at once with that reason; a task that is not found fails at once too.
 */
export async function waitTaskFinished(client: AlibabaCloudClient, taskId: string, options: TaskWaitOptions): Promise<TaskAttribute> {
  const task = await waitFor(() => describeTaskAttribute(client, taskId, { signal: options.signal, current: true }), {
    what: `task ${taskId} to finish`,
    timeoutMs: options.timeoutMs,
    isDone: (t) => t?.TaskStatus === 'Finished',
    isFailed: (t) =>
      !t
        ? `task ${taskId} does not exist`
        : ['Failed', 'Cancelled'].includes(t.TaskStatus)
          ? `task ${taskId} is ${t.TaskStatus}`
          : undefined,
    describe: (t) => (t ? `${t.TaskStatus} ${t.TaskProcess || '-'}` : 'not found'),
    firstDelayMs: options.firstDelayMs ?? 200,
    minIntervalMs: options.minIntervalMs,
    maxIntervalMs: options.maxIntervalMs,
    signal: options.signal,
    onProgress: options.onProgress,
    clock: options.clock,
  });
  return task!;
}
