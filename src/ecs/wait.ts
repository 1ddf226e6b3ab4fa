/**
 * Generic waiter: poll until a value is done, fail at once when it reports failure,
 * give up exactly at the timeout.
 *
 * The Go provider sleeps a fixed 10 s (create) / 5 s (update, delete) before its first
 * look and then polls every 3 s -> 10 s. Here the first look comes within a second and
 * the interval grows gently (500 ms x1.5 up to 5 s), so a fast backend (the emulator)
 * finishes in well under a second and the real cloud is not hammered.
 */
import { EcsTimeoutError, EcsWaitFailedError } from './errors.js';
import { canceled, realClock } from './retry.js';

export interface WaitClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface WaitOptions<T> {
  /** What we wait for, for messages: `image m-123 to become usable`. */
  what: string;
  /** Total budget in ms, measured from the call. */
  timeoutMs: number;
  isDone(value: T): boolean;
  /** A reason string when `value` is a terminal failure (the wait then fails at once). */
  isFailed?(value: T): string | undefined;
  /** Short text for a value in progress/timeout messages (default: JSON). */
  describe?(value: T): string;
  /** Delay before the first poll (default 0). */
  firstDelayMs?: number;
  /** First interval between polls (default 500). */
  minIntervalMs?: number;
  /** Interval cap (default 5000). */
  maxIntervalMs?: number;
  /** Interval growth factor (default 1.5). */
  backoff?: number;
  signal?: AbortSignal;
  /** Called with every polled value (e.g. to report progress). */
  onProgress?(value: T): void;
  /**
   * Pick the next pause from what was just observed (e.g. an ETA from a progress rate);
   * `undefined` keeps the backoff schedule. Clamped to `[minIntervalMs / 2, maxIntervalMs]`.
   */
  nextDelayMs?(value: T, elapsedMs: number): number | undefined;
  /** Injected time (tests). */
  clock?: WaitClock;
}

/**
 * Poll until `isDone`. Resolves with the final value. Rejects with `EcsWaitFailedError`
 * when `isFailed` gives a reason, `EcsTimeoutError` (naming `what`, the last observed state
 * and the elapsed time) when the budget is spent, `EcsCanceledError` on abort, or whatever
 * `poll` throws (let the poll swallow expected errors such as an early NotFound).
 */
export async function waitFor<T>(poll: () => Promise<T>, options: WaitOptions<T>): Promise<T> {
  const clock = options.clock ?? realClock;
  const { signal } = options;
  const describe = options.describe ?? ((v: T) => JSON.stringify(v));
  const start = clock.now();
  const deadline = start + Math.max(0, options.timeoutMs);
  let interval = options.minIntervalMs ?? 500;
  const maxInterval = options.maxIntervalMs ?? 5000;
  const factor = options.backoff ?? 1.5;
  let last: string | undefined;

  const pause = async (ms: number): Promise<void> => {
    if (signal?.aborted) throw canceled(signal, `waiting for ${options.what}`);
    if (ms > 0) await clock.sleep(Math.min(ms, Math.max(0, deadline - clock.now())), signal);
  };

  await pause(options.firstDelayMs ?? 0);
  for (;;) {
    if (signal?.aborted) throw canceled(signal, `waiting for ${options.what}`);
    const value = await poll();
    last = describe(value);
    options.onProgress?.(value);
    if (options.isDone(value)) return value;
    const reason = options.isFailed?.(value);
    if (reason !== undefined) throw new EcsWaitFailedError(`Gave up waiting for ${options.what}: ${reason}`, reason, last);
    const now = clock.now();
    if (now >= deadline) {
      const elapsed = now - start;
      throw new EcsTimeoutError(`Timed out after ${formatMs(elapsed)} waiting for ${options.what}; last state: ${last}.`, {
        what: options.what,
        kind: 'wait',
        elapsedMs: elapsed,
        lastState: last,
      });
    }
    const hinted = options.nextDelayMs?.(value, now - start);
    if (hinted !== undefined && Number.isFinite(hinted)) {
      await pause(Math.min(maxInterval, Math.max((options.minIntervalMs ?? 500) / 2, hinted)));
    } else {
      await pause(interval);
      interval = Math.min(maxInterval, interval * factor);
    }
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
