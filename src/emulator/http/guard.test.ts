/**
 * The front door (issue 12 items 2 and 12): web pages cannot reach the admin routes or the
 * API (cross-site requests, DNS rebinding), admin changes need a non-simple request, an
 * optional admin token guards every admin route, and over-long URLs and headers answer
 * 414/431 in the ECS error shape.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import * as $Ecs from '@alicloud/ecs20140526';
import { startEmulator, type RunningEmulator } from '../index.js';
import { widgetsFamily } from '../test-support/widgets-family.js';
import { rawSend, rawV1, sdkClient, v1CommonParams } from '../test-support/clients.js';
import { v1Sign, v1StringToSign } from '../signature/v1.js';
import { DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  text: string;
}

/** One request with exactly these headers (Host included), like a browser or a rebinding page would send. */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const framed = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = request({ host: '127.0.0.1', port, method, path, headers: framed }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown> = {};
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // XML or empty: the test looks at `text`.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const widgetCount = (emu: RunningEmulator) => (emu.db.prepare('SELECT COUNT(*) AS n FROM widgets').get() as { n: number }).n;

async function createWidget(emu: RunningEmulator, name: string): Promise<void> {
  const r = await rawV1(
    emu.url,
    'POST',
    v1CommonParams('CreateWidget'),
    new Map([
      ['RegionId', 'cn-hangzhou'],
      ['WidgetName', name],
    ]),
  );
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

describe('without an admin token', () => {
  let emu: RunningEmulator;
  let own: string;
  before(async () => {
    emu = await startEmulator({ port: 0, db: ':memory:', families: [widgetsFamily] });
    own = `127.0.0.1:${emu.port}`;
    await createWidget(emu, 'Keep me');
  });
  after(() => emu.stop());

  test('a cross-site reset or fault plan (Origin of another site, text/plain) is 403 and changes nothing', async () => {
    const page = { host: own, origin: 'http://evil.example', 'content-type': 'text/plain' };
    const reset = await raw(emu.port, 'POST', '/_emulator/reset', page, 'x');
    assert.equal(reset.status, 403);
    assert.equal(reset.body.Code, 'Forbidden.CrossOrigin');
    assert.match(String(reset.body.Message), /evil\.example/);
    assert.deepEqual(Object.keys(reset.body), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    const faults = await raw(emu.port, 'POST', '/_emulator/faults', page, JSON.stringify({ rules: [{ rate: 1, kind: 'InternalError' }] }));
    assert.equal(faults.status, 403);
    assert.equal(widgetCount(emu), 1, 'the data is still there');
    const plan = await raw(emu.port, 'GET', '/_emulator/faults', { host: own });
    assert.deepEqual(plan.body, { rules: [], seed: 1 }, 'no fault plan was set');
  });

  test('a simple admin change without Origin (a form post, curl without the header) is 403 naming the header to send', async () => {
    for (const [method, path] of [
      ['POST', '/_emulator/reset'],
      ['POST', '/_emulator/faults'],
      ['DELETE', '/_emulator/faults'],
      ['POST', '/_emulator/stats/reset'],
    ] as const) {
      const r = await raw(emu.port, method, path, { host: own, 'content-type': 'application/x-www-form-urlencoded' }, 'a=1');
      assert.equal(r.status, 403, `${method} ${path}`);
      assert.equal(r.body.Code, 'Forbidden.AdminSimpleRequest');
      assert.match(String(r.body.Message), /X-Emulator-Admin: 1/);
    }
    assert.equal(widgetCount(emu), 1);
  });

  test('the emulator itself (same origin) may change it with X-Emulator-Admin: 1 or a JSON body', async () => {
    const setPlan = await raw(
      emu.port,
      'POST',
      '/_emulator/faults',
      { host: own, origin: `http://${own}`, 'content-type': 'application/json' },
      JSON.stringify({ rules: [{ action: 'Nothing', rate: 1, kind: 'Throttling' }] }),
    );
    assert.equal(setPlan.status, 200, setPlan.text);
    const cleared = await raw(emu.port, 'DELETE', '/_emulator/faults', { host: `localhost:${emu.port}`, 'x-emulator-admin': '1' });
    assert.equal(cleared.status, 200, cleared.text);
    const reset = await raw(emu.port, 'POST', '/_emulator/reset', {
      host: own,
      origin: `http://localhost:${emu.port}`,
      'x-emulator-admin': '1',
    });
    assert.equal(reset.status, 200, reset.text);
    assert.equal(widgetCount(emu), 0);
    await createWidget(emu, 'Keep me');
  });

  test('a foreign Host (DNS rebinding) cannot read the state: 421, while loopback names with the right port can', async () => {
    const rebound = await raw(emu.port, 'GET', '/_emulator/state', { host: `evil.example:${emu.port}` });
    assert.equal(rebound.status, 421);
    assert.equal(rebound.body.Code, 'MisdirectedRequest');
    assert.match(String(rebound.body.Message), new RegExp(`127\\.0\\.0\\.1:${emu.port}`));
    assert.ok(!rebound.text.includes('Keep me'));
    const otherPort = await raw(emu.port, 'GET', '/_emulator/state', { host: `127.0.0.1:${emu.port + 1}` });
    assert.equal(otherPort.status, 421, 'admin routes need the emulator’s own port');
    for (const host of [own, `localhost:${emu.port}`, `[::1]:${emu.port}`, `LOCALHOST:${emu.port}`]) {
      const ok = await raw(emu.port, 'GET', '/_emulator/state', { host });
      assert.equal(ok.status, 200, host);
    }
  });

  test('a browser request flagged cross-site by Sec-Fetch-Site is refused even without Origin', async () => {
    const r = await raw(emu.port, 'GET', '/_emulator/state', { host: own, 'sec-fetch-site': 'cross-site' });
    assert.equal(r.status, 403);
    assert.equal(r.body.Code, 'Forbidden.CrossOrigin');
    // A page of the emulator on one loopback name calling another is cross-site to the browser, but its Origin is ours.
    const console = await raw(emu.port, 'GET', '/_emulator/state', {
      host: own,
      origin: `http://localhost:${emu.port}`,
      'sec-fetch-site': 'cross-site',
    });
    assert.equal(console.status, 200, console.text);
  });

  test('the API refuses foreign Hosts and Origins too, in the ECS error shape', async () => {
    const params = v1CommonParams('DescribeRegions');
    const query = [...params].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const rebound = await raw(emu.port, 'GET', `/?${query}`, { host: `attacker.example:${emu.port}` });
    assert.equal(rebound.status, 421);
    assert.equal(rebound.body.Code, 'MisdirectedRequest');
    const page = await raw(emu.port, 'POST', `/?${query}`, { host: own, origin: 'https://evil.example' });
    assert.equal(page.status, 403);
    assert.equal(page.body.Code, 'Forbidden.CrossOrigin');
  });

  test('the official SDK keeps working in both signature modes, through 127.0.0.1, localhost and a forwarder port', async () => {
    for (const mode of ['v3', 'v1'] as const) {
      for (const endpoint of [own, `localhost:${emu.port}`]) {
        const r = await sdkClient(endpoint, mode).describeRegions(new $Ecs.DescribeRegionsRequest({}));
        assert.equal(r.statusCode, 200, `${mode} ${endpoint}`);
      }
    }
    // A loopback forwarder on another port passes the signed Host through unchanged.
    const params = v1CommonParams('DescribeRegions');
    params.set('Signature', v1Sign(v1StringToSign('GET', params), DEFAULT_ACCESS_KEY_SECRET));
    const query = [...params].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const forwarded = await raw(emu.port, 'GET', `/?${query}`, { host: '127.0.0.1:1' });
    assert.equal(forwarded.status, 200, forwarded.text);
  });

  test('a query string over 16 KiB is 414 with a hint to use a POST body, not a 400', async () => {
    const long = await raw(emu.port, 'GET', `/?Action=DescribeRegions&Pad=${'a'.repeat(20_000)}&Format=JSON`, { host: own });
    assert.equal(long.status, 414);
    assert.equal(long.body.Code, 'RequestURITooLong');
    assert.match(String(long.body.Message), /POST/);
    const large = await rawSend(
      emu.port,
      `GET /?Format=JSON&Pad=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: ${own}\r\nConnection: close\r\n\r\n`,
    );
    assert.match(large, /^HTTP\/1\.1 414 /);
    assert.match(large, /"Code":"RequestURITooLong"/);
    // Beyond Node's own parser limit (1 MiB) the answer is the same status, still in the ECS shape.
    const huge = await rawSend(emu.port, `GET /?Pad=${'a'.repeat(1_500_000)} HTTP/1.1\r\nHost: ${own}\r\nConnection: close\r\n\r\n`);
    assert.match(huge, /^HTTP\/1\.1 414 /);
    assert.match(huge, /"Code":"RequestURITooLong".*POST/);
  });

  test('headers over 16 KiB are 431, not a 400', async () => {
    const big = await raw(emu.port, 'GET', '/_emulator/health', { host: own, 'x-padding': 'b'.repeat(20_000) });
    assert.equal(big.status, 431);
    assert.equal(big.body.Code, 'RequestHeaderFieldsTooLarge');
    const large = await rawSend(
      emu.port,
      `GET /_emulator/health HTTP/1.1\r\nHost: ${own}\r\nConnection: close\r\nX-Padding: ${'b'.repeat(100_000)}\r\n\r\n`,
    );
    assert.match(large, /^HTTP\/1\.1 431 /);
    assert.match(large, /"Code":"RequestHeaderFieldsTooLarge"/);
  });
});

describe('with an admin token', () => {
  let emu: RunningEmulator;
  let own: string;
  before(async () => {
    emu = await startEmulator({ port: 0, db: ':memory:', families: [widgetsFamily], adminToken: 's3cret-token' });
    own = `127.0.0.1:${emu.port}`;
  });
  after(() => emu.stop());

  test('every admin route needs Authorization: Bearer <token>: missing or wrong is 401 with a Bearer challenge', async () => {
    for (const path of ['/_emulator/health', '/_emulator/state', '/_emulator/stats', '/_emulator/faults']) {
      const missing = await raw(emu.port, 'GET', path, { host: own });
      assert.equal(missing.status, 401, path);
      assert.equal(missing.body.Code, 'MissingAdminToken');
      assert.match(String(missing.headers['www-authenticate']), /^Bearer /);
      const wrong = await raw(emu.port, 'GET', path, { host: own, authorization: 'Bearer nope' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.Code, 'InvalidAdminToken');
      const right = await raw(emu.port, 'GET', path, { host: own, authorization: 'Bearer s3cret-token' });
      assert.equal(right.status, 200, path);
    }
    const reset = await raw(emu.port, 'POST', '/_emulator/reset', {
      host: own,
      authorization: 'Bearer s3cret-token',
      'x-emulator-admin': '1',
    });
    assert.equal(reset.status, 200);
  });

  test('signed API calls do not need the admin token', async () => {
    const r = await sdkClient(emu.endpoint, 'v3').describeRegions(new $Ecs.DescribeRegionsRequest({}));
    assert.equal(r.statusCode, 200);
  });
});
