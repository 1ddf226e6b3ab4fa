import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_HEADER, startEmulator } from '../index.js';

interface Health {
  status: string;
  database: { id: string; createdAt: string; path: string };
}

const health = async (url: string) => (await (await fetch(`${url}/_emulator/health`)).json()) as Health;

test('the database identity survives a restart on the same file, and a reset or a new file gets a new one', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-identity-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'emulator.db');
  let emu = await startEmulator({ port: 0, db: file });
  t.after(() => emu.stop());
  const first = await health(emu.url);
  assert.equal(first.status, 'ok');
  assert.equal(first.database.path, file);
  assert.match(first.database.id, /^db-[0-9a-f-]{36}$/);
  await emu.stop();

  emu = await startEmulator({ port: 0, db: file });
  assert.deepEqual((await health(emu.url)).database, first.database, 'same file, same data: same identity');
  assert.equal((await fetch(`${emu.url}/_emulator/reset`, { method: 'POST', headers: { [ADMIN_HEADER]: '1' } })).status, 200);
  const reset = (await health(emu.url)).database;
  assert.notEqual(reset.id, first.database.id, 'a reset is new data');
  await emu.stop();

  emu = await startEmulator({ port: 0, db: join(dir, 'other.db') });
  const other = (await health(emu.url)).database;
  await emu.stop();
  assert.notEqual(other.id, first.database.id);
  assert.notEqual(other.id, reset.id);
});
