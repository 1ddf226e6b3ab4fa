import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { defaultDbPath, emulatorOptionsFromArgs, DEFAULT_EMULATOR_PORT } from './commands/emulator.js';
import { UsageError } from './flags.js';

const here = dirname(fileURLToPath(import.meta.url));
const cliEntry = join(here, 'index.js');
const buildRoot = dirname(here);

function repoRoot(): string {
  let dir = buildRoot;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

test('emulator flags have documented defaults: loopback, port 9786, the data folder database, 5 second images', () => {
  const o = emulatorOptionsFromArgs([]);
  assert.ok(o !== 'help');
  assert.equal(o.host, '127.0.0.1');
  assert.equal(o.port, DEFAULT_EMULATOR_PORT);
  assert.equal(o.db, defaultDbPath());
  assert.deepEqual(o.accounts, [{ accessKeyId: 'LTAI5tEmulatorDefaultKey', accessKeySecret: 'EmulatorDefaultSecret' }]);
  assert.deepEqual(o.settings, { imageCreateSeconds: 5, instanceStartSeconds: 2 });
});

test('the default database lives under XDG_DATA_HOME, else ~/.local/share', () => {
  assert.equal(defaultDbPath({ XDG_DATA_HOME: '/data' }), '/data/alicloud-image/emulator.db');
  assert.match(defaultDbPath({}), /\.local\/share\/alicloud-image\/emulator\.db$/);
});

test('emulator flags are parsed in both --name value and --name=value forms', () => {
  const o = emulatorOptionsFromArgs([
    '--port=1234',
    '--db',
    ':memory:',
    '--access-key-id',
    'id',
    '--access-key-secret=s',
    '--image-create-seconds',
    '0.5',
  ]);
  assert.ok(o !== 'help');
  assert.equal(o.port, 1234);
  assert.equal(o.db, ':memory:');
  assert.deepEqual(o.accounts, [{ accessKeyId: 'id', accessKeySecret: 's' }]);
  assert.equal(o.settings?.imageCreateSeconds, 0.5);
});

test('bad emulator flags are UsageErrors naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['--bogus'], /--bogus/],
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--host', '0.0.0.0'], /--host must be 127\.0\.0\.1/],
    [['--access-key-id', 'x'], /--access-key-id and --access-key-secret must be given together/],
    [['--image-create-seconds', '-1'], /--image-create-seconds/],
    [['--port'], /--port needs a value/],
  ];
  for (const [argv, message] of cases)
    assert.throws(
      () => emulatorOptionsFromArgs(argv),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
    );
});

test('a bad flag on the command line prints a clear error and exits 2', () => {
  const r = spawnSync(process.execPath, [cliEntry, 'emulator', '--prot', '1'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown flag --prot/);
  const unknown = spawnSync(process.execPath, [cliEntry, 'nope'], { encoding: 'utf8' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "nope"/);
});

test('emulator --help prints the usage and exits 0', () => {
  const r = spawnSync(process.execPath, [cliEntry, 'emulator', '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage: alicloud-image emulator/);
  assert.match(r.stdout, /--image-create-seconds/);
});

test('the emulator command prints one line with URL, endpoint and credentials, serves, and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [cliEntry, 'emulator', '--port', '0', '--db', ':memory:'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}`)));
    });
    const m = /listening on (http:\/\/127\.0\.0\.1:(\d+)) endpoint=(127\.0\.0\.1:\d+) access_key=(\S+) secret_key=(\S+) db=:memory:/.exec(
      line,
    );
    assert.ok(m, line);
    assert.equal(m[3], `127.0.0.1:${m[2]}`);
    assert.equal(m[4], 'LTAI5tEmulatorDefaultKey');
    const health = await fetch(`${m[1]}/_emulator/health`);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('bin/alicloud-image runs the compiled CLI next to it even when invoked through a symlink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emucore-bin-'));
  try {
    const root = repoRoot();
    mkdirSync(join(dir, 'pkg', 'bin'), { recursive: true });
    copyFileSync(join(root, 'bin', 'alicloud-image'), join(dir, 'pkg', 'bin', 'alicloud-image'));
    copyFileSync(join(root, 'package.json'), join(dir, 'pkg', 'package.json'));
    symlinkSync(buildRoot, join(dir, 'pkg', 'dist'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'pkg', 'node_modules'));
    symlinkSync(join(dir, 'pkg', 'bin', 'alicloud-image'), join(dir, 'alicloud-image'));
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
    const r = spawnSync(join(dir, 'alicloud-image'), ['emulator', '--help'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Usage: alicloud-image emulator/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
