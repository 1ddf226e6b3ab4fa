/**
 * One emulator per database file, and no 500 for lock contention (issue 12 item 5): a second
 * emulator on the same file is refused naming the holder (in-process and as processes), a
 * holder killed with SIGKILL leaves no stale lock, concurrent writers never make a request
 * fail with SQLITE_BUSY(_SNAPSHOT), and a lock held past the busy timeout is a retryable 503.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as E from '@alicloud/ecs20140526';
import { startEmulator, DatabaseInUseError, DEFAULT_ACCOUNT_ID } from '../index.js';
import { rawV1, sdkClient, v1CommonParams } from '../test-support/clients.js';

const cliEntry = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli', 'index.js');
const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

function tempDb(): { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'emu-lock-'));
  return { file: join(dir, 'emulator.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Start `alicloud-image emulator` on `file`; resolves with its URL once it prints its line. */
function cliEmulator(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cliEntry, 'emulator', '--port', '0', '--db', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) resolve({ child, url: m[1]! });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
}

/** Run the CLI to completion (killed after `limitMs`). */
function runCli(args: string[], limitMs = 15_000): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [cliEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    }),
  );
}

/** A second process that writes to the database (its own table); resolves once it printed a line. */
function writerProcess(file: string, script: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const Database = require(${JSON.stringify(sqlitePath)});
       const db = new Database(${JSON.stringify(file)});
       db.pragma('busy_timeout = 20000');
       db.exec('CREATE TABLE IF NOT EXISTS other_writer (x REAL)');
       const ins = db.prepare('INSERT INTO other_writer VALUES (?)');
       const pause = (ms) => { const t = Date.now(); while (Date.now() - t < ms); };
       ${script}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
  });
}

test('a second emulator on the same file is refused naming the holder, and starts once the first stopped', async () => {
  const db = tempDb();
  const first = await startEmulator({ port: 0, db: db.file });
  try {
    await assert.rejects(startEmulator({ port: 0, db: db.file }), (err: unknown) => {
      assert.ok(err instanceof DatabaseInUseError, String(err));
      assert.match(err.message, new RegExp(`in use by another emulator: pid ${process.pid} serving ${first.url.replace(/\./g, '\\.')}`));
      assert.ok(!err.message.includes('\n'), 'one line');
      return true;
    });
    await first.stop();
    const second = await startEmulator({ port: 0, db: db.file });
    await second.stop();
  } finally {
    await first.stop();
    db.cleanup();
  }
});

test('as processes: the second emulator exits 1 with one line naming pid and address; after a kill -9 of the first, a new one starts', async () => {
  const db = tempDb();
  const first = await cliEmulator(db.file);
  let third: ChildProcess | undefined;
  try {
    const second = await runCli(['emulator', '--port', '0', '--db', db.file]);
    assert.equal(second.code, 1, second.stderr);
    assert.equal(second.stdout, '');
    assert.equal(second.stderr.trim().split('\n').length, 1, second.stderr);
    assert.match(second.stderr, new RegExp(`pid ${first.child.pid} serving ${first.url.replace(/\./g, '\\.')}`));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const next = await cliEmulator(db.file);
    third = next.child;
    const health = await fetch(`${next.url}/_emulator/health`);
    assert.equal(health.status, 200, 'the stale lock of the killed emulator was taken over');
  } finally {
    first.child.kill('SIGKILL');
    third?.kill('SIGKILL');
    db.cleanup();
  }
});

test('another connection writing the same file meanwhile never turns a CreateImage into a 5xx', { timeout: 120_000 }, async () => {
  const db = tempDb();
  const emu = await startEmulator({ port: 0, db: db.file, settings: { imageCreateSeconds: 0 } });
  const writer = await writerProcess(
    db.file,
    `process.stdout.write('ready\\n');
     // Bounded, so an interrupted test run leaves no writer behind.
     for (const end = Date.now() + 90000; Date.now() < end; ) { db.transaction(() => { ins.run(Math.random()); pause(1); })(); pause(1); }`,
  );
  const statuses = new Map<number, number>();
  try {
    const client = sdkClient(emu.endpoint, 'v3');
    let next = 0;
    const worker = async () => {
      while (next < 240) {
        const i = next++;
        try {
          const r = await client.createImage(
            new E.CreateImageRequest({
              regionId: 'cn-hangzhou',
              snapshotId: `s-running-system-${DEFAULT_ACCOUNT_ID}`,
              imageName: `busy-${i}`,
            }),
          );
          statuses.set(r.statusCode ?? 0, (statuses.get(r.statusCode ?? 0) ?? 0) + 1);
        } catch (err) {
          const status = (err as { statusCode?: number }).statusCode ?? -1;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.deepEqual(Object.fromEntries(statuses), { 200: 240 }, 'every CreateImage succeeded');
  } finally {
    writer.kill('SIGKILL');
    await emu.stop();
    db.cleanup();
  }
});

test('a write lock held by another connection past the busy timeout answers a retryable 503, not a 500', { timeout: 60_000 }, async () => {
  const db = tempDb();
  const emu = await startEmulator({ port: 0, db: db.file });
  const writer = await writerProcess(
    db.file,
    `db.exec('BEGIN IMMEDIATE'); process.stdout.write('ready\\n'); pause(8000); db.exec('COMMIT');`,
  );
  try {
    // A raw request: the SDK's default read timeout (3 s) is shorter than the busy timeout.
    const r = await rawV1(emu.url, 'GET', v1CommonParams('DescribeRegions'));
    assert.equal(r.status, 503, JSON.stringify(r.body));
    assert.equal(r.body.Code, 'ServiceUnavailable');
    assert.match(String(r.body.Message), /database is busy.*retry/);
  } finally {
    writer.kill('SIGKILL');
    await emu.stop();
    db.cleanup();
  }
});
