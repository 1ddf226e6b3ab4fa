/**
 * Time in resource methods: a {@link Deadline} from the operation's timeout, an abortable
 * {@link pause}, and {@link retryWhile} for the cloud's "not yet" answers (an instance still
 * settling, dependents still being released). Every pause ends at once with
 * `EcsCanceledError` when Terraform cancels (Ctrl-C), so no wait outlives the plugin's answer.
 * Status polling itself lives in the client's waiters (`waitFor` and friends in src/ecs).
 */
import { abortableSleep } from '../../ecs/index.js';

/** Sleep `ms`, or reject with `EcsCanceledError` as soon as `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return abortableSleep(ms, signal);
}

/** The end of an operation's time budget, measured from its start. */
export class Deadline {
  readonly at: number;
  constructor(timeoutMs: number, now = Date.now()) {
    this.at = now + Math.max(0, timeoutMs);
  }
  /** Milliseconds left, at least `floor` (a single API call still gets a fair chance near the end). */
  remainingMs(floor = 0): number {
    return Math.max(floor, this.at - Date.now());
  }
  /** True when waiting `ms` more would pass the deadline. */
  wouldPass(ms: number): boolean {
    return Date.now() + ms >= this.at;
  }
}

export interface RetryWhileOptions {
  deadline: Deadline;
  signal: AbortSignal;
  /** First pause in ms (default 300); each next one is 1.5 times longer, up to `maxDelayMs`. */
  firstDelayMs?: number;
  /** Pause cap in ms (default 5000). */
  maxDelayMs?: number;
  /** Told before each pause, with the error that caused it. */
  onRetry?(err: unknown, delayMs: number): void;
}

/**
 * Run `step`; while it throws an error `retryable` accepts and the deadline allows another
 * pause, pause (abortably, growing) and run it again. Any other error, or the last retryable
 * one, is thrown.
 */
export async function retryWhile<T>(step: () => Promise<T>, retryable: (err: unknown) => boolean, options: RetryWhileOptions): Promise<T> {
  const max = options.maxDelayMs ?? 5000;
  for (let delay = options.firstDelayMs ?? 300; ; delay = Math.min(Math.round(delay * 1.5), max)) {
    try {
      return await step();
    } catch (err) {
      if (!retryable(err) || options.deadline.wouldPass(delay)) throw err;
      options.onRetry?.(err, delay);
      await pause(delay, options.signal);
    }
  }
}
