import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PluginClient } from '../testing/plugin-driver.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { makeEchoProviderBin } from './fixtures/echo-bin.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './handshake.js';
import * as grpc from '@grpc/grpc-js';

const mainJs = fileURLToPath(new URL('./fixtures/echo-provider-main.js', import.meta.url));
const echoBin = makeEchoProviderBin();
after(() => echoBin.cleanup());

function readUntil(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got: ${buf}`)), 10_000);
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => {
      buf += d;
      const m = buf.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });
}

test('--debug serves plaintext, prints TF_REATTACH_PROVIDERS for both alicloud addresses and stops on Ctrl-C', async (t) => {
  const child = spawn(process.execPath, [mainJs, '--debug'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [MAGIC_COOKIE_KEY]: '' },
  });
  t.after(() => child.kill('SIGKILL'));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const [, value] = (await readUntil(child.stdout!, /export TF_REATTACH_PROVIDERS='([^']+)'\n/)) as unknown as [string, string];
  const reattach = JSON.parse(value);
  const entry = reattach['registry.terraform.io/aliyun/alicloud'];
  assert.deepEqual(Object.keys(reattach).sort(), ['registry.terraform.io/aliyun/alicloud', 'registry.terraform.io/hashicorp/alicloud']);
  assert.equal(entry.Test, true);
  assert.equal(entry.Pid, child.pid);
  const client = new PluginClient(`unix:${entry.Addr.String}`, grpc.credentials.createInsecure());
  const schema = await client.call('GetProviderSchema');
  assert.ok(schema.resource_schemas.alicloud_thing);
  client.close();

  if (!skipUnlessTerraform(t)) {
    const ws = createTerraformWorkspace({
      providerBinDir: '/nonexistent',
      files: { 'main.tf': 'resource "alicloud_thing" "a" {\n  name = "x"\n}\n' },
    });
    t.after(() => ws.cleanup());
    const r = await ws.run(['validate', '-no-color'], { env: { TF_REATTACH_PROVIDERS: value } });
    assert.equal(r.code, 0, r.stderr + r.stdout);
  }
  child.kill('SIGINT');
  assert.equal(await exited, 0);
  assert.equal(existsSync(entry.Addr.String), false);
});

test('the plugin exits on its own when its parent process dies', async () => {
  // sh without exec stays the parent; killing it orphans node, which must notice.
  const child = spawn('/bin/sh', ['-c', `"${process.execPath}" "${mainJs}"; true`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' },
  });
  const [line] = await readUntil(child.stdout!, /^1\|6\|unix\|[^|]+\|grpc\|\n/);
  const socket = line.split('|')[3]!;
  const stdoutClosed = new Promise<void>((r) => child.stdout!.once('close', () => r()));
  child.kill('SIGKILL');
  const timeout = new Promise<string>((r) => setTimeout(() => r('still running'), 5000).unref());
  assert.equal(await Promise.race([stdoutClosed.then(() => 'exited'), timeout]), 'exited');
  assert.equal(existsSync(socket), false);
});
