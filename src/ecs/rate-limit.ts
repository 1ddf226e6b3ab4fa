/**
 * One rate budget per provider process: a pacing limiter per product and action family
 * (a family is one API action: ECS meters each action separately, api-wave2.md 9), shared by
 * every concurrent call of every client that talks to the same endpoint with the same key.
 *
 * A family starts unpaced (no documented limit; a call costs nothing extra) and learns its limit
 * from the service: the first `Throttling*` answer sets its rate to what the service accepted in
 * the second before (x0.9, at least {@link RateLimiterOptions.minRate}); each later throttling of
 * a call sent after the last cut multiplies it by 0.7; every success adds `1/rate` (about +1
 * call/s per second of traffic), so it speeds up again until the next cut. A retry-after hint
 * pauses the whole family until then. Grants are spaced 1000/rate ms apart (no burst), so
 * concurrent callers never exceed the budget together.
 */
import type { RetryClock } from './retry.js';

export interface RateLimiterOptions {
  /** Floor of a learned rate, calls per second (default 1). */
  minRate?: number;
  /** Ceiling of a learned rate (default 1000). */
  maxRate?: number;
  /** Rates to start some families with instead of learning them, by family key `Product:Action`. */
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
  /** Calls per second; undefined while unpaced. */
  rate: number | undefined;
  /** Earliest time of the next grant. */
  next: number;
  /** Grants issued so far; throttling of a grant issued before the last cut is already accounted for. */
  issued: number;
  cutSeq: number;
  /** Success times in the last second (for the first learned rate). */
  recent: number[];
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
      f = { rate: this.options.initialRates?.[key], next: 0, issued: 0, cutSeq: 0, recent: [] };
      this.families.set(key, f);
    }
    return f;
  }

  /** The current rate of a family (calls per second), undefined while unpaced. */
  rateOf(family: string): number | undefined {
    return this.families.get(family)?.rate;
  }

  /** Wait for this family's next slot (rejects when `signal` aborts; the slot is then lost). */
  async acquire(family: string, signal?: AbortSignal): Promise<Grant> {
    const f = this.family(family);
    const now = this.clock.now();
    const at = Math.max(now, f.next);
    if (f.rate !== undefined) f.next = at + 1000 / f.rate;
    else if (f.next > now) f.next = at;
    const seq = ++f.issued;
    if (at > now) await this.clock.sleep(at - now, signal);
    return { family, at, seq };
  }

  /** The call of `grant` succeeded: speed up a little. */
  succeeded(grant: Grant): void {
    const f = this.family(grant.family);
    if (f.rate === undefined) {
      const now = this.clock.now();
      f.recent.push(now);
      if (f.recent.length > 64 && f.recent[0]! <= now - 1000) f.recent = f.recent.filter((t) => t > now - 1000);
      return;
    }
    f.rate = Math.min(this.maxRate, f.rate + 1 / f.rate);
  }

  /** The call of `grant` was throttled: slow down (once per cut) and honour the hint. */
  throttled(grant: Grant, retryAfterMs?: number): void {
    const f = this.family(grant.family);
    const now = this.clock.now();
    if (retryAfterMs !== undefined && retryAfterMs > 0) f.next = Math.max(f.next, now + retryAfterMs);
    if (grant.seq <= f.cutSeq) return;
    if (f.rate === undefined) {
      const accepted = f.recent.filter((t) => t > now - 1000).length;
      f.rate = Math.max(this.minRate, Math.min(this.maxRate, accepted * 0.9));
      f.recent = [];
    } else f.rate = Math.max(this.minRate, f.rate * 0.7);
    f.cutSeq = f.issued;
    f.next = Math.max(f.next, now + 1000 / f.rate);
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
