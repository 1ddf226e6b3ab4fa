/**
 * The plugin's unix socket file never outlives it for long (issue 12 item 14): it is removed on
 * Shutdown, SIGTERM and SIGHUP, and one left by a plugin killed with SIGKILL is removed by the
 * next plugin start, which touches nothing that is not provably a stale socket of ours.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startPlugin, type PluginProcess } from '../testing/plugin-driver.js';
import { makeEchoProviderBin } from './fixtures/echo-bin.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './handshake.js';

const echoBin = makeEchoProviderBin();
after(() => echoBin.cleanup());

async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

function exited(p: PluginProcess): Promise<unknown> {
  return p.child.exitCode !== null || p.child.signalCode !== null ? Promise.resolve() : new Promise((r) => p.child.once('exit', r));
}

/** A unix socket left behind by a process killed with SIGKILL (nobody removes it). */
async function deadSocket(path: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

test('a plugin killed with SIGKILL leaves its socket, and the next plugin start removes it and nothing else', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfsock-'));
  const env = { PLUGIN_UNIX_SOCKET_DIR: dir };
  const live = createServer();
  let second: PluginProcess | undefined;
  try {
    const first = await startPlugin({ command: echoBin.bin, env });
    const stale = first.handshake.address;
    assert.match(stale, new RegExp(`^${dir}/tf-alicloud-${first.child.pid}-[0-9a-f]+\\.sock$`));
    first.child.kill('SIGKILL');
    await exited(first);
    assert.ok(existsSync(stale), 'SIGKILL runs no handler: the socket stays');

    // What must survive: another program's socket (go-plugin names), a socket of a live process,
    // a regular file with our name, and (as root) a stale-looking socket owned by another user.
    const foreign = join(dir, 'plugin0123456789.sock');
    await deadSocket(foreign);
    const alive = join(dir, `tf-alicloud-${process.pid}-aa.sock`);
    await new Promise<void>((resolve) => live.listen(alive, resolve));
    const notSocket = join(dir, 'tf-alicloud-999999-bb.sock');
    writeFileSync(notSocket, '');
    const otherUser = join(dir, 'tf-alicloud-999998-cc.sock');
    if (process.getuid?.() === 0) {
      await deadSocket(join(dir, 'tmp.sock'));
      renameSync(join(dir, 'tmp.sock'), otherUser);
      chownSync(otherUser, 65534, 65534);
    }

    second = await startPlugin({ command: echoBin.bin, env });
    assert.ok(await until(() => !existsSync(stale)), 'the stale socket of the killed plugin was removed');
    for (const kept of [foreign, alive, notSocket, ...(process.getuid?.() === 0 ? [otherUser] : [])]) {
      assert.ok(existsSync(kept), `${kept} is not provably a stale socket of ours and must stay`);
    }
    assert.ok(existsSync(second.handshake.address));
    await second.shutdown();
    assert.equal(existsSync(second.handshake.address), false, 'Shutdown removes the socket');
  } finally {
    second?.kill();
    live.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} makes the plugin exit and remove its socket`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfsock-'));
    try {
      const p = await startPlugin({ command: echoBin.bin, env: { PLUGIN_UNIX_SOCKET_DIR: dir } });
      assert.ok(existsSync(p.handshake.address));
      p.child.kill(signal);
      await exited(p);
      assert.equal(existsSync(p.handshake.address), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('when the process that launched it and holds its pipes (Terraform) is killed with SIGKILL, the plugin removes its socket', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfsock-'));
  // A stand-in for Terraform: owns the plugin's stdout/stderr pipes, forwards the handshake, then dies with them.
  const terraform = spawn(
    process.execPath,
    [
      '-e',
      `const c = require('child_process').spawn(${JSON.stringify(echoBin.bin)}, [], { stdio: ['ignore', 'pipe', 'pipe'] });
       c.stdout.once('data', (d) => process.stdout.write(d));
       c.stderr.on('data', () => {});`,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: '6',
        PLUGIN_UNIX_SOCKET_DIR: dir,
        TF_LOG: 'trace',
      },
    },
  );
  try {
    const line = await new Promise<string>((resolve) => createInterface({ input: terraform.stdout! }).once('line', resolve));
    const socket = line.split('|')[3]!;
    assert.ok(existsSync(socket), line);
    terraform.kill('SIGKILL');
    assert.ok(await until(() => !existsSync(socket), 10_000), 'the orphaned plugin removed its socket');
  } finally {
    terraform.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
