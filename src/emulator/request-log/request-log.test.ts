/**
 * The request log and the console's admin routes, through the official SDK in both signature
 * modes: what is recorded (masked), filters, the ring's bound, faulted and dropped calls, the
 * timeline, the event stream, `/_emulator/describe` and `/_emulator/accounts`, the console's files.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCOUNT_ID,
  SECOND_ACCESS_KEY_ID,
  SECOND_ACCOUNT_ID,
  startEmulator,
  type RunningEmulator,
} from '../index.js';
import { callAction, sdkClient, sdkError } from '../test-support/clients.js';
import { maskAuthorization, maskKeyId, maskParams } from './mask.js';
import { RequestLog } from './log.js';

type Json = Record<string, any>;

async function get(emu: RunningEmulator, path: string): Promise<{ status: number; body: Json }> {
  const r = await fetch(`${emu.url}${path}`);
  return { status: r.status, body: (await r.json()) as Json };
}

async function admin(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<Json> {
  const r = await fetch(`${emu.url}${path}`, {
    method,
    headers: { 'X-Emulator-Admin': '1', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await r.json()) as Json;
}

describe('masking', () => {
  test('signatures, tokens and passwords are hidden, access key ids shortened', () => {
    assert.deepEqual(
      maskParams([
        ['Signature', 'abcdef=='],
        ['SignatureMethod', 'HMAC-SHA1'],
        ['SignatureNonce', 'n-1'],
        ['AccessKeyId', 'LTAI5tExampleKey'],
        ['SecurityToken', 'tok'],
        ['Password', 'hunter2'],
        ['ImageName', 'web'],
      ]),
      {
        Signature: '***',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: 'n-1',
        AccessKeyId: 'LTAI…ey',
        SecurityToken: '***',
        Password: '***',
        ImageName: 'web',
      },
    );
    assert.equal(maskKeyId('short'), '***');
    assert.equal(
      maskAuthorization('ACS3-HMAC-SHA256 Credential=LTAI5tExampleKey,SignedHeaders=host;x-acs-date,Signature=0123456789abcdef'),
      'ACS3-HMAC-SHA256 Credential=LTAI…ey,SignedHeaders=host;x-acs-date,Signature=***',
    );
    assert.equal(maskAuthorization('Bearer abc'), '***');
  });
});

describe('RequestLog', () => {
  const entry = (action: string, status: number, time: string) => ({
    requestId: 'R',
    time,
    product: 'Ecs',
    action,
    version: '2014-05-26',
    signature: 'V3' as const,
    status,
    code: status >= 400 ? 'X' : '',
    latencyMs: 1,
    raw: {
      method: 'POST',
      query: 'Action=X&Signature=c2VjcmV0&AccessKeyId=LTAI5tExampleKey',
      headers: { authorization: 'ACS3-HMAC-SHA256 Credential=LTAI5tExampleKey,SignedHeaders=host,Signature=abc123' },
    },
    answer: { status, contentType: '', body: '', truncated: false },
  });

  test('keeps the last N calls, newest first, filters and pages back by seq', () => {
    const log = new RequestLog(3, () => Date.parse('2026-01-01T00:00:10Z'));
    for (const [i, a] of ['DescribeImages', 'CreateImage', 'DescribeImages', 'DeleteImage', 'CreateImage'].entries())
      log.record(entry(a, i === 4 ? 400 : 200, `2026-01-01T00:00:0${i}.000Z`));
    const all = log.list({ limit: 10 });
    assert.deepEqual(
      all.entries.map((e) => [e.seq, e.action]),
      [
        [5, 'CreateImage'],
        [4, 'DeleteImage'],
        [3, 'DescribeImages'],
      ],
    );
    assert.equal(all.held, 3);
    assert.deepEqual(
      log.list({ limit: 10, action: 'create' }).entries.map((e) => e.seq),
      [5],
    );
    assert.deepEqual(
      log.list({ limit: 10, errors: true }).entries.map((e) => e.seq),
      [5],
    );
    assert.deepEqual(
      log.list({ limit: 10, before: 5 }).entries.map((e) => e.seq),
      [4, 3],
    );
    assert.deepEqual(
      log.list({ limit: 1 }).entries.map((e) => e.seq),
      [5],
    );
    const shown = JSON.stringify([log.list({ limit: 10 }), log.get(5)]);
    assert.ok(!/c2VjcmV0|abc123|LTAI5tExampleKey/.test(shown), `secrets are masked when read: ${shown}`);
    assert.equal(log.get(5)?.request.url, '/?Action=X&Signature=***&AccessKeyId=LTAI%E2%80%A6ey');
    assert.deepEqual(log.get(5)?.params, { Action: 'X', Signature: '***', AccessKeyId: 'LTAI…ey' });
    assert.equal(log.get(2), undefined, 'older calls are gone');
    assert.equal(log.get(4)?.action, 'DeleteImage');
    assert.equal(log.get(6), undefined);
    const tl = log.timeline(12);
    assert.equal(tl.buckets.length, 12);
    assert.equal(
      tl.buckets.reduce((n, b) => n + b.total, 0),
      5,
      'the timeline counts every call, not only the kept ones',
    );
    assert.deepEqual(tl.buckets.find((b) => b.t === Date.parse('2026-01-01T00:00:04Z') / 1000)?.byAction, { CreateImage: 1 });
    assert.equal(tl.buckets.find((b) => b.t === Date.parse('2026-01-01T00:00:04Z') / 1000)?.errors, 1);
  });
});

describe('request log and console routes of a running emulator', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ port: 0, requestLogSize: 50 });
  });
  after(() => emu.stop());

  for (const mode of ['v1', 'v3'] as const) {
    test(`records a ${mode} call with its request id, masked secrets and full answer`, async () => {
      const ecs = sdkClient(emu.endpoint, mode);
      const r = await callAction(ecs, 'DescribeRegions', {}, { body: { AcceptLanguage: 'en-US' } });
      const list = await get(emu, '/_emulator/requests?limit=1');
      const e = list.body.entries[0];
      assert.equal(e.requestId, r.body.RequestId);
      assert.equal(e.action, 'DescribeRegions');
      assert.equal(e.product, 'Ecs');
      assert.equal(e.version, '2014-05-26');
      assert.equal(e.signature, mode === 'v1' ? 'V1' : 'V3');
      assert.equal(e.status, 200);
      assert.equal(e.code, '');
      assert.equal(e.params.AcceptLanguage, 'en-US', 'form body parameters are shown');
      const d = (await get(emu, `/_emulator/requests/${e.seq}`)).body;
      const text = JSON.stringify(d);
      assert.ok(!text.includes(DEFAULT_ACCESS_KEY_ID), 'the access key id is never shown whole');
      if (mode === 'v1') {
        assert.equal(d.params.Signature, '***');
        assert.match(d.request.url, /Signature=\*\*\*/);
      } else {
        assert.match(d.request.headers.authorization, /Signature=\*\*\*$/);
      }
      assert.equal(JSON.parse(d.answer.body).RequestId, r.body.RequestId);
      assert.equal(d.answer.status, 200);
    });
  }

  test('faulted and dropped calls are logged with their code; filters find them', async () => {
    const ecs = sdkClient(emu.endpoint, 'v3');
    await admin(emu, 'POST', '/_emulator/faults', {
      rules: [
        { action: 'DescribeZones', rate: 1, kind: 'Throttling', count: 1 },
        { action: 'DescribeInstanceTypes', rate: 1, kind: 'drop-after-commit', count: 1 },
      ],
    });
    assert.equal((await sdkError(callAction(ecs, 'DescribeZones', { RegionId: 'cn-hangzhou' }))).code, 'Throttling.User');
    await assert.rejects(callAction(ecs, 'DescribeInstanceTypes', {}));
    await new Promise((r) => setTimeout(r, 50));
    const failed = (await get(emu, '/_emulator/requests?errors=1')).body.entries as Json[];
    assert.deepEqual(
      failed.slice(0, 2).map((e) => [e.action, e.status, e.code]),
      [
        ['DescribeInstanceTypes', 0, '(no answer)'],
        ['DescribeZones', 400, 'Throttling.User'],
      ],
    );
    const zones = (await get(emu, '/_emulator/requests?action=zones')).body.entries as Json[];
    assert.ok(zones.length >= 1 && zones.every((e) => e.action === 'DescribeZones'));
    await admin(emu, 'DELETE', '/_emulator/faults');
  });

  test('bad query values and a call no longer held are refused in the ECS error shape', async () => {
    const bad = await get(emu, '/_emulator/requests?limit=x');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.Code, 'InvalidParameter');
    const gone = await get(emu, '/_emulator/requests/999999');
    assert.equal(gone.status, 404);
    assert.equal(gone.body.Code, 'InvalidRequestSeq.NotFound');
    const post = await fetch(`${emu.url}/_emulator/requests`, { method: 'POST', headers: { 'X-Emulator-Admin': '1' } });
    assert.equal(((await post.json()) as Json).Code, 'UnsupportedHTTPMethod');
  });

  test('the timeline counts the calls of the last seconds', async () => {
    const tl = (await get(emu, '/_emulator/timeline?seconds=60')).body;
    assert.equal(tl.buckets.length, 60);
    const held = (await get(emu, '/_emulator/requests?limit=50')).body.entries.length as number;
    assert.equal(
      (tl.buckets as Json[]).reduce((n, b) => n + b.total, 0),
      held,
    );
  });

  test('the event stream sends new calls in batches and tells about resets', async () => {
    const abort = new AbortController();
    const r = await fetch(`${emu.url}/_emulator/events`, { signal: abort.signal });
    assert.equal(r.headers.get('content-type'), 'text/event-stream;charset=utf-8');
    const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (re: RegExp) => {
      while (!re.test(text)) text += (await reader.read()).value ?? '';
    };
    await until(/event: hello\n/);
    const call = await callAction(sdkClient(emu.endpoint, 'v3'), 'DescribeRegions', {});
    await until(/event: requests\ndata: .*\n\n/);
    const data = JSON.parse(/event: requests\ndata: (.*)\n/.exec(text)![1]!) as Json;
    assert.ok(data.entries.some((e: Json) => e.requestId === call.body.RequestId));
    await admin(emu, 'POST', '/_emulator/reset');
    await until(/event: reset\n/);
    abort.abort();
  });

  test('/_emulator/describe answers a read action for an account, as the API does, and is not logged', async () => {
    const before = (await get(emu, '/_emulator/requests?limit=1')).body.lastSeq as number;
    const viaAdmin = await get(
      emu,
      `/_emulator/describe?AccountId=${DEFAULT_ACCOUNT_ID}&Action=DescribeImages&RegionId=cn-hangzhou&ImageOwnerAlias=system&PageSize=5`,
    );
    assert.equal(viaAdmin.status, 200);
    const viaApi = await callAction(sdkClient(emu.endpoint, 'v3'), 'DescribeImages', {
      RegionId: 'cn-hangzhou',
      ImageOwnerAlias: 'system',
      PageSize: '5',
    });
    const ids = (b: Json) => b.Images.Image.map((i: Json) => i.ImageId);
    assert.deepEqual(ids(viaAdmin.body), ids(viaApi.body));
    assert.equal(viaAdmin.body.TotalCount, viaApi.body.TotalCount);
    assert.equal((await get(emu, '/_emulator/requests?limit=1')).body.lastSeq, before + 1, 'only the SDK call is logged');
    const vpcs = await get(emu, '/_emulator/describe?Action=DescribeVpcs&RegionId=cn-hangzhou');
    assert.equal(vpcs.status, 200, 'the version defaults to the action product');
    assert.equal(vpcs.body.Vpcs.Vpc.length, 1);
  });

  test('/_emulator/describe refuses changes, unknown accounts and bad input', async () => {
    const change = await get(emu, '/_emulator/describe?Action=CreateImage&RegionId=cn-hangzhou&InstanceId=i-x');
    assert.equal(change.body.Code, 'InvalidParameter');
    assert.match(change.body.Message, /only read actions/);
    const account = await get(emu, '/_emulator/describe?AccountId=42&Action=DescribeImages&RegionId=cn-hangzhou');
    assert.equal(account.body.Code, 'InvalidParameter');
    assert.match(account.body.Message, /AccountId "42"/);
    const region = await get(emu, '/_emulator/describe?Action=DescribeImages&RegionId=xx-nowhere');
    assert.equal(region.body.Code, 'InvalidRegionId.NotFound');
    const unknown = await get(emu, '/_emulator/describe?Action=DescribeNothing');
    assert.equal(unknown.body.Code, 'InvalidAction.NotFound');
  });

  test('/_emulator/accounts lists accounts with shortened key ids', async () => {
    const r = (await get(emu, '/_emulator/accounts')).body;
    assert.deepEqual(r.accounts, [
      { accountId: DEFAULT_ACCOUNT_ID, accessKeyId: maskKeyId(DEFAULT_ACCESS_KEY_ID) },
      { accountId: SECOND_ACCOUNT_ID, accessKeyId: maskKeyId(SECOND_ACCESS_KEY_ID) },
    ]);
    assert.equal(r.defaultRegionId, 'cn-hangzhou');
  });

  test('the console is served at /console/ with a strict policy; a browser at / is sent there', async () => {
    const page = await fetch(`${emu.url}/console/`);
    if (page.status === 404) assert.match(await page.text(), /npm run build/);
    else {
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'/);
      assert.match(await page.text(), /<script src="\/console\/app.js"/);
    }
    const nav = await fetch(`${emu.url}/`, { headers: { Accept: 'text/html' }, redirect: 'manual' });
    assert.equal(nav.status, 302);
    assert.equal(nav.headers.get('location'), '/console/');
    const api = await fetch(`${emu.url}/?Format=JSON`);
    assert.equal(((await api.json()) as Json).Code, 'MissingParameter', 'API requests are not redirected');
    assert.equal((await fetch(`${emu.url}/console/nothing.js`)).status, 404);
  });

  test('stop() ends open event streams', async () => {
    const other = await startEmulator({ port: 0 });
    const r = await fetch(`${other.url}/_emulator/events`);
    const reader = r.body!.getReader();
    await reader.read();
    await other.stop();
    for (;;) if ((await reader.read()).done) break;
  });
});
