/**
 * Retry policy for ECS calls: exponential backoff with full jitter, bounded by an
 * overall deadline and the caller's AbortSignal.
 *
 * What is retried ({@link isRetryable}): throttling, `ServiceUnavailable`,
 * `InternalError`/5xx, network errors and request timeouts. What is *safe* to retry
 * ({@link isSafeToRetry}): every retryable error of an idempotent call; for a
 * mutating call only errors that prove the request was not executed (throttling
 * rejections, connection refused/DNS failure/connect timeout). The Go provider
 * sleeps a flat 3 s then 5 s; we start near 200 ms and honour `x-acs-retry-after`.
 */
import { EcsCanceledError, isEcsServiceError, isRetryable, isThrottling, type EcsServiceError } from './errors.js';

export interface RetryPolicy {
  /** Total attempts including the first (default 10). */
  maxAttempts: number;
  /** Backoff base in ms: attempt n waits random() * min(cap, base * 2^(n-1)) (default 200). */
  baseDelayMs: number;
  /** Backoff cap in ms (default 10 000). */
  maxDelayMs: number;
  /** Overall budget for one call including all retries, in ms (default 120 000). */
  deadlineMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 10,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  deadlineMs: 120_000,
});

/** Injectable time and randomness, so tests are exact. */
export interface RetryClock {
  now(): number;
  /** Resolve after `ms`, or reject with EcsCanceledError when `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const realClock: RetryClock = { now: () => Date.now(), sleep: abortableSleep, random: Math.random };

/** A sleep that rejects with {@link EcsCanceledError} as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(canceled(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(canceled(signal!));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function canceled(signal: AbortSignal, what = 'the operation'): EcsCanceledError {
  const reason = signal.reason instanceof Error ? `: ${signal.reason.message}` : '';
  return new EcsCanceledError(`Canceled ${what}${reason}.`, { cause: signal.reason });
}

/** `p`, or EcsCanceledError as soon as `signal` aborts (`p` keeps running, its outcome ignored). */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal, label: string): Promise<T> {
  if (signal.aborted) {
    p.catch(() => undefined);
    return Promise.reject(canceled(signal, label));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      p.catch(() => undefined);
      reject(canceled(signal, label));
    };
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

/** Delay before retry number `retry` (1 for the first retry): full jitter, at least the server's retry-after. */
export function backoffDelayMs(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs !== undefined && retryAfterMs > jittered ? retryAfterMs : jittered;
}

/** Whether retrying `err` cannot create a duplicate effect. */
export function isSafeToRetry(err: unknown, idempotent: boolean): boolean {
  if (!isRetryable(err)) return false;
  if (idempotent || isThrottling(err)) return true;
  return typeof err === 'object' && err !== null && (err as { requestSent?: unknown }).requestSent === false;
}

export interface RetryRun {
  /** E.g. `ECS CreateImage`, for log lines. */
  label: string;
  idempotent: boolean;
  policy: RetryPolicy;
  clock: RetryClock;
  signal?: AbortSignal;
  logger?: Logger;
}

/**
 * Run `attempt` until it succeeds, fails with an error that is not safe to retry, the
 * attempts are used up, or the next wait would pass the deadline (then the last error is
 * thrown, never a generic one). `attempt` receives the 1-based attempt number.
 */
export async function withRetry<T>(run: RetryRun, attempt: (n: number) => Promise<T>): Promise<T> {
  const { policy, clock, signal } = run;
  const deadline = clock.now() + policy.deadlineMs;
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw canceled(signal, run.label);
    try {
      return await attempt(n);
    } catch (err) {
      if (!isSafeToRetry(err, run.idempotent) || n >= policy.maxAttempts) throw err;
      const retryAfter = isEcsServiceError(err) ? (err as EcsServiceError).retryAfterMs : undefined;
      const delay = backoffDelayMs(n, policy, clock.random, retryAfter);
      if (clock.now() + delay >= deadline) throw err;
      run.logger?.debug(`${run.label}: retrying after error`, {
        attempt: n,
        delayMs: delay,
        code: isEcsServiceError(err) ? err.code : (err as Error).name,
        requestId: isEcsServiceError(err) ? err.requestId : undefined,
        message: (err as Error).message,
      });
      await clock.sleep(delay, signal);
    }
  }
}
