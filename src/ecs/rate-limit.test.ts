/**
 * The rate budget (issue 16) on a fake clock with real timers semantics: unpaced until the service
 * pushes back, then it learns the limit from what was accepted, backs off on throttling (once per
 * cut), honours the retry-after hint, speeds up again on success, and concurrent callers together
 * never get more grants than the rate allows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsCanceledError } from './errors.js';
import { RateLimiter, type Grant } from './rate-limit.js';
import { canceled } from './retry.js';

/** A clock whose sleeps wait until `advance` passes their end (in order). */
function manualClock() {
  const timers: { at: number; fire: () => void }[] = [];
  const c = {
    t: 0,
    now: () => c.t,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const timer = { at: c.t + ms, fire: resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(canceled(signal));
        });
      }),
    /** Move time forward by `ms`, firing due sleeps in time order and letting their callers run. */
    async advance(ms: number) {
      const end = c.t + ms;
      for (;;) {
        await new Promise((r) => setImmediate(r));
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        c.t = Math.max(c.t, next.at);
        next.fire();
      }
      c.t = end;
      await new Promise((r) => setImmediate(r));
    },
  };
  return c;
}

const F = 'ECS:CreateImage';

test('unpaced until throttled: grants at once, whatever the number of callers', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock);
  const grants = await Promise.all(Array.from({ length: 100 }, () => l.acquire(F)));
  assert.ok(grants.every((g) => g.at === 0));
  assert.equal(l.rateOf(F), undefined);
});

test('the first throttling sets the rate from what was accepted in the second before; later ones cut it by 0.7 once per cut', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock);
  for (let i = 0; i < 20; i++) l.succeeded(await l.acquire(F));
  const before = await l.acquire(F);
  l.throttled(before);
  assert.equal(l.rateOf(F), 18, '0.9 x the 20 accepted');
  // Other calls granted before that cut and throttled after it are the same news: no second cut.
  l.throttled(before);
  assert.equal(l.rateOf(F), 18);
  await clock.advance(1000);
  const after = await l.acquire(F);
  l.throttled(after);
  assert.ok(Math.abs(l.rateOf(F)! - 12.6) < 1e-9, 'a call granted after the cut cuts again');
});

test('success speeds up again by about one call per second per second, up to the ceiling', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRates: { [F]: 10 }, maxRate: 12 });
  const pending: Promise<Grant>[] = [];
  for (let i = 0; i < 10; i++) pending.push(l.acquire(F));
  await clock.advance(1000);
  for (const g of await Promise.all(pending)) l.succeeded(g);
  assert.ok(l.rateOf(F)! > 10.9 && l.rateOf(F)! < 11, `about +1 after a second of successes (${l.rateOf(F)})`);
  for (let i = 0; i < 100; i++) l.succeeded({ family: F, at: clock.now(), seq: 0 });
  assert.equal(l.rateOf(F), 12, 'capped at maxRate');
});

test('concurrent callers never get more grants than the rate allows, in any second', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRates: { [F]: 20 } });
  const times: number[] = [];
  const callers = Array.from({ length: 200 }, () => l.acquire(F).then((g) => times.push(g.at)));
  await clock.advance(12_000);
  await Promise.all(callers);
  assert.equal(times.length, 200);
  times.sort((a, b) => a - b);
  for (let i = 0; i < times.length; i++) {
    const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
    assert.ok(inWindow <= 20, `at most 20 grants in the second from ${times[i]} ms (got ${inWindow})`);
  }
  assert.ok(times.at(-1)! <= 200 * 50, 'and the budget is used: the last grant comes at 200 / 20 s, not later');
});

test('a retry-after hint pauses the whole family until then', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRates: { [F]: 100 } });
  const g = await l.acquire(F);
  l.throttled(g, 3000);
  let granted = false;
  const next = l.acquire(F).then((x) => ((granted = true), x));
  await clock.advance(2999);
  assert.equal(granted, false, 'nothing before the hint');
  await clock.advance(1);
  assert.equal((await next).at, 3000);
  assert.equal((await l.acquire('ECS:DescribeImages')).at, 3000, 'other families are not paused');
});

test('a caller that gives up while waiting rejects with EcsCanceledError', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRates: { [F]: 1 } });
  await l.acquire(F);
  const ctrl = new AbortController();
  const waiting = l.acquire(F, ctrl.signal);
  ctrl.abort();
  await assert.rejects(waiting, EcsCanceledError);
});
