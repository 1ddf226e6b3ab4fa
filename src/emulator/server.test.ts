import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { startEmulator, type RunningEmulator } from './index.js';
import { DEFAULT_ACCESS_KEY_ID } from './accounts.js';
import { widgetsFamily } from './test-support/widgets-family.js';
import { seedRegions } from './regions/seed-data.js';
import { callAction, rawV1, sdkClient, sdkError, v1CommonParams, type SignatureMode } from './test-support/clients.js';

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const modes: SignatureMode[] = ['v3', 'v1'];

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', families: [widgetsFamily] });
});
after(async () => {
  await emu.stop();
});

for (const mode of modes) {
  describe(`through the official SDK with signature ${mode}`, () => {
    test('DescribeRegions answers the seeded regions with English names for en-US', async () => {
      const r = await sdkClient(emu.endpoint, mode).describeRegions(new $Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
      assert.equal(r.statusCode, 200);
      assert.match(String(r.body?.requestId), UUID);
      const regions = r.body?.regions?.region ?? [];
      assert.deepEqual(
        regions.map((x) => x.regionId),
        seedRegions.map((x) => x.regionId),
      );
      assert.deepEqual(
        { ...regions[0] },
        { localName: 'China (Hangzhou)', regionEndpoint: 'ecs.cn-hangzhou.aliyuncs.com', regionId: 'cn-hangzhou', status: 'available' },
      );
    });

    test('a wrong secret is SignatureDoesNotMatch 400 with the server string to sign', async () => {
      const err = await sdkError(
        sdkClient(emu.endpoint, mode, DEFAULT_ACCESS_KEY_ID, 'wrong').describeRegions(new $Ecs.DescribeRegionsRequest({})),
      );
      assert.equal(err.code, 'SignatureDoesNotMatch');
      assert.equal(err.statusCode, 400);
      assert.match(
        err.message,
        mode === 'v3' ? /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}/ : /server string to sign is:POST&%2F&AccessKeyId%3D/,
      );
    });

    test('an unknown access key is InvalidAccessKeyId.NotFound 404', async () => {
      const err = await sdkError(sdkClient(emu.endpoint, mode, 'LTAInobody', 'x').describeRegions(new $Ecs.DescribeRegionsRequest({})));
      assert.equal(err.code, 'InvalidAccessKeyId.NotFound');
      assert.equal(err.statusCode, 404);
    });

    test('an unknown action is InvalidAction.NotFound 400, never a 404', async () => {
      const err = await sdkError(callAction(sdkClient(emu.endpoint, mode), 'NoSuchAction', { RegionId: 'cn-hangzhou' }));
      assert.equal(err.code, 'InvalidAction.NotFound');
      assert.equal(err.statusCode, 400);
      assert.match(err.message, /NoSuchAction/);
    });

    test('an unknown product version is InvalidVersion 400', async () => {
      const err = await sdkError(callAction(sdkClient(emu.endpoint, mode), 'DescribeRegions', {}, { version: '2099-01-01' }));
      assert.equal(err.code, 'InvalidVersion');
      assert.equal(err.statusCode, 400);
    });

    test('a missing required RegionId is MissingParameter naming it', async () => {
      const err = await sdkError(callAction(sdkClient(emu.endpoint, mode), 'DescribeWidgets', {}));
      assert.equal(err.code, 'MissingParameter');
      assert.equal(err.statusCode, 400);
      assert.match(err.message, /"RegionId"/);
    });

    test('an unknown RegionId is InvalidRegionId.NotFound 404', async () => {
      const err = await sdkError(callAction(sdkClient(emu.endpoint, mode), 'DescribeWidgets', { RegionId: 'mars-north-1' }));
      assert.equal(err.code, 'InvalidRegionId.NotFound');
      assert.equal(err.statusCode, 404);
    });

    test('spec rules are enforced on the wire: enum, length, integer, repeat-list max and packed list', async () => {
      const client = sdkClient(emu.endpoint, mode);
      const base = { RegionId: 'cn-hangzhou', WidgetName: 'Gizmo' };
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ Color: 'blue' }, 'InvalidParameter', /"Color".*"red", "green"/],
        [{ WidgetName: 'X' }, 'InvalidWidgetName.Malformed', /"WidgetName".*2 to 8 characters/],
        [{ Size: 'ten' }, 'InvalidParameter', /"Size".*integer from 1 to 100/],
        [{ 'Tag.1.Key': 'a', 'Tag.2.Key': 'b', 'Tag.3.Key': 'c', 'Tag.4.Key': 'd' }, 'NumberExceed.Tags', /"Tag".*at most 3/],
        [{ PartId: 'a,b,c' }, 'InvalidParameter', /"PartId".*at most 2/],
      ];
      for (const [extra, code, message] of cases) {
        const err = await sdkError(callAction(client, 'CreateWidget', { ...base, ...extra }));
        assert.equal(err.code, code, JSON.stringify(extra));
        assert.equal(err.statusCode, 400);
        assert.match(err.message, message);
      }
    });

    test('a valid action gets typed input, and form-body parameters are signed and merged', async () => {
      const client = sdkClient(emu.endpoint, mode);
      const r = await callAction(
        client,
        'CreateWidget',
        { RegionId: 'cn-beijing', WidgetName: 'Gizmo 1' },
        { body: { 'Tag.1.Key': 'k', 'Tag.1.Value': 'v 1', Size: '7' } },
      );
      assert.equal(r.statusCode, 200);
      assert.deepEqual(Object.keys(r.body).slice(0, 1), ['RequestId']);
      assert.ok(!('Code' in r.body));
      assert.deepEqual(r.body.Input, { RegionId: 'cn-beijing', WidgetName: 'Gizmo 1', Size: 7, Tag: [{ Key: 'k', Value: 'v 1' }] });
      assert.match(String(r.body.WidgetId), /^w-[a-z0-9]{20}$/);
    });
  });
}

test('a reused SignatureNonce is SignatureNonceUsed 400 the second time', async () => {
  const params = v1CommonParams('DescribeRegions', { SignatureNonce: 'fixed-nonce-1' });
  const first = await rawV1(emu.url, 'GET', params);
  assert.equal(first.status, 200);
  const second = await rawV1(emu.url, 'GET', params);
  assert.equal(second.status, 400);
  assert.equal(second.body.Code, 'SignatureNonceUsed');
});

test('a V1 POST like the Go provider (common params in the query, API params in a form body with +) is accepted', async () => {
  const query = v1CommonParams('CreateWidget', { SignatureType: '' });
  const body = new Map([
    ['RegionId', 'cn-shanghai'],
    ['WidgetName', 'Go wdgt'],
    ['Tag.1.Key', 'team'],
    ['Tag.1.Value', 'a b'],
  ]);
  const r = await rawV1(emu.url, 'POST', query, body);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.contentType, 'application/json;charset=utf-8');
  assert.deepEqual(r.body.Input, { RegionId: 'cn-shanghai', WidgetName: 'Go wdgt', Tag: [{ Key: 'team', Value: 'a b' }] });
});

test('missing V1 signature fields are MissingParameter naming the field', async () => {
  for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp']) {
    const params = v1CommonParams('DescribeRegions');
    params.delete(name);
    const r = await rawV1(emu.url, 'GET', params);
    assert.equal(r.status, 400);
    assert.equal(r.body.Code, 'MissingParameter');
    assert.match(String(r.body.Message), new RegExp(`"${name}"`));
  }
  const noAction = v1CommonParams('DescribeRegions');
  noAction.delete('Action');
  const r = await rawV1(emu.url, 'GET', noAction);
  assert.equal(r.body.Code, 'MissingParameter');
  assert.match(String(r.body.Message), /"Action"/);
  const unsigned = await fetch(`${emu.url}/?Action=DescribeRegions&Version=2014-05-26&Format=JSON`);
  assert.equal(unsigned.status, 400);
  assert.equal(((await unsigned.json()) as { Code: string }).Code, 'MissingParameter');
  // Without Format a V1 request is answered in XML, as the RPC API does.
  const noFormat = await fetch(`${emu.url}/?Action=DescribeRegions&Version=2014-05-26`);
  assert.equal(noFormat.status, 400);
  assert.match(await noFormat.text(), /<Error>.*<Code>MissingParameter<\/Code>/);
});

test('an invalid Timestamp format is IllegalTimestamp 400', async () => {
  const r = await rawV1(emu.url, 'GET', v1CommonParams('DescribeRegions', { Timestamp: '2024-01-01 00:00:00' }));
  assert.equal(r.status, 400);
  assert.equal(r.body.Code, 'IllegalTimestamp');
  assert.match(String(r.body.Message), /"Timestamp"/);
});

test('an error body has RequestId, HostId, Code, Message and Recommend with a JSON content type', async () => {
  const r = await rawV1(emu.url, 'GET', v1CommonParams('NoSuchAction'));
  assert.equal(r.status, 400);
  assert.equal(r.contentType, 'application/json;charset=utf-8');
  assert.deepEqual(Object.keys(r.body), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
  assert.match(String(r.body.RequestId), UUID);
  assert.equal(r.body.HostId, emu.endpoint);
  assert.equal(
    r.body.Recommend,
    `https://api.aliyun.com/troubleshoot?q=InvalidAction.NotFound&product=Ecs&requestId=${String(r.body.RequestId)}`,
  );
});

test('a handler error rolls back its writes, and an unexpected exception is InternalError 500', async () => {
  const before = (emu.db.prepare('SELECT COUNT(*) AS n FROM widgets').get() as { n: number }).n;
  const failAfterWrite = (how: 'api' | 'crash') =>
    rawV1(
      emu.url,
      'POST',
      v1CommonParams('CreateWidget'),
      new Map([
        ['RegionId', 'cn-hangzhou'],
        ['WidgetName', 'Doomed'],
        ['FailAfterWrite', how],
      ]),
    );
  const apiFail = await failAfterWrite('api');
  assert.equal(apiFail.status, 404);
  assert.equal(apiFail.body.Code, 'InvalidWidgetId.NotFound');
  const origError = console.error;
  console.error = () => {};
  try {
    const crash = await failAfterWrite('crash');
    assert.equal(crash.status, 500);
    assert.equal(crash.body.Code, 'InternalError');
  } finally {
    console.error = origError;
  }
  assert.equal((emu.db.prepare('SELECT COUNT(*) AS n FROM widgets').get() as { n: number }).n, before);
});

describe('malformed input gets a 4xx with a code, never a 500', () => {
  const expect4xx = async (res: Response, code: string, status = 400) => {
    assert.equal(res.status, status);
    const body = (await res.json()) as { Code: string; Message: string };
    assert.equal(body.Code, code);
    return body;
  };

  test('bad percent-encoding in the query', async () => {
    const body = await expect4xx(await fetch(`${emu.url}/?Action=Describe%ZZRegions`), 'InvalidParameter');
    assert.match(body.Message, /query string.*%/);
  });

  test('percent-encoded bytes that are not UTF-8', async () => {
    await expect4xx(await fetch(`${emu.url}/?Action=%FF%FE`), 'InvalidParameter');
  });

  test('raw bytes in a form body that are not UTF-8', async () => {
    const res = await fetch(`${emu.url}/?Action=DescribeRegions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from([0x41, 0x3d, 0xc3, 0x28]),
    });
    const body = await expect4xx(res, 'InvalidParameter');
    assert.match(body.Message, /UTF-8/);
  });

  test('a body over 1 MiB', async () => {
    const res = await fetch(`${emu.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'A=' + 'x'.repeat(1024 * 1024 + 10),
    });
    await expect4xx(res, 'RequestEntityTooLarge', 413);
  });

  test('an unsupported HTTP method and a path other than /', async () => {
    await expect4xx(await fetch(`${emu.url}/`, { method: 'PUT', body: '' }), 'UnsupportedHTTPMethod', 403);
    await expect4xx(await fetch(`${emu.url}/some/where`), 'InvalidAction.NotFound');
  });
});

describe('admin routes', () => {
  test('health answers ok without a signature', async () => {
    const res = await fetch(`${emu.url}/_emulator/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; database: { id: string; createdAt: string; path: string } };
    assert.equal(body.status, 'ok');
    assert.match(body.database.id, /^db-[0-9a-f-]{36}$/);
    assert.equal(body.database.path, ':memory:');
  });

  test('state dumps every family table by name', async () => {
    const state = (await (await fetch(`${emu.url}/_emulator/state`)).json()) as Record<string, unknown[]>;
    assert.deepEqual(Object.keys(state).sort(), ['regions', 'widgets']);
    assert.equal(state.regions!.length, seedRegions.length);
  });

  test('reset drops the data and seeds again', async () => {
    const created = await rawV1(
      emu.url,
      'POST',
      v1CommonParams('CreateWidget'),
      new Map([
        ['RegionId', 'cn-hangzhou'],
        ['WidgetName', 'Temp'],
      ]),
    );
    assert.equal(created.status, 200);
    const res = await fetch(`${emu.url}/_emulator/reset`, { method: 'POST', headers: { 'x-emulator-admin': '1' } });
    assert.equal(res.status, 200);
    const state = (await (await fetch(`${emu.url}/_emulator/state`)).json()) as Record<string, unknown[]>;
    assert.equal(state.widgets!.length, 0);
    assert.equal(state.regions!.length, seedRegions.length);
  });

  test('a wrong method on an admin route is refused', async () => {
    const res = await fetch(`${emu.url}/_emulator/reset`);
    assert.equal(res.status, 403);
  });
});
