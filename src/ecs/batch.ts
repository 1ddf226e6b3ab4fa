/**
 * Coalesced reads: single-object reads of the same kind that arrive within a few milliseconds
 * (Terraform refreshes every resource in parallel, each with its own ReadResource) are answered
 * by one list call carrying all their ids in the action's id filter, then split back per id.
 *
 * - A batch is keyed by client, kind, region and the rest of the filter, so only reads that would
 *   have sent the same request apart from the id are merged; it leaves when it holds
 *   {@link BatchKind.maxIds} ids or its window (default 5 ms) ends.
 * - A well-formed answer without an id means that object is gone, for its waiters only.
 * - A failed call fails every waiter with the same error (an invalid answer included: nothing is
 *   concluded from it), except a client-side error (4xx, not throttling) of a batch of several ids:
 *   one bad id must not fail its neighbours, so each id is then asked on its own.
 * - Each waiter keeps its own AbortSignal; the shared call is canceled only when every waiter is.
 */
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { isEcsServiceError } from './errors.js';
import { canceled } from './retry.js';

/** One kind of coalescible read: which list call answers a set of ids, and how to find each id in it. */
export interface BatchKind<F, Item> {
  /** The list action, e.g. `DescribeImages` (part of the batch key and of log lines). */
  readonly action: string;
  /** At most this many ids per call (the id filter's documented maximum). */
  readonly maxIds: number;
  /** Every object among `ids` that exists (all pages); `filter` is the rest of the request. */
  list(client: AlibabaCloudClient, ids: string[], filter: F, opts: CallOptions): Promise<Item[]>;
  idOf(item: Item): string;
}

interface Waiter<Item> {
  resolve(item: Item | undefined): void;
  reject(err: unknown): void;
  opts: CallOptions;
}

interface Batch<F, Item> {
  client: AlibabaCloudClient;
  kind: BatchKind<F, Item>;
  filter: F;
  waiters: Map<string, Waiter<Item>[]>;
  timer?: ReturnType<typeof setTimeout>;
}

/** How long a batch waits for more ids before it leaves (ms). */
export const BATCH_WINDOW_MS = 5;

const open = new WeakMap<AlibabaCloudClient, Map<string, Batch<never, never>>>();

/**
 * The object `id` of `kind` (undefined when a well-formed answer lacks it), read together with
 * every other read of the same kind and filter that arrives within the window.
 */
export function batchedGet<F, Item>(
  client: AlibabaCloudClient,
  kind: BatchKind<F, Item>,
  id: string,
  filter: F,
  opts: CallOptions = {},
): Promise<Item | undefined> {
  const signal = opts.signal;
  if (signal?.aborted) return Promise.reject(canceled(signal, `${kind.action} ${id}`));
  let batches = open.get(client);
  if (!batches) open.set(client, (batches = new Map()));
  const key = `${kind.action}|${client.region}|${JSON.stringify(filter)}`;
  let batch = batches.get(key) as Batch<F, Item> | undefined;
  if (!batch) {
    batch = { client, kind, filter, waiters: new Map() };
    batches.set(key, batch as unknown as Batch<never, never>);
    const b = batch;
    b.timer = setTimeout(() => leave(batches, key, b), BATCH_WINDOW_MS);
  }
  const b = batch;
  const answer = new Promise<Item | undefined>((resolve, reject) => {
    const list = b.waiters.get(id) ?? [];
    list.push({ resolve, reject, opts });
    b.waiters.set(id, list);
  });
  if (b.waiters.size >= kind.maxIds) leave(batches, key, b);
  return signal ? raceSignal(answer, signal, `${kind.action} ${id}`) : answer;
}

function leave<F, Item>(batches: Map<string, Batch<never, never>>, key: string, batch: Batch<F, Item>): void {
  if (batches.get(key) === (batch as unknown as Batch<never, never>)) batches.delete(key);
  clearTimeout(batch.timer);
  void run(batch, [...batch.waiters.keys()], true);
}

/** One list call for `ids`; settles every waiter of those ids. */
async function run<F, Item>(batch: Batch<F, Item>, ids: string[], mayRetrySingly: boolean): Promise<void> {
  const waiters = ids.flatMap((id) => batch.waiters.get(id) ?? []);
  let items: Item[];
  try {
    items = await batch.kind.list(batch.client, ids, batch.filter, sharedOptions(waiters));
  } catch (err) {
    if (mayRetrySingly && ids.length > 1 && isEcsServiceError(err) && err.fault === 'client') {
      await Promise.all(ids.map((id) => run(batch, [id], false)));
      return;
    }
    for (const w of waiters) w.reject(err);
    return;
  }
  const byId = new Map<string, Item>();
  for (const item of items) byId.set(batch.kind.idOf(item), item);
  for (const id of ids) for (const w of batch.waiters.get(id) ?? []) w.resolve(byId.get(id));
}

/** The shared call's options: canceled only when every waiter is; the longest deadline asked for. */
function sharedOptions(waiters: Waiter<unknown>[]): CallOptions {
  const signals = waiters.map((w) => w.opts.signal);
  const deadlines = waiters.map((w) => w.opts.deadlineMs);
  const opts: CallOptions = {};
  if (deadlines.every((d) => d !== undefined)) opts.deadlineMs = Math.max(...(deadlines as number[]));
  if (signals.every((s) => s !== undefined)) {
    const ctrl = new AbortController();
    let left = signals.length;
    for (const s of signals as AbortSignal[]) {
      const onAbort = (): void => {
        if (--left === 0) ctrl.abort(s.reason);
      };
      if (s.aborted) onAbort();
      else s.addEventListener('abort', onAbort, { once: true });
    }
    opts.signal = ctrl.signal;
  }
  return opts;
}

function raceSignal<T>(p: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(canceled(signal, what));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
