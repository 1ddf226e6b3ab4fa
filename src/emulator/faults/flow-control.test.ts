/**
 * Emulator flow control (issue 16) through the official SDK in both signature modes: a token
 * bucket per account and action answers HTTP 400 `Throttling.User` once empty, other accounts and
 * other actions are unaffected, the retry-after hint is opt-in, the admin route configures,
 * reports and turns it off, and buckets refill at the configured rate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startEmulator } from '../index.js';
import { sdkClient, sdkError, type SignatureMode } from '../test-support/clients.js';
import { FlowControl, parseFlowControlConfig, parseFlowControlRates } from './flow-control.js';

const SECOND = { accessKeyId: 'LTAI5tFlowSecondKey', accessKeySecret: 'FlowSecondSecret' };
const describe = (c: ReturnType<typeof sdkClient>) => c.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou' }));

for (const mode of ['v3', 'v1'] as SignatureMode[]) {
  test(`${mode}: an empty bucket answers 400 Throttling.User for that account and action only`, async (t) => {
    const emu = await startEmulator({
      port: 0,
      db: ':memory:',
      accounts: [{ accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET }, SECOND],
      // Three calls in the bucket, one more every 100 s: nothing refills during the test.
      flowControl: { rates: { DescribeImages: 0.01 }, burstSeconds: 300 },
    });
    t.after(() => emu.stop());
    const first = sdkClient(emu.endpoint, mode);
    for (let i = 0; i < 3; i++) await describe(first);
    const err = await sdkError(describe(first));
    assert.equal(err.code, 'Throttling.User');
    assert.equal(err.statusCode, 400);
    assert.match(err.message, /Request was denied due to user flow control/);
    assert.equal((err as { retryAfter?: unknown }).retryAfter, undefined, 'no retry-after hint unless asked for');

    await describe(sdkClient(emu.endpoint, mode, SECOND.accessKeyId, SECOND.accessKeySecret));
    await first.describeRegions(new $Ecs.DescribeRegionsRequest({}));

    const state = (await (await fetch(`${emu.url}/_emulator/flow-control`)).json()) as {
      enabled: boolean;
      throttled: Record<string, number>;
    };
    assert.deepEqual([state.enabled, state.throttled], [true, { DescribeImages: 1 }]);
  });
}

test('the admin route turns it on with a hint, reports, refuses bad input and turns it off', async (t) => {
  const emu = await startEmulator({ port: 0, db: ':memory:' });
  t.after(() => emu.stop());
  const admin = async (method: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/_emulator/flow-control`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const c = sdkClient(emu.endpoint, 'v3');
  await describe(c);
  await describe(c);

  const bad = await admin('POST', { rates: { DescribeImages: -1 } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.Code, 'InvalidParameter');
  assert.match(String(bad.body.Message), /rates\.DescribeImages must be a positive number/);
  assert.equal((await admin('POST', { rate: 3 })).status, 400, 'an unknown field is refused, not ignored');

  const on = await admin('POST', { rates: {}, defaultRate: 0.01, retryAfterHint: true });
  assert.equal(on.status, 200);
  await describe(c);
  const err = await sdkError(describe(c));
  assert.equal(err.code, 'Throttling.User');
  const hint = (err as { retryAfter?: number }).retryAfter;
  assert.ok(typeof hint === 'number' && hint > 90_000 && hint <= 100_000, `x-acs-retry-after is the wait for the next token (${hint})`);

  const off = await admin('DELETE');
  assert.equal(off.body.enabled, false);
  await describe(c);
});

test('a bucket refills at its rate and holds at most burstSeconds of it', () => {
  let now = 0;
  const fc = new FlowControl({ rates: { CreateImage: 2 }, burstSeconds: 1 }, () => now);
  const take = () => fc.take('1', 'Ecs', 'CreateImage');
  assert.deepEqual([take(), take()], [undefined, undefined]);
  assert.equal(take(), 500, 'empty: the next token comes in 500 ms');
  now += 500;
  assert.equal(take(), undefined);
  now += 10_000;
  assert.deepEqual([take(), take(), take()], [undefined, undefined, 500], 'a long pause refills two tokens, not twenty');
  assert.equal(fc.take('2', 'Ecs', 'CreateImage'), undefined, 'another account has its own bucket');
});

test('configurations are checked: the CLI rates and the JSON body', () => {
  assert.deepEqual(parseFlowControlRates('CreateImage=20, DescribeImages=50,*=100'), {
    rates: { CreateImage: 20, DescribeImages: 50 },
    defaultRate: 100,
  });
  assert.throws(() => parseFlowControlRates('CreateImage'), /must be Action=CALLS_PER_SECOND/);
  assert.throws(() => parseFlowControlRates('CreateImage=0'), /must be Action=CALLS_PER_SECOND/);
  assert.throws(() => parseFlowControlConfig({ rates: { CreateImage: 1 }, burstSeconds: 0 }), /burstSeconds must be a positive number/);
  assert.throws(() => parseFlowControlConfig([]), /expected a JSON object/);
});
