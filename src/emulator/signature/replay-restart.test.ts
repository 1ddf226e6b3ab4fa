/**
 * Replay protection survives a restart (issue 12 item 3): a signed CreateImage captured on
 * the wire and sent again after the emulator restarted on the same database file is refused
 * with SignatureNonceUsed, in both signature modes, and makes no second image.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from '@alicloud/ecs20140526';
import { startEmulator, DEFAULT_ACCOUNT_ID } from '../index.js';
import { sdkClient } from '../test-support/clients.js';

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

function send(port: number, r: Captured): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: r.method, path: r.url, headers: r.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/** A loopback forwarder to `port` that keeps a copy of every request, as an eavesdropper would. */
async function recordingForwarder(port: () => number): Promise<{ endpoint: string; captured: Captured[]; close(): Promise<void> }> {
  const captured: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
      captured.push(r);
      const up = request({ host: '127.0.0.1', port: port(), method: r.method, path: r.url, headers: r.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

for (const mode of ['v3', 'v1'] as const) {
  test(`a ${mode}-signed CreateImage replayed after a restart is SignatureNonceUsed and makes no second image`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-replay-'));
    const file = join(dir, 'emulator.db');
    let emu = await startEmulator({ port: 0, db: file });
    const forwarder = await recordingForwarder(() => emu.port);
    const name = `replayed-${mode}`;
    const images = () => (emu.db.prepare('SELECT count(*) AS n FROM images WHERE name = ?').get(name) as { n: number }).n;
    try {
      const created = await sdkClient(forwarder.endpoint, mode).createImage(
        new E.CreateImageRequest({ regionId: 'cn-hangzhou', snapshotId: `s-running-system-${DEFAULT_ACCOUNT_ID}`, imageName: name }),
      );
      assert.equal(created.statusCode, 200);
      const original = forwarder.captured.find((r) => r.url.includes('CreateImage') || r.headers['x-acs-action'] === 'CreateImage');
      assert.ok(original, 'the CreateImage request was captured');

      await emu.stop();
      emu = await startEmulator({ port: 0, db: file });
      const replay = await send(emu.port, original);
      assert.equal(replay.status, 400, JSON.stringify(replay.body));
      assert.equal(replay.body.Code, 'SignatureNonceUsed');
      assert.equal(images(), 1, 'the replay made no second image');
    } finally {
      await forwarder.close();
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('nonces outlive an admin reset too, so a request signed before the reset cannot be replayed after it', async () => {
  const emu = await startEmulator({ port: 0, db: ':memory:' });
  const forwarder = await recordingForwarder(() => emu.port);
  try {
    await sdkClient(forwarder.endpoint, 'v3').describeRegions(new E.DescribeRegionsRequest({}));
    const reset = await fetch(`${emu.url}/_emulator/reset`, { method: 'POST', headers: { 'x-emulator-admin': '1' } });
    assert.equal(reset.status, 200);
    const replay = await send(emu.port, forwarder.captured[0]!);
    assert.equal(replay.body.Code, 'SignatureNonceUsed');
  } finally {
    await forwarder.close();
    await emu.stop();
  }
});
