import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { watchWire, watchedCalls, type WireAttempt } from './wire-watch.js';

function get(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

const fresh = (): WireAttempt => ({ connected: false, bodyHead: '' });

test('each watched call records its own answer, also when another call settles first', async (t) => {
  const server: Server = createServer((req, res) => {
    res.statusCode = req.url === '/down' ? 503 : 200;
    res.end(req.url === '/down' ? '<html><title>503 Service Unavailable</title></html>' : '{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  const { port } = server.address() as AddressInfo;

  const first = fresh();
  const second = fresh();
  const late = watchWire(second, async () => {
    await sleep(50); // asks only after the first call has settled
    return get(port, '/down');
  });
  await watchWire(first, () => get(port, '/up'));
  assert.equal(watchedCalls(), 1);
  await late;
  assert.equal(watchedCalls(), 0);

  assert.deepEqual(first, { connected: true, status: 200, bodyHead: '{"ok":true}' });
  assert.equal(second.connected, true);
  assert.equal(second.status, 503);
  assert.match(second.bodyHead, /503 Service Unavailable/);

  // Outside any watched call nothing is recorded anywhere.
  const before = JSON.stringify([first, second]);
  await get(port, '/down');
  assert.equal(JSON.stringify([first, second]), before);

  // A call that throws before returning its promise is not left counted.
  assert.throws(() =>
    watchWire(fresh(), () => {
      throw new Error('boom');
    }),
  );
  assert.equal(watchedCalls(), 0);
});
