/**
 * Bad `--db` paths (issue 12 item 6): each ends, on its own and promptly, with one clear line
 * naming the path and a non-zero exit, never a hang (a recursive mkdir under /proc spun at
 * 100 % CPU) or a stack trace; files that are not databases are left untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const cliEntry = join(dirname(fileURLToPath(import.meta.url)), 'index.js');
const LIMIT_MS = 10_000;

function emulatorWith(db: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [cliEntry, 'emulator', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
  return new Promise((resolve) =>
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

test('every bad database path ends in one clear line and exit 1, without hanging', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-badpath-'));
  try {
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, 'not a folder');
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'these are my notes, not a database\n'.repeat(50));
    const corrupt = join(dir, 'corrupt.db');
    const good = new Database(corrupt);
    good.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (randomblob(5000));');
    good.close();
    const bytes = readFileSync(corrupt);
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(corrupt, bytes);
    const cases: [string, string, RegExp][] = [
      ['a folder under /proc', '/proc/nope/x.db', /cannot create the folder "\/proc\/nope"/],
      ['an existing folder', dir, /it is a folder/],
      ['a read-only location', '/sys/alicloud-image-test.db', /cannot open the file|read-only|permission denied/i],
      ['a path through a file', join(aFile, 'x.db'), /is a file, not a folder/],
      ['a file that is not SQLite', text, /not an SQLite database/],
      ['a corrupt SQLite file', corrupt, /corrupt|not an SQLite database/],
    ];
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked, 0o555);
      chmodSync(locked, 0o555);
      cases.push(['a read-only folder', join(locked, 'x.db'), /read-only|cannot open the file|permission denied/i]);
    }
    const before = [readFileSync(text), readFileSync(corrupt)];
    for (const [what, path, reason] of cases) {
      const r = await emulatorWith(path);
      t.diagnostic(`${what}: exit ${r.code} after ${r.ms} ms: ${r.stderr.trim()}`);
      assert.equal(r.signal, null, `${what}: still running after ${LIMIT_MS} ms (killed)`);
      assert.equal(r.code, 1, `${what}: ${r.stderr}`);
      assert.equal(r.stdout, '', what);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `${what}: one line, got:\n${r.stderr}`);
      assert.ok(lines[0]!.startsWith(`alicloud-image emulator: cannot open the emulator database "${path}": `), `${what}: ${lines[0]}`);
      assert.match(lines[0]!, reason, what);
    }
    assert.deepEqual([readFileSync(text), readFileSync(corrupt)], before, 'files that are not databases are left as they were');
    // An empty --db is a usage error (exit 2, the CLI convention), in one line plus the usage hint.
    const empty = await emulatorWith('');
    assert.equal(empty.code, 2, empty.stderr);
    assert.match(empty.stderr, /^alicloud-image: flag --db must not be empty \(use :memory: to keep nothing\)\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
