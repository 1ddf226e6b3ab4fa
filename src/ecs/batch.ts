/**
 * Coalesced reads: single-object reads of the same kind that arrive within a few milliseconds
 * (Terraform refreshes every resource in parallel, each with its own ReadResource) are answered
 * by one list call carrying all their ids in the action's id filter, then split back per id.
 *
 * - A batch is keyed by client, kind, region and the rest of the filter, so only reads that would
 *   have sent the same request apart from the id are merged. A full batch ({@link BatchKind.maxIds}
 *   ids) leaves at once; a partial one when its window (5 ms) has ended and no call of its key is
 *   in flight (at most {@link BATCH_MAX_WAIT_MS} later): while calls are slow (paced by the rate
 *   budget, retried after throttling) the next batch keeps growing instead of queueing more calls.
 * - A well-formed answer without an id means that object is gone, for its waiters only.
 * - A failed call fails every waiter with the same error (an invalid answer included: nothing is
 *   concluded from it), except a client-side error (4xx, not throttling) of a batch of several ids:
 *   one bad id must not fail its neighbours, so each id is then asked on its own.
 * - Each waiter keeps its own AbortSignal; the shared call is canceled only when every waiter is.
 *
 * Read-ahead: Terraform refreshes at most `-parallelism` (10) resources at once, so batches of a
 * big refresh hold about 10 ids. A kind that can list every object of the account
 * ({@link BatchKind.listPage}) is therefore listed whole, page by page, once a key has seen
 * {@link READ_AHEAD_MIN_READS} reads in at least {@link READ_AHEAD_MIN_CALLS} batch calls and the
 * listing costs at most a tenth of the reads seen so
 * far (pages <= reads / 10; an account much bigger than the state is never listed). Later reads of
 * an id in that listing are answered from it while it is fresh ({@link READ_AHEAD_TTL_MS}) and the
 * client has made no mutating call since it began; an id not in it still goes the batch way, so
 * "gone" is only ever concluded from an id-filtered answer.
 */
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { isEcsServiceError } from './errors.js';
import { canceled, raceAbort } from './retry.js';

/** One kind of coalescible read: which list call answers a set of ids, and how to find each id in it. */
export interface BatchKind<F, Item> {
  /** The list action, e.g. `DescribeImages` (part of the batch key and of log lines). */
  readonly action: string;
  /** At most this many ids per call (the id filter's documented maximum). */
  readonly maxIds: number;
  /** Every object among `ids` that exists (all pages); `filter` is the rest of the request. */
  list(client: AlibabaCloudClient, ids: string[], filter: F, opts: CallOptions): Promise<Item[]>;
  idOf(item: Item): string;
  /** Page `page` (from 1) of every object under `filter`, unfiltered by id, and their total: enables the read-ahead. */
  listPage?(
    client: AlibabaCloudClient,
    filter: F,
    page: number,
    opts: CallOptions,
  ): Promise<{ items: Item[]; total: number | undefined; pageSize: number }>;
}

/** A whole listing of one key, being made or made. */
interface ReadAhead<Item> {
  items: Map<string, Item>;
  startedAt: number;
  /** `client.mutations` when the listing began: any later mutating call makes it stale. */
  mutations: number;
  done: Promise<void>;
  /** Every page was read (a probe that found the account too big, or a failed listing, is not whole). */
  whole: boolean;
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
  /** Set once the window has ended: the batch leaves as soon as its key has no call in flight. */
  due?: boolean;
}

/** Calls in flight and the batch waiting for them, per batch key. */
interface KeyState {
  open?: Batch<never, never>;
  inFlight: number;
  /** Reads asked through this key, and list calls it made: the read-ahead's evidence of a big refresh in small batches. */
  reads: number;
  calls: number;
  ahead?: ReadAhead<never>;
  /** The next listing begins at this many reads (Infinity while one runs, or when the kind cannot say its total). */
  aheadAfter: number;
}

/** How long a batch waits for more ids before it leaves (ms). */
export const BATCH_WINDOW_MS = 5;
/** The longest a partial batch waits for an earlier call of its key (ms). */
export const BATCH_MAX_WAIT_MS = 1000;
/** Reads, and batch calls, of one key before its kind is listed whole. */
export const READ_AHEAD_MIN_READS = 50;
export const READ_AHEAD_MIN_CALLS = 5;
/** Pages of a listing asked for at the same time. */
export const READ_AHEAD_PAGES_AT_ONCE = 4;
/** How long a whole listing answers reads (ms). */
export const READ_AHEAD_TTL_MS = 60_000;

const keys = new WeakMap<AlibabaCloudClient, Map<string, KeyState>>();

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
  let perClient = keys.get(client);
  if (!perClient) keys.set(client, (perClient = new Map()));
  const key = `${kind.action}|${client.region}|${JSON.stringify(filter)}`;
  let state = perClient.get(key);
  if (!state) perClient.set(key, (state = { inFlight: 0, reads: 0, calls: 0, aheadAfter: READ_AHEAD_MIN_READS }));
  const st = state;
  // A poll waits for a change: it is batched with other reads but never answered from a listing, nor counted toward one.
  if (!kind.listPage || opts.current) return enqueue(st, client, kind, id, filter, opts);
  st.reads++;
  const fresh = (a: ReadAhead<unknown> | undefined): a is ReadAhead<unknown> =>
    a !== undefined && a.mutations === client.mutations && Date.now() - a.startedAt < READ_AHEAD_TTL_MS;
  if (st.reads >= st.aheadAfter && st.calls >= READ_AHEAD_MIN_CALLS && !(fresh(st.ahead) && st.ahead.whole)) {
    st.ahead = readAhead(st, client, kind, filter, opts) as ReadAhead<never>;
  }
  const ahead = st.ahead as ReadAhead<Item> | undefined;
  if (!fresh(ahead)) return enqueue(st, client, kind, id, filter, opts);
  const fromListing = ahead.done.then(() => (ahead.items.has(id) ? ahead.items.get(id) : enqueue(st, client, kind, id, filter, opts)));
  return signal ? raceAbort(fromListing, signal, `${kind.action} ${id}`) : fromListing;
}

/**
 * List `kind` whole under `filter` (see the read-ahead above). The next listing of the key waits
 * for ten reads per page this one cost (or would have cost, when the account was too big), so
 * listings never cost more than a tenth of the reads they serve; a failure only ends one early.
 */
function readAhead<F, Item>(
  st: KeyState,
  client: AlibabaCloudClient,
  kind: BatchKind<F, Item>,
  filter: F,
  opts: CallOptions,
): ReadAhead<Item> {
  const ahead: ReadAhead<Item> = {
    items: new Map(),
    startedAt: Date.now(),
    mutations: client.mutations,
    done: Promise.resolve(),
    whole: false,
  };
  const own: CallOptions = opts.deadlineMs === undefined ? {} : { deadlineMs: opts.deadlineMs };
  const keep = (items: Item[]) => items.forEach((item) => ahead.items.set(kind.idOf(item), item));
  st.aheadAfter = Infinity;
  ahead.done = (async () => {
    let pages = 1;
    try {
      const first = await kind.listPage!(client, filter, 1, own);
      keep(first.items);
      pages = first.total === undefined ? Infinity : Math.max(1, Math.ceil(first.total / first.pageSize));
      if (pages > st.reads / 10) {
        st.aheadAfter = pages === Infinity ? Infinity : pages * 10;
        return;
      }
      // The rest of the pages a few at a time: every read of the key waits on the listing, and a cloud answer takes 100+ ms.
      for (let n = 2; n <= pages; n += READ_AHEAD_PAGES_AT_ONCE) {
        const batch = Array.from({ length: Math.min(READ_AHEAD_PAGES_AT_ONCE, pages - n + 1) }, (_, i) => n + i);
        for (const page of await Promise.all(batch.map((p) => kind.listPage!(client, filter, p, own)))) keep(page.items);
      }
      ahead.whole = true;
      st.aheadAfter = st.reads + Math.max(READ_AHEAD_MIN_READS, pages * 10);
    } catch {
      // The reads it would have answered go the batch way and meet the error there, per resource.
      st.aheadAfter = st.reads + Math.max(READ_AHEAD_MIN_READS, pages * 10);
    }
  })();
  return ahead;
}

/** Queue `id` in its key's open batch (opening one when none is). */
function enqueue<F, Item>(
  st: KeyState,
  client: AlibabaCloudClient,
  kind: BatchKind<F, Item>,
  id: string,
  filter: F,
  opts: CallOptions,
): Promise<Item | undefined> {
  const signal = opts.signal;
  if (signal?.aborted) return Promise.reject(canceled(signal, `${kind.action} ${id}`));
  let b = st.open as Batch<F, Item> | undefined;
  if (!b) {
    const fresh: Batch<F, Item> = { client, kind, filter, waiters: new Map() };
    st.open = fresh as unknown as Batch<never, never>;
    fresh.timer = setTimeout(() => {
      fresh.due = true;
      if (st.inFlight === 0) leave(st, fresh);
      else fresh.timer = setTimeout(() => leave(st, fresh), BATCH_MAX_WAIT_MS);
    }, BATCH_WINDOW_MS);
    b = fresh;
  }
  const batch = b;
  const answer = new Promise<Item | undefined>((resolve, reject) => {
    const list = batch.waiters.get(id) ?? [];
    list.push({ resolve, reject, opts });
    batch.waiters.set(id, list);
  });
  if (batch.waiters.size >= kind.maxIds) leave(st, batch);
  return signal ? raceAbort(answer, signal, `${kind.action} ${id}`) : answer;
}

/** Every object of `ids` that exists (each id read through {@link batchedGet}). */
export async function batchedGetMany<F, Item>(
  client: AlibabaCloudClient,
  kind: BatchKind<F, Item>,
  ids: readonly string[],
  filter: F,
  opts: CallOptions = {},
): Promise<Item[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => batchedGet(client, kind, id, filter, opts)));
  return found.filter((x): x is Awaited<Item> => x !== undefined) as Item[];
}

function leave<F, Item>(st: KeyState, batch: Batch<F, Item>): void {
  if (st.open === (batch as unknown as Batch<never, never>)) st.open = undefined;
  clearTimeout(batch.timer);
  st.inFlight++;
  st.calls++;
  void run(batch, [...batch.waiters.keys()], true).finally(() => {
    st.inFlight--;
    const next = st.open;
    if (st.inFlight === 0 && next?.due) leave(st, next);
  });
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
