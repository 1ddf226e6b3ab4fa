/**
 * What the client says when the transport fails (issue 12 items 9-11): an endpoint that
 * accepts and never answers, an HTML error page, a refused connection. Each message names the
 * action and the endpoint, and the waits stay bounded by the read timeout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describeImagesSpec } from '../spec/ecs/images.js';
import { fakeClock, startCannedServer, testClient } from './canned-server.js';
import { EcsServiceError, EcsTimeoutError } from './errors.js';

/** A TCP server that accepts every connection and never writes a byte. */
async function silentServer(): Promise<{ endpoint: string; connections: () => number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => void sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => sockets.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

test('an endpoint that accepts and never answers: "connected, no answer within the read timeout", one attempt only', async () => {
  const srv = await silentServer();
  try {
    // A connect timeout shorter than the read timeout: the SDK's idle timer must not cut the wait short.
    const client = testClient(srv.endpoint, { readTimeoutMs: 400, connectTimeoutMs: 100, clock: fakeClock() });
    const err = await client.call(describeImagesSpec, {}).then(
      () => assert.fail('expected a timeout'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof EcsTimeoutError, String(err));
    assert.equal(
      err.message,
      `ECS DescribeImages timed out: connected to http://${srv.endpoint} but got no answer within the read timeout (0.4 s).`,
    );
    assert.equal(err.requestSent, true);
    assert.equal(srv.connections(), 1, 'not retried: the read timeout bounds the whole wait');
  } finally {
    await srv.close();
  }
});

test('the read timeout of an attempt never runs past the call deadline', async () => {
  const srv = await silentServer();
  try {
    const client = testClient(srv.endpoint, { readTimeoutMs: 60_000 });
    const err = await client.call(describeImagesSpec, {}, { deadlineMs: 300 }).catch((e: unknown) => e);
    assert.ok(err instanceof EcsTimeoutError, String(err));
    assert.match(err.message, /no answer within the read timeout \(0\.3 s\)/);
  } finally {
    await srv.close();
  }
});

test('an HTML error page keeps its HTTP status and the first line of its text', async () => {
  const srv = await startCannedServer();
  try {
    srv.script.push({
      status: 502,
      headers: { 'content-type': 'text/html' },
      raw: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body>\r\n</html>',
    });
    const client = testClient(srv.endpoint, { retry: { maxAttempts: 1 } });
    const err = await client.call(describeImagesSpec, {}).catch((e: unknown) => e);
    assert.ok(err instanceof EcsServiceError, String(err));
    assert.equal(err.httpStatus, 502);
    assert.equal(err.code, 'HTTP502');
    assert.equal(err.message, 'ECS DescribeImages failed: HTTP502 (HTTP 502): the answer is not JSON: "502 Bad Gateway".');
  } finally {
    await srv.close();
  }
});

test('a long error page is cut in its message', async () => {
  const srv = await startCannedServer();
  try {
    srv.script.push({ status: 503, raw: `Service Unavailable: ${'x'.repeat(5000)}\nsecond line` });
    const client = testClient(srv.endpoint, { retry: { maxAttempts: 1 } });
    const err = (await client.call(describeImagesSpec, {}).catch((e: unknown) => e)) as EcsServiceError;
    assert.equal(err.httpStatus, 503);
    assert.ok(err.message.length < 300, err.message);
    assert.match(err.message, /"Service Unavailable: x+\.\.\."/);
  } finally {
    await srv.close();
  }
});

test('a refused connection says which endpoint, without the request line glued to it', async () => {
  const dead = await startCannedServer();
  const endpoint = dead.endpoint;
  await dead.close();
  const client = testClient(endpoint, { retry: { maxAttempts: 1 } });
  const err = (await client.call(describeImagesSpec, {}).catch((e: unknown) => e)) as Error;
  assert.equal(err.name, 'EcsNetworkError');
  assert.equal(err.message, `ECS DescribeImages failed: cannot connect to http://${endpoint} (ECONNREFUSED).`);
});
