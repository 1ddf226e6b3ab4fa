/**
 * Fault injection and request statistics through the official SDK and the admin routes:
 * every fault kind, counts, seeded determinism, validation of the rule body.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { startHarness, type Harness } from '../images/testing.js';
import { sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { mulberry32, parseFaultConfig, FaultConfigError } from './rules.js';

const REGION = 'cn-hangzhou';

describe('emulator fault injection', () => {
  let h: Harness;
  let ecs: EcsSdkClient;
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${h.emu.url}/_emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const imageCount = async (name: string) =>
    (
      await ecs.describeImages(
        new $Ecs.DescribeImagesRequest({
          regionId: REGION,
          imageName: name,
          imageOwnerAlias: 'self',
          status: 'Waiting,Creating,Available',
        }),
      )
    ).body!.totalCount;
  const createFromSnapshotlessInstance = (name: string) =>
    ecs.createImage(new $Ecs.CreateImageRequest({ regionId: REGION, instanceId: `i-running-${h.accounts[0]}`, imageName: name }));

  before(async () => {
    h = await startHarness();
    ecs = h.client('v3');
  });
  after(async () => {
    await h.stop();
  });
  beforeEach(async () => {
    await admin('DELETE', 'faults');
  });

  test('Throttling answers 400 Throttling.User before the handler runs, and a spent rule stops firing', async () => {
    const set = await admin('POST', 'faults', { rules: [{ action: 'CreateImage', rate: 1, kind: 'Throttling', count: 1 }], seed: 7 });
    assert.equal(set.status, 200);
    const err = await sdkError(createFromSnapshotlessInstance('throttled-1'));
    assert.deepEqual([err.code, err.statusCode], ['Throttling.User', 400]);
    assert.equal(await imageCount('throttled-1'), 0, 'nothing was created');
    await createFromSnapshotlessInstance('throttled-1');
    assert.equal(await imageCount('throttled-1'), 1);
    const state = await admin('GET', 'faults');
    assert.deepEqual(state.body, { rules: [{ action: 'CreateImage', rate: 1, kind: 'Throttling', count: 1, fired: 1 }], seed: 7 });
  });

  test('ServiceUnavailable answers 503 and InternalError 500, only for the named action', async () => {
    await admin('POST', 'faults', {
      rules: [
        { action: 'DescribeImages', rate: 1, kind: 'ServiceUnavailable', count: 1 },
        { action: 'CreateImage', rate: 1, kind: 'InternalError' },
      ],
    });
    const unavailable = await sdkError(ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION })));
    assert.deepEqual([unavailable.code, unavailable.statusCode], ['ServiceUnavailable', 503]);
    const internal = await sdkError(createFromSnapshotlessInstance('internal-1'));
    assert.deepEqual([internal.code, internal.statusCode], ['InternalError', 500]);
    const regions = await ecs.describeRegions(new $Ecs.DescribeRegionsRequest({}));
    assert.ok(regions.body!.regions!.region!.length > 0, 'other actions are untouched');
    assert.equal(await imageCount('internal-1'), 0);
  });

  test('drop-after-commit commits the change but the client never gets the answer', async () => {
    await admin('POST', 'faults', { rules: [{ action: 'CreateImage', rate: 1, kind: 'drop-after-commit', count: 1 }] });
    const err = (await sdkError(createFromSnapshotlessInstance('dropped-1'))) as unknown as { code?: string; message: string };
    assert.match(String(err.message), /socket hang up|ECONNRESET|other side closed|aborted/i);
    assert.equal(await imageCount('dropped-1'), 1, 'the image exists although the answer was lost');
  });

  test('latency delays the answer: a later fast request finishes first', async () => {
    await admin('POST', 'faults', { rules: [{ action: 'DescribeImages', rate: 1, kind: 'latency', latencyMs: 400, count: 1 }] });
    const order: string[] = [];
    const slow = ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION })).then(() => order.push('slow'));
    await new Promise((r) => setImmediate(r));
    const fast = ecs.describeRegions(new $Ecs.DescribeRegionsRequest({})).then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    assert.deepEqual(order, ['fast', 'slow']);
    assert.equal(((await admin('GET', 'faults')).body.rules as { fired: number }[])[0]!.fired, 1);
  });

  test('the same seed gives the same sequence of faults', async () => {
    const run = async () => {
      await admin('POST', 'faults', { rules: [{ action: 'DescribeRegions', rate: 0.5, kind: 'Throttling' }], seed: 42 });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 16; i++) {
        outcomes.push(
          await ecs.describeRegions(new $Ecs.DescribeRegionsRequest({})).then(
            () => true,
            () => false,
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    const second = await run();
    assert.deepEqual(second, first);
    const rng = mulberry32(42);
    assert.deepEqual(
      first,
      first.map(() => !(rng() < 0.5)),
    );
    assert.ok(first.includes(true) && first.includes(false));
  });

  test('stats count requests per action and reset to zero', async () => {
    await admin('POST', 'stats/reset');
    await ecs.describeRegions(new $Ecs.DescribeRegionsRequest({}));
    await ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION }));
    await ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION }));
    assert.deepEqual((await admin('GET', 'stats')).body, { requests: { DescribeImages: 2, DescribeRegions: 1 }, total: 3 });
    assert.deepEqual((await admin('POST', 'stats/reset')).body, { requests: {}, total: 0 });
    assert.equal((await admin('GET', 'stats/reset')).status, 403);
  });

  test('a bad rule body is refused with a message naming the field', async () => {
    const bad = await admin('POST', 'faults', { rules: [{ rate: 2, kind: 'Throttling' }] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.Code, 'InvalidParameter');
    assert.match(String(bad.body.Message), /rules\[0\]\.rate must be a number from 0 to 1/);
    const notJson = await fetch(`${h.emu.url}/_emulator/faults`, { method: 'POST', headers: { 'x-emulator-admin': '1' }, body: '{' });
    assert.equal(notJson.status, 400);
    assert.throws(() => parseFaultConfig({ rules: [{ rate: 1, kind: 'Explode' }] }), FaultConfigError);
    assert.throws(() => parseFaultConfig({ rules: [], seed: -1 }), /seed/);
    assert.deepEqual((await admin('GET', 'faults')).body, { rules: [], seed: 1 });
  });
});
