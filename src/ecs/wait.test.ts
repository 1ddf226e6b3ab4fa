import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsCanceledError, EcsTimeoutError, EcsWaitFailedError } from './errors.js';
import { waitFor, type WaitClock } from './wait.js';

function clock(): WaitClock & { t: number; sleeps: number[] } {
  const c = { t: 0, sleeps: [] as number[], now: () => c.t, sleep: async (ms: number) => void (c.sleeps.push(ms), (c.t += ms)) };
  return c;
}

function sequence<T>(values: T[]): () => Promise<T> {
  let i = 0;
  return async () => values[Math.min(i++, values.length - 1)];
}

test('polls with a first delay, then 500 ms growing by 1.5 up to the cap, until done', async () => {
  const c = clock();
  const seen: string[] = [];
  const v = await waitFor(sequence(['a', 'b', 'c', 'd', 'e', 'done']), {
    what: 'thing',
    timeoutMs: 60_000,
    isDone: (s) => s === 'done',
    firstDelayMs: 200,
    maxIntervalMs: 1000,
    onProgress: (s) => seen.push(s),
    clock: c,
  });
  assert.equal(v, 'done');
  assert.deepEqual(c.sleeps, [200, 500, 750, 1000, 1000, 1000]);
  assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e', 'done']);
});

test('fails at once with the reason when isFailed reports one', async () => {
  const c = clock();
  await assert.rejects(
    waitFor(sequence(['Creating', 'CreateFailed']), {
      what: 'image m-1 to become usable',
      timeoutMs: 60_000,
      isDone: (s) => s === 'Available',
      isFailed: (s) => (s === 'CreateFailed' ? 'image m-1 is CreateFailed' : undefined),
      describe: (s) => s,
      clock: c,
    }),
    (e: unknown) =>
      e instanceof EcsWaitFailedError &&
      e.reason === 'image m-1 is CreateFailed' &&
      e.lastState === 'CreateFailed' &&
      /Gave up waiting for image m-1 to become usable/.test(e.message),
  );
  assert.deepEqual(c.sleeps, [500]);
});

test('times out exactly at the budget, naming what it waited for, the last state and the elapsed time', async () => {
  const c = clock();
  const err = await waitFor(async () => 'Creating', {
    what: 'image m-2 to become usable',
    timeoutMs: 2000,
    isDone: () => false,
    describe: (s) => s,
    clock: c,
  }).catch((e: unknown) => e);
  assert.ok(err instanceof EcsTimeoutError);
  assert.equal(err.elapsedMs, 2000);
  assert.equal(err.lastState, 'Creating');
  assert.equal(err.kind, 'wait');
  assert.equal(err.message, 'Timed out after 2.0 s waiting for image m-2 to become usable; last state: Creating.');
  assert.deepEqual(c.sleeps, [500, 750, 750], 'the last sleep is cut to the remaining time');
});

test('propagates errors thrown by the poll', async () => {
  await assert.rejects(
    waitFor(
      async () => {
        throw new Error('boom');
      },
      { what: 'x', timeoutMs: 1000, isDone: () => true, clock: clock() },
    ),
    /boom/,
  );
});

test('is cancelled by an AbortSignal', async () => {
  const ac = new AbortController();
  let polls = 0;
  const p = waitFor(
    async () => {
      if (++polls === 2) ac.abort();
      return polls;
    },
    { what: 'image m-3 to be deleted', timeoutMs: 60_000, isDone: () => false, signal: ac.signal, clock: clock() },
  );
  await assert.rejects(p, (e: unknown) => e instanceof EcsCanceledError && /waiting for image m-3 to be deleted/.test(e.message));
  assert.equal(polls, 2);
});

test('a nextDelayMs hint replaces the backoff step and is clamped to [min/2, max]', async () => {
  const c = clock();
  const hints = [10, 99_999, undefined, 300];
  let i = 0;
  await waitFor(sequence(['a', 'b', 'c', 'd', 'done']), {
    what: 'thing',
    timeoutMs: 60_000,
    isDone: (s) => s === 'done',
    minIntervalMs: 500,
    maxIntervalMs: 5000,
    nextDelayMs: () => hints[i++],
    clock: c,
  });
  assert.deepEqual(c.sleeps, [250, 5000, 500, 300]);
});
