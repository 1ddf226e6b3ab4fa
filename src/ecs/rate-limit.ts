/**
 * One rate budget per provider process: a pacing limiter per product and action family
 * (a family is one API action: ECS meters each action separately, api-wave2.md 9), shared by
 * every concurrent call of every client that talks to the same endpoint with the same key.
 *
 * Each family is a token bucket (GCRA): `rate` calls per second, up to one second of them in a
 * burst. It starts at {@link DEFAULT_INITIAL_RATE} (no documented limit to start from) in slow
 * start: every success adds 0.7 (the rate doubles per second of full use). The first
 * `Throttling*` answer halves the rate and ends slow start; each later throttling of a call
 * granted after the last cut multiplies it by 0.7 (calls granted before it were already
 * counted); every success then adds `1/rate` (about +1 call/s per second of traffic), so it
 * probes upward again. A cut also drops the burst credit, and a retry-after hint pauses the whole
 * family until then. Concurrent callers together never get more than the rate plus the burst.
 */
import type { RetryClock } from './retry.js';

/** Calls per second a family starts with. */
export const DEFAULT_INITIAL_RATE = 20;

export interface RateLimiterOptions {
  /** Floor of the rate, calls per second (default 1). */
  minRate?: number;
  /** Ceiling of the rate (default 1000). */
  maxRate?: number;
  /** Starting rate of every family (default {@link DEFAULT_INITIAL_RATE}). */
  initialRate?: number;
  /** Starting rates of some families, by family key `Product:Action` (these skip slow start). */
  initialRates?: Record<string, number>;
}

/** What {@link RateLimiter.acquire} granted: when, so a throttling answer can tell whether it is news. */
export interface Grant {
  readonly family: string;
  readonly at: number;
  /** Order of the grant in its family. */
  readonly seq: number;
}

interface Family {
  /** Calls per second. */
  rate: number;
  /** Still doubling per second (no throttling seen yet). */
  slowStart: boolean;
  /** Theoretical arrival time of the next call (GCRA): grants wait until `tat - burst`. */
  tat: number;
  /** Grants issued so far; throttling of a grant issued before the last cut is already accounted for. */
  issued: number;
  cutSeq: number;
}

export class RateLimiter {
  private readonly families = new Map<string, Family>();
  private readonly minRate: number;
  private readonly maxRate: number;

  constructor(
    private readonly clock: Pick<RetryClock, 'now' | 'sleep'>,
    private readonly options: RateLimiterOptions = {},
  ) {
    this.minRate = options.minRate ?? 1;
    this.maxRate = options.maxRate ?? 1000;
  }

  private family(key: string): Family {
    let f = this.families.get(key);
    if (!f) {
      const given = this.options.initialRates?.[key];
      f = { rate: given ?? this.options.initialRate ?? DEFAULT_INITIAL_RATE, slowStart: given === undefined, tat: 0, issued: 0, cutSeq: 0 };
      this.families.set(key, f);
    }
    return f;
  }

  /** The current rate of a family (calls per second). */
  rateOf(family: string): number {
    return this.family(family).rate;
  }

  /** Wait for this family's next slot (rejects when `signal` aborts; the slot is then lost). */
  async acquire(family: string, signal?: AbortSignal): Promise<Grant> {
    const f = this.family(family);
    const now = this.clock.now();
    const interval = 1000 / f.rate;
    const at = Math.max(now, f.tat - (1000 - interval));
    f.tat = Math.max(f.tat, at) + interval;
    const seq = ++f.issued;
    if (at > now) await this.clock.sleep(at - now, signal);
    return { family, at, seq };
  }

  /** The call of `grant` succeeded: speed up (fast in slow start, then about +1 call/s per second). */
  succeeded(grant: Grant): void {
    const f = this.family(grant.family);
    f.rate = Math.min(this.maxRate, f.rate + (f.slowStart ? 0.7 : 1 / f.rate));
  }

  /** The call of `grant` was throttled: slow down (once per cut), drop the burst, honour the hint. */
  throttled(grant: Grant, retryAfterMs?: number): void {
    const f = this.family(grant.family);
    const now = this.clock.now();
    if (grant.seq > f.cutSeq) {
      f.rate = Math.max(this.minRate, f.rate * (f.slowStart ? 0.5 : 0.7));
      f.slowStart = false;
      f.cutSeq = f.issued;
    }
    // No burst right after a throttling: the service's bucket is empty too.
    const interval = 1000 / f.rate;
    f.tat = Math.max(f.tat, now + 1000);
    if (retryAfterMs !== undefined && retryAfterMs > 0) f.tat = Math.max(f.tat, now + retryAfterMs + 1000 - interval);
  }
}

const shared = new Map<string, RateLimiter>();

/**
 * The process-wide limiter of one budget owner (`endpoint|accessKeyId`): every client built for
 * the same account and endpoint shares it, as the service's quota is shared.
 */
export function sharedRateLimiter(owner: string, clock: Pick<RetryClock, 'now' | 'sleep'>): RateLimiter {
  let l = shared.get(owner);
  if (!l) {
    l = new RateLimiter(clock);
    shared.set(owner, l);
  }
  return l;
}
