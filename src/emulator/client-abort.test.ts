import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createRequestListener, isClientAbort, type EmulatorCore } from './server.js';

test('a client that hangs up in the middle of its request body is dropped without logging an error', async (t) => {
  const logged = t.mock.method(console, 'error', () => {});
  const listener = createRequestListener({ endpoint: () => '127.0.0.1' } as unknown as EmulatorCore);
  let handled!: () => void;
  const done = new Promise<void>((r) => {
    handled = r;
  });
  // setImmediate: let the listener's rejected body read settle after the response closes.
  const server = createServer((req, res) => {
    res.on('close', () => setImmediate(handled));
    listener(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const sock = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', r));
    sock.write(
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=Desc',
    );
    await new Promise((r) => setImmediate(r));
    sock.resetAndDestroy();
    await done;
    assert.equal(logged.mock.callCount(), 0, `logged: ${logged.mock.calls.map((c) => c.arguments.map(String).join(' ')).join(' | ')}`);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('only connection resets and aborts count as client aborts, not other failures', () => {
  const req = { destroyed: true, socket: { destroyed: true } } as never;
  assert.equal(isClientAbort(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), req), true);
  assert.equal(isClientAbort(new Error('aborted'), req), true);
  assert.equal(isClientAbort(new Error('aborted'), { destroyed: false, socket: { destroyed: false } } as never), false);
  assert.equal(isClientAbort(new TypeError('x is undefined'), req), false);
});
