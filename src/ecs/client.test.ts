import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImageSpec, describeImagesSpec } from '../spec/ecs/images.js';
import { AlibabaCloudClient } from './client.js';
import { errorBody, fakeClock, OK_BODY, startCannedServer, testClient, useCannedServer } from './canned-server.js';
import { EcsCanceledError, EcsInputError, isEcsServiceError, isNotFoundError, isThrottling, type EcsServiceError } from './errors.js';

const srv = useCannedServer();
const reset = () => srv.reset();

test('sends a V3-signed POST with the flattened input in the query and returns the JSON body', async () => {
  reset();
  srv.script.push({ body: { RequestId: 'R1', ImageId: 'm-123' } });
  const client = testClient(srv.endpoint);
  const body = await client.call(createImageSpec, { ImageName: 'img', Tag: [{ Key: 'k', Value: 'v 1' }], ClientToken: 'tok' });
  assert.deepEqual(body, { RequestId: 'R1', ImageId: 'm-123' });
  const r = srv.requests[0];
  assert.equal(r.method, 'POST');
  assert.equal(r.headers['x-acs-action'], 'CreateImage');
  assert.equal(r.headers['x-acs-version'], '2014-05-26');
  assert.match(String(r.headers.authorization), /^ACS3-HMAC-SHA256 Credential=testid,/);
  assert.equal(r.query.get('RegionId'), 'cn-hangzhou');
  assert.equal(r.query.get('ImageName'), 'img');
  assert.equal(r.query.get('Tag.1.Value'), 'v 1');
  assert.equal(r.query.get('Action'), null);
});

test('fills RegionId from the client when the input leaves it undefined, and keeps an explicit one', async () => {
  reset();
  const client = testClient(srv.endpoint);
  await client.call(describeImagesSpec, { RegionId: undefined });
  await client.call(describeImagesSpec, { RegionId: 'cn-beijing' });
  assert.deepEqual(
    srv.requests.map((r) => r.query.get('RegionId')),
    ['cn-hangzhou', 'cn-beijing'],
  );
});

test('signs with HMAC-SHA1 and carries Action/Version in the query in v1 mode', async () => {
  reset();
  const client = testClient(srv.endpoint, { signatureAlgorithm: 'v1' });
  await client.call(describeImagesSpec, { ImageId: ['m-1'], Status: ['ALL'] });
  const q = srv.requests[0].query;
  assert.equal(q.get('Action'), 'DescribeImages');
  assert.equal(q.get('Version'), '2014-05-26');
  assert.equal(q.get('SignatureMethod'), 'HMAC-SHA1');
  assert.equal(q.get('SignatureVersion'), '1.0');
  assert.ok(q.get('Signature'));
  assert.equal(q.get('Status'), 'ALL');
});

test('converts an error body into EcsServiceError with code, status, request id and a readable message', async () => {
  reset();
  srv.script.push({
    status: 400,
    body: errorBody('InvalidImageName.Duplicated', 'The specified Image name has already been used.', 'RID-9'),
  });
  const client = testClient(srv.endpoint);
  const err = await client.call(createImageSpec, { ImageName: 'dup', ClientToken: 't' }).then(
    () => assert.fail('expected an error'),
    (e: unknown) => e as EcsServiceError,
  );
  assert.ok(isEcsServiceError(err));
  assert.equal(err.code, 'InvalidImageName.Duplicated');
  assert.equal(err.httpStatus, 400);
  assert.equal(err.requestId, 'RID-9');
  assert.equal(err.fault, 'client');
  assert.equal(err.action, 'CreateImage');
  assert.match(err.recommend ?? '', /troubleshoot/);
  assert.equal(
    err.message,
    'ECS CreateImage failed: InvalidImageName.Duplicated (HTTP 400): The specified Image name has already been used. Request id: RID-9.',
  );
  assert.equal(srv.requests.length, 1, 'a client error is not retried');
});

test('classifies 404 and .NotFound codes as not-found, and throttling as throttling', async () => {
  reset();
  srv.script.push({ status: 404, body: errorBody('InvalidImageId.NotFound', 'The specified ImageId does not exist.') });
  const client = testClient(srv.endpoint, { retry: { maxAttempts: 1 } });
  const nf = await client.call(describeImagesSpec, {}).catch((e: unknown) => e);
  assert.ok(isNotFoundError(nf));
  assert.ok(isNotFoundError(nf, ['InvalidImageId.NotFound']));
  assert.ok(!isNotFoundError(nf, ['InvalidRegionId.NotFound']));
  srv.script.push({ status: 400, body: errorBody('Throttling.User', 'Request was denied due to user flow control.') });
  const th = await client.call(describeImagesSpec, {}).catch((e: unknown) => e);
  assert.ok(isThrottling(th));
  assert.equal((th as EcsServiceError).fault, 'throttling');
  assert.ok(!isNotFoundError(th));
});

test('retries throttling then succeeds, waiting with jittered backoff and honouring x-acs-retry-after', async () => {
  reset();
  srv.script.push({ status: 400, body: errorBody('Throttling', 'slow down') });
  srv.script.push({ status: 400, body: errorBody('Throttling', 'slow down'), headers: { 'x-acs-retry-after': '700' } });
  srv.script.push({ body: { RequestId: 'OK', ImageId: 'm-2' } });
  const clock = fakeClock([0.5]);
  const logs: string[] = [];
  const client = testClient(srv.endpoint, {
    clock,
    logger: { debug: (m, f) => logs.push(`${m} ${String(f?.code)}`), info: () => {}, warn: () => {} },
  });
  const body = await client.call(createImageSpec, { ImageName: 'x', ClientToken: 't' });
  assert.equal(body.ImageId, 'm-2');
  assert.equal(srv.requests.length, 3);
  // first retry: 0.5 * 200; second: max(0.5 * 400, retry-after 700)
  assert.deepEqual(clock.sleeps, [100, 700]);
  assert.equal(logs.length, 2);
  assert.match(logs[0], /ECS CreateImage: retrying after error Throttling/);
});

test('retries a 5xx for an idempotent call and fails at once for a non-idempotent one', async () => {
  reset();
  srv.script.push({ status: 503, body: errorBody('ServiceUnavailable', 'busy') });
  srv.script.push({ body: { ...OK_BODY, RequestId: 'OK' } });
  const clock = fakeClock();
  const client = testClient(srv.endpoint, { clock });
  await client.call(describeImagesSpec, {});
  assert.equal(srv.requests.length, 2);

  reset();
  srv.script.push({ status: 500, body: errorBody('InternalError', 'boom') });
  const err = await client.call(createImageSpec, { ImageName: 'x' }, { idempotent: false }).catch((e: unknown) => e);
  assert.ok(isEcsServiceError(err) && err.code === 'InternalError' && err.fault === 'server');
  assert.equal(srv.requests.length, 1);
});

test('gives up with the last error when the next backoff would pass the deadline', async () => {
  reset();
  srv.fallback = () => ({ status: 503, body: errorBody('ServiceUnavailable', 'busy') });
  try {
    const clock = fakeClock([0.99]);
    const client = testClient(srv.endpoint, { clock, retry: { deadlineMs: 1000, baseDelayMs: 200 } });
    const err = await client.call(describeImagesSpec, {}).catch((e: unknown) => e);
    assert.ok(isEcsServiceError(err) && err.code === 'ServiceUnavailable');
    // waits 198 + 396 = 594 ms; the third wait (792) would end past 1000 ms
    assert.deepEqual(clock.sleeps, [198, 396]);
    assert.equal(srv.requests.length, 3);
  } finally {
    srv.fallback = () => ({ body: OK_BODY });
  }
});

test('stops after maxAttempts', async () => {
  reset();
  srv.fallback = () => ({ status: 500, body: errorBody('InternalError', 'boom') });
  try {
    const client = testClient(srv.endpoint, { clock: fakeClock(), retry: { maxAttempts: 4 } });
    await assert.rejects(client.call(describeImagesSpec, {}), (e: unknown) => isEcsServiceError(e) && e.code === 'InternalError');
    assert.equal(srv.requests.length, 4);
  } finally {
    srv.fallback = () => ({ body: OK_BODY });
  }
});

test('an aborted signal cancels before sending and during a hung request', async () => {
  reset();
  const client = testClient(srv.endpoint);
  const pre = new AbortController();
  pre.abort();
  await assert.rejects(client.call(describeImagesSpec, {}, { signal: pre.signal }), EcsCanceledError);
  assert.equal(srv.requests.length, 0);

  srv.script.push({ hang: true });
  const ac = new AbortController();
  const p = client.call(describeImagesSpec, {}, { signal: ac.signal });
  while (srv.requests.length === 0) await new Promise((r) => setImmediate(r));
  ac.abort(new Error('user pressed Ctrl-C'));
  await assert.rejects(
    p,
    (e: unknown) => e instanceof EcsCanceledError && /Canceled ECS DescribeImages: user pressed Ctrl-C/.test(e.message),
  );
});

test('turns connection refused into a network error that is retried even for mutating calls', async () => {
  const dead = await startCannedServer();
  const endpoint = dead.endpoint;
  await dead.close();
  const clock = fakeClock();
  const client = testClient(endpoint, { clock, retry: { maxAttempts: 3 } });
  await assert.rejects(
    client.call(createImageSpec, { ImageName: 'x' }, { idempotent: false }),
    (e: unknown) =>
      (e as Error).name === 'EcsNetworkError' &&
      (e as Error).message === `ECS CreateImage failed: cannot connect to http://${endpoint} (ECONNREFUSED).`,
  );
  assert.equal(clock.sleeps.length, 2, 'two retries happened');
});

test('bad input is refused before anything is sent', async () => {
  reset();
  const client = testClient(srv.endpoint);
  // @ts-expect-error -- a misspelt parameter: the types refuse it, and so does the encoder at run time.
  await assert.rejects(client.call(createImageSpec, { ImageNam: 'x' }), EcsInputError);
  assert.equal(srv.requests.length, 0);
});

test('resolves default endpoints per product and region, and validates overrides', () => {
  const c = new AlibabaCloudClient({ region: 'cn-beijing', accessKeyId: 'a', accessKeySecret: 'b' });
  assert.equal(c.endpointFor('ecs'), 'ecs.cn-beijing.aliyuncs.com');
  assert.equal(c.endpointFor('vpc'), 'vpc.cn-beijing.aliyuncs.com');
  assert.equal(c.endpointFor('resourcemanager'), 'resourcemanager.aliyuncs.com');
  const h = new AlibabaCloudClient({ region: 'cn-hangzhou', accessKeyId: 'a', accessKeySecret: 'b' });
  assert.equal(h.endpointFor('ecs'), 'ecs-cn-hangzhou.aliyuncs.com');
  assert.equal(h.protocol, 'HTTPS');
  assert.throws(
    () => new AlibabaCloudClient({ region: 'x', accessKeyId: 'a', accessKeySecret: 'b', endpoints: { ecs: 'http://127.0.0.1:1' } }),
    /endpoints.ecs must be host\[:port\] without scheme/,
  );
  assert.throws(() => new AlibabaCloudClient({ region: '', accessKeyId: 'a', accessKeySecret: 'b' }), /region is required/);
  assert.throws(
    () => new AlibabaCloudClient({ region: 'x', accessKeyId: 'a', accessKeySecret: 'b', protocol: 'http' as 'HTTP' }),
    /protocol must be "HTTP" or "HTTPS"/,
  );
});
