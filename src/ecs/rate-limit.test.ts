/**
 * The rate budget (issue 16) on a fake clock: it starts paced with a burst and doubles while
 * nothing pushes back, backs off on throttling (once per cut, dropping the burst), honours the
 * retry-after hint, speeds up again on success, and concurrent callers together never get more
 * grants than the rate and its burst allow.
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

test('starts at the initial rate with one second of burst; slow start doubles the rate per second of use', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRate: 10 });
  const grants = await Promise.all(Array.from({ length: 10 }, () => l.acquire(F)));
  assert.ok(
    grants.every((g) => g.at === 0),
    'the burst: ten at once',
  );
  const eleventh = l.acquire(F);
  await clock.advance(100);
  assert.equal((await eleventh).at, 100, 'then one per 100 ms');
  for (const g of grants) l.succeeded(g);
  assert.ok(Math.abs(l.rateOf(F) - 17) < 1e-9, 'ten successes in slow start: +0.7 each');
});

test('the first throttling halves the rate and ends slow start; later ones cut by 0.7, once per cut', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRate: 20 });
  const before = await l.acquire(F);
  const alsoBefore = await l.acquire(F);
  l.throttled(before);
  assert.equal(l.rateOf(F), 10);
  l.throttled(alsoBefore);
  assert.equal(l.rateOf(F), 10, 'a call granted before the cut is the same news: no second cut');
  const after = l.acquire(F);
  await clock.advance(1000);
  l.throttled(await after);
  assert.equal(l.rateOf(F), 7, 'a call granted after the cut cuts again');
  l.succeeded({ family: F, at: clock.now(), seq: 99 });
  assert.ok(Math.abs(l.rateOf(F) - (7 + 1 / 7)) < 1e-9, 'out of slow start a success adds 1/rate');
});

test('success speeds up again by about one call per second per second, up to the ceiling', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRates: { [F]: 10 }, maxRate: 12 });
  const pending: Promise<Grant>[] = [];
  for (let i = 0; i < 10; i++) pending.push(l.acquire(F));
  await clock.advance(1000);
  for (const g of await Promise.all(pending)) l.succeeded(g);
  assert.ok(l.rateOf(F) > 10.9 && l.rateOf(F) < 11, `about +1 after a second of successes (${l.rateOf(F)})`);
  for (let i = 0; i < 100; i++) l.succeeded({ family: F, at: clock.now(), seq: 0 });
  assert.equal(l.rateOf(F), 12, 'capped at maxRate');
});

test('concurrent callers never get more grants than the rate plus the burst, in any second', async () => {
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
    assert.ok(inWindow <= 40, `at most 20 + a burst of 20 in the second from ${times[i]} ms (got ${inWindow})`);
    if (times[i]! >= 1000) assert.ok(inWindow <= 20, `once the burst is spent, at most 20 a second (from ${times[i]} ms: ${inWindow})`);
  }
  assert.equal(times.at(-1), (200 - 20) * 50, 'and the budget is used: the last grant comes when the rate allows, not later');
});

test('after a throttling there is no burst: the next calls are spaced at the new rate', async () => {
  const clock = manualClock();
  const l = new RateLimiter(clock, { initialRates: { [F]: 20 } });
  l.throttled(await l.acquire(F));
  assert.equal(l.rateOf(F), 14);
  const next = [l.acquire(F), l.acquire(F)];
  await clock.advance(1000);
  assert.deepEqual(
    (await Promise.all(next)).map((g) => Math.round(g.at)),
    [Math.round(1000 / 14), Math.round(2000 / 14)],
  );
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
