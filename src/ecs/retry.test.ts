import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsCanceledError, EcsNetworkError, EcsResponseError, EcsServiceError, EcsTimeoutError } from './errors.js';
import { abortableSleep, backoffDelayMs, isSafeToRetry, withRetry } from './retry.js';
import { fakeClock } from './canned-server.js';

const policy = { baseDelayMs: 200, maxDelayMs: 10_000 };

test('full jitter stays within [0, min(cap, base * 2^(n-1))) for every retry number', () => {
  for (let n = 1; n <= 12; n++) {
    const ceiling = Math.min(10_000, 200 * 2 ** (n - 1));
    assert.equal(
      backoffDelayMs(n, policy, () => 0),
      0,
    );
    assert.equal(
      backoffDelayMs(n, policy, () => 0.999999),
      Math.floor(0.999999 * ceiling),
    );
    assert.ok(backoffDelayMs(n, policy, () => 0.999999) < ceiling);
  }
  assert.equal(
    backoffDelayMs(20, policy, () => 0.5),
    5000,
    'capped at maxDelayMs',
  );
});

test('a server retry-after longer than the jitter wins', () => {
  assert.equal(
    backoffDelayMs(1, policy, () => 0.5, 3000),
    3000,
  );
  assert.equal(
    backoffDelayMs(5, policy, () => 0.9, 10),
    Math.floor(0.9 * 3200),
  );
});

const svc = (code: string, status: number) => new EcsServiceError({ action: 'X', code, message: 'm', httpStatus: status });

test('decides what is safe to retry from the error and the idempotency of the call', () => {
  const cases: Array<[string, unknown, boolean, boolean]> = [
    ['throttling, mutating', svc('Throttling.User', 400), false, true],
    ['503, idempotent', svc('ServiceUnavailable', 503), true, true],
    ['503, mutating', svc('ServiceUnavailable', 503), false, false],
    ['500, idempotent', svc('InternalError', 500), true, true],
    ['400, idempotent', svc('InvalidParameter', 400), true, false],
    ['404, idempotent', svc('InvalidImageId.NotFound', 404), true, false],
    ['refused, mutating', new EcsNetworkError('x', { requestSent: false }), false, true],
    ['reset, mutating', new EcsNetworkError('x', { requestSent: true }), false, false],
    ['reset, idempotent', new EcsNetworkError('x', { requestSent: true }), true, true],
    // Connected, no answer within the read timeout: final, so the wait stays bounded by the read timeout.
    ['read timeout, idempotent', new EcsTimeoutError('x', { what: 'r', kind: 'request', requestSent: true }), true, false],
    ['connect timeout, mutating', new EcsTimeoutError('x', { what: 'r', kind: 'request', requestSent: false }), false, true],
    [
      'invalid response, idempotent',
      new EcsResponseError({ product: 'ECS', action: 'X', httpStatus: 200, path: 'A', problem: 'missing' }),
      true,
      false,
    ],
    ['waiter timeout', new EcsTimeoutError('x', { what: 'w', kind: 'wait', elapsedMs: 5 }), true, false],
    ['canceled', new EcsCanceledError('x'), true, false],
    ['plain Error', new Error('x'), true, false],
  ];
  for (const [name, err, idem, expected] of cases) assert.equal(isSafeToRetry(err, idem), expected, name);
});

test('withRetry returns the first success and passes attempt numbers', async () => {
  const clock = fakeClock([0]);
  const seen: number[] = [];
  const v = await withRetry(
    { label: 'T', idempotent: true, policy: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1000, deadlineMs: 60_000 }, clock },
    async (n) => {
      seen.push(n);
      if (n < 3) throw svc('InternalError', 500);
      return 'done';
    },
  );
  assert.equal(v, 'done');
  assert.deepEqual(seen, [1, 2, 3]);
});

test('withRetry stops at once when the signal aborts during a backoff sleep', async () => {
  const ac = new AbortController();
  const clock = { ...fakeClock(), sleep: (ms: number, s?: AbortSignal) => abortableSleep(ms, s), random: () => 0.5 };
  let calls = 0;
  const p = withRetry(
    {
      label: 'ECS X',
      idempotent: true,
      policy: { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000, deadlineMs: 600_000 },
      clock,
      signal: ac.signal,
    },
    async () => {
      calls++;
      throw svc('ServiceUnavailable', 503);
    },
  );
  setImmediate(() => ac.abort());
  await assert.rejects(p, EcsCanceledError);
  assert.equal(calls, 1);
});
