/**
 * Secrets of `alicloud-image emulator` (issue 12 items 2 and 4): the AccessKey secret is masked
 * in everything it prints, and can come from an environment variable or a file instead of a
 * flag (visible in `ps`); so can the admin token, which then guards the admin routes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as $Ecs from '@alicloud/ecs20140526';
import { emulatorOptionsFromArgs, maskSecret } from './commands/emulator.js';
import { UsageError } from './flags.js';
import { sdkClient } from '../emulator/test-support/clients.js';

const cliEntry = join(dirname(fileURLToPath(import.meta.url)), 'index.js');

/** Run the emulator command until its first line, call `use`, stop it with SIGTERM; returns everything it printed. */
async function runEmulator(args: string[], env: NodeJS.ProcessEnv, use: (url: string) => Promise<void>): Promise<string> {
  const child = spawn(process.execPath, [cliEntry, 'emulator', '--port', '0', '--db', ':memory:', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
    });
    output = line + '\n' + output;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    await use(/listening on (\S+)/.exec(line)![1]!);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    return output;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

test('a secret is shown as its first and last four characters only', () => {
  assert.equal(maskSecret('EmulatorDefaultSecret'), 'Emul****cret');
  assert.equal(maskSecret('short-secret'), 'shor****cret');
  assert.equal(maskSecret('tiny'), '****');
});

test('the secret and the admin token come from a flag, a file or the environment, flags first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-secrets-'));
  try {
    const secretFile = join(dir, 'secret');
    writeFileSync(secretFile, 'FromTheFile1234\nignored second line\n');
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'token-from-file\n');
    const env = {
      ALICLOUD_IMAGE_ACCESS_KEY_ID: 'EnvKeyId',
      ALICLOUD_IMAGE_ACCESS_KEY_SECRET: 'FromTheEnv',
      ALICLOUD_IMAGE_ADMIN_TOKEN: 'env-token',
    };
    const fromEnv = emulatorOptionsFromArgs([], env);
    assert.ok(fromEnv !== 'help');
    assert.deepEqual(fromEnv.accounts, [{ accessKeyId: 'EnvKeyId', accessKeySecret: 'FromTheEnv' }]);
    assert.equal(fromEnv.adminToken, 'env-token');
    const fromFiles = emulatorOptionsFromArgs(['--access-key-secret-file', secretFile, '--admin-token-file', tokenFile], env);
    assert.ok(fromFiles !== 'help');
    assert.deepEqual(fromFiles.accounts, [{ accessKeyId: 'EnvKeyId', accessKeySecret: 'FromTheFile1234' }]);
    assert.equal(fromFiles.adminToken, 'token-from-file');
    const fromFlags = emulatorOptionsFromArgs(['--access-key-id', 'F', '--access-key-secret', 'FlagSecret', '--admin-token', 'flag'], env);
    assert.ok(fromFlags !== 'help');
    assert.deepEqual(fromFlags.accounts, [{ accessKeyId: 'F', accessKeySecret: 'FlagSecret' }]);
    assert.equal(fromFlags.adminToken, 'flag');
    const none = emulatorOptionsFromArgs([], {});
    assert.ok(none !== 'help');
    assert.equal(none.adminToken, undefined);
    const bad: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--access-key-secret', 'x', '--access-key-secret-file', secretFile], {}, /exclude each other/],
      [['--access-key-secret-file', join(dir, 'missing')], { ALICLOUD_IMAGE_ACCESS_KEY_ID: 'i' }, /cannot read .*missing.*ENOENT/],
      [
        [],
        { ALICLOUD_IMAGE_ACCESS_KEY_SECRET: 's' },
        /given together \(or ALICLOUD_IMAGE_ACCESS_KEY_ID and ALICLOUD_IMAGE_ACCESS_KEY_SECRET\)/,
      ],
      [['--admin-token', ''], {}, /--admin-token must not be empty/],
    ];
    for (const [argv, e, message] of bad)
      assert.throws(
        () => emulatorOptionsFromArgs(argv, e),
        (err: unknown) => err instanceof UsageError && message.test(err.message),
        argv.join(' '),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the start line masks the default secret and never prints it', async () => {
  const output = await runEmulator([], {}, async () => {});
  assert.match(output, /secret_key=Emul\*\*\*\*cret /);
  assert.ok(!output.includes('EmulatorDefaultSecret'), output);
});

test('a secret from the environment is used for signatures and never printed; an admin token from a file guards the admin routes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-secrets-'));
  try {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'file-admin-token\n');
    const secret = 'VerySecretFromEnv42';
    const output = await runEmulator(
      ['--admin-token-file', tokenFile],
      { ALICLOUD_IMAGE_ACCESS_KEY_ID: 'LTAIFromEnv', ALICLOUD_IMAGE_ACCESS_KEY_SECRET: secret },
      async (url) => {
        const endpoint = url.replace('http://', '');
        const ok = await sdkClient(endpoint, 'v3', 'LTAIFromEnv', secret).describeRegions(new $Ecs.DescribeRegionsRequest({}));
        assert.equal(ok.statusCode, 200);
        assert.equal((await fetch(`${url}/_emulator/health`)).status, 401);
        const health = await fetch(`${url}/_emulator/health`, { headers: { authorization: 'Bearer file-admin-token' } });
        assert.equal(health.status, 200);
      },
    );
    assert.match(output, /access_key=LTAIFromEnv secret_key=Very\*\*\*\*nv42 admin_token=\*\*\*\* /);
    assert.ok(!output.includes(secret) && !output.includes('file-admin-token'), output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
