import { seedRegions } from './regions/seed-data.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as $Ecs from '@alicloud/ecs20140526';
import { startEmulator } from './index.js';
import { widgetsFamily } from './test-support/widgets-family.js';
import { callAction, sdkClient, sdkError } from './test-support/clients.js';

test('a request signed more than 15 minutes away from the signature clock is IllegalTimestamp in both signature modes', async () => {
  const emu = await startEmulator({ signatureClock: () => new Date(Date.now() + 60 * 60 * 1000) });
  try {
    for (const mode of ['v3', 'v1'] as const) {
      const err = await sdkError(sdkClient(emu.endpoint, mode).describeRegions(new $Ecs.DescribeRegionsRequest({})));
      assert.equal(err.code, 'IllegalTimestamp', mode);
      assert.equal(err.statusCode, 400);
    }
  } finally {
    await emu.stop();
  }
});

test('a simulated resource clock does not affect signature checks, and handlers see it through ctx.now()', async () => {
  const emu = await startEmulator({ families: [widgetsFamily], clock: () => new Date('2025-01-01T00:00:00Z') });
  try {
    await callAction(sdkClient(emu.endpoint, 'v3'), 'CreateWidget', { RegionId: 'cn-hangzhou', WidgetName: 'Timely' });
    assert.deepEqual(emu.db.prepare('SELECT created_at FROM widgets').all(), [{ created_at: '2025-01-01T00:00:00.000Z' }]);
  } finally {
    await emu.stop();
  }
});

test('restarting on the same database file keeps the data and does not re-run migrations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emucore-'));
  const file = join(dir, 'nested', 'emulator.db');
  try {
    const first = await startEmulator({ db: file, families: [widgetsFamily] });
    const created = await callAction(sdkClient(first.endpoint, 'v3'), 'CreateWidget', { RegionId: 'cn-hangzhou', WidgetName: 'Keeper' });
    await first.stop();

    const second = await startEmulator({ db: file, families: [widgetsFamily] });
    try {
      const listed = await callAction(sdkClient(second.endpoint, 'v1'), 'DescribeWidgets', { RegionId: 'cn-hangzhou' });
      assert.deepEqual(listed.body.Widgets, { Widget: [{ WidgetId: created.body.WidgetId, WidgetName: 'Keeper' }] });
      const migrations = second.db.prepare('SELECT family, id FROM _emulator_migrations ORDER BY family').all();
      assert.deepEqual(migrations, [
        { family: 'regions', id: '001_regions' },
        { family: 'widgets', id: '001_widgets' },
      ]);
      assert.equal(
        (second.db.prepare('SELECT COUNT(*) AS n FROM regions').get() as { n: number }).n,
        seedRegions.length,
        'the seed ran once',
      );
      assert.equal(second.db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('accounts do not see each other and each key pair gets a stable account id', async () => {
  const emu = await startEmulator({
    families: [widgetsFamily],
    accounts: [
      { accessKeyId: 'alice', accessKeySecret: 'alice-secret', accountId: 1111 },
      { accessKeyId: 'bob', accessKeySecret: 'bob-secret' },
    ],
  });
  try {
    const alice = sdkClient(emu.endpoint, 'v3', 'alice', 'alice-secret');
    const bob = sdkClient(emu.endpoint, 'v3', 'bob', 'bob-secret');
    await callAction(alice, 'CreateWidget', { RegionId: 'cn-hangzhou', WidgetName: 'Mine' });
    assert.equal((await callAction(alice, 'DescribeWidgets', { RegionId: 'cn-hangzhou' })).body.TotalCount, 1);
    assert.equal((await callAction(bob, 'DescribeWidgets', { RegionId: 'cn-hangzhou' })).body.TotalCount, 0);
    const owners = emu.db.prepare('SELECT account_id FROM widgets').all() as { account_id: number }[];
    assert.deepEqual(owners, [{ account_id: 1111 }]);
  } finally {
    await emu.stop();
  }
});

test('the emulator refuses to bind anything but 127.0.0.1', async () => {
  await assert.rejects(startEmulator({ host: '0.0.0.0' as '127.0.0.1' }), /127\.0\.0\.1/);
});

test('with no families option every registered family starts together and DescribeRegions still answers', async () => {
  const emu = await startEmulator();
  try {
    const r = await sdkClient(emu.endpoint, 'v3').describeRegions(new $Ecs.DescribeRegionsRequest({}));
    assert.equal(r.body?.regions?.region?.[0]?.localName, '华东1（杭州）');
  } finally {
    await emu.stop();
  }
});

test('a write answered before the process is killed with SIGKILL is still there after a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emucore-kill-'));
  const file = join(dir, 'emulator.db');
  const entry = fileURLToPath(new URL('./test-support/serve-widgets.js', import.meta.url));
  const child = spawn(process.execPath, [entry, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const created = await callAction(sdkClient(endpoint, 'v1'), 'CreateWidget', { RegionId: 'cn-hangzhou', WidgetName: 'Durable' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const emu = await startEmulator({ db: file, families: [widgetsFamily] });
    try {
      const listed = await callAction(sdkClient(emu.endpoint, 'v3'), 'DescribeWidgets', { RegionId: 'cn-hangzhou' });
      assert.deepEqual(listed.body.Widgets, { Widget: [{ WidgetId: created.body.WidgetId, WidgetName: 'Durable' }] });
    } finally {
      await emu.stop();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
