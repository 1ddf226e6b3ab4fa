import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { emulatorOptionsFromArgs, DEFAULT_EMULATOR_PORT } from './commands/emulator.js';
import { defaultHome } from './settings.js';
import { UsageError } from './flags.js';

const here = dirname(fileURLToPath(import.meta.url));
const cliEntry = join(here, 'index.js');
const buildRoot = dirname(here);

function repoRoot(): string {
  let dir = buildRoot;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

test('emulator flags have documented defaults: loopback, port 9786, the home folder database, 5 second images', () => {
  const o = emulatorOptionsFromArgs([], {});
  assert.ok(o !== 'help');
  assert.equal(o.host, '127.0.0.1');
  assert.equal(o.port, DEFAULT_EMULATOR_PORT);
  assert.equal(o.db, join(defaultHome({}), 'emulator.db'));
  assert.equal(o.db, join(repoRoot(), '.alicloud-image', 'emulator.db'), 'in a source checkout, the same database as npm start');
  assert.deepEqual(o.accounts, [{ accessKeyId: 'LTAI5tEmulatorDefaultKey', accessKeySecret: 'EmulatorDefaultSecret' }]);
  assert.deepEqual(o.settings, { imageCreateSeconds: 5, instanceStartSeconds: 2 });
});

test('the emulator command honours ALICLOUD_IMAGE_PORT, ALICLOUD_IMAGE_HOME and ALICLOUD_IMAGE_CREATE_SECONDS; flags win', () => {
  const env = { ALICLOUD_IMAGE_PORT: '9999', ALICLOUD_IMAGE_HOME: '/tmp/ai-home', ALICLOUD_IMAGE_CREATE_SECONDS: '1.5' };
  const o = emulatorOptionsFromArgs([], env);
  assert.ok(o !== 'help');
  assert.deepEqual([o.port, o.db, o.settings?.imageCreateSeconds], [9999, '/tmp/ai-home/emulator.db', 1.5]);
  const f = emulatorOptionsFromArgs(['--port', '0', '--home', '/tmp/flag-home', '--image-create-seconds', '3'], env);
  assert.ok(f !== 'help');
  assert.deepEqual([f.port, f.db, f.settings?.imageCreateSeconds], [0, '/tmp/flag-home/emulator.db', 3]);
  const d = emulatorOptionsFromArgs(['--db', ':memory:'], env);
  assert.ok(d !== 'help');
  assert.equal(d.db, ':memory:');
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
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
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

/** Run the CLI (or another entry) to completion. */
function run(entry: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env });
}

test('every command and subcommand answers -h and --help on stdout with exit 0', () => {
  const cases: [string[], RegExp][] = [
    [['--help'], /^Usage: alicloud-image <command> \[flags\]/],
    [['-h'], /^Usage: alicloud-image <command> \[flags\]/],
    [['help'], /^Usage: alicloud-image <command> \[flags\]/],
    [['help', 'install'], /^Usage: alicloud-image install/],
    [['emulator', '-h'], /^Usage: alicloud-image emulator/],
    [['emulator', '--help'], /^Usage: alicloud-image emulator/],
    [['install', '--help'], /^Usage: alicloud-image install/],
    [['install', '-h'], /^Usage: alicloud-image install/],
    [['uninstall', '--help'], /^Usage: alicloud-image uninstall/],
    [['version', '--help'], /^Usage: alicloud-image version/],
  ];
  for (const [args, usage] of cases) {
    const r = run(cliEntry, args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, usage, args.join(' '));
    assert.equal(r.stderr, '', args.join(' '));
  }
  assert.match(
    run(cliEntry, ['--help']).stdout,
    /ALICLOUD_IMAGE_PORT[\s\S]*ALICLOUD_IMAGE_HOME[\s\S]*NO_COLOR/,
    'the help names the variables',
  );
});

test('--version and version print the package version', () => {
  const { version } = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
  for (const args of [['--version'], ['version']]) {
    const r = run(cliEntry, args);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `alicloud-image ${version}\n`);
  }
});

test('usage errors go to stderr with exit 2 and a pointer to --help, for the CLI and each command', () => {
  const cases: [string[], RegExp][] = [
    [[], /no command given/],
    [['deploy'], /unknown command "deploy"/],
    [['emulator', '--prot', '1'], /unknown flag --prot[\s\S]*alicloud-image emulator --help/],
    [['install', '--dri', '/x'], /unknown flag --dri[\s\S]*alicloud-image install --help/],
    [['uninstall', 'now'], /unexpected argument "now"/],
    [['version', 'x'], /version takes no arguments/],
    [['emulator', '--host', '0.0.0.0'], /--host must be 127\.0\.0\.1 or a name that resolves only to loopback/],
  ];
  for (const [args, message] of cases) {
    const r = run(cliEntry, args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /Run "alicloud-image .*--help" for usage\./);
  }
});

test('the provider executable answers --help, -h and --version by hand, and refuses other arguments with exit 2', () => {
  const provider = join(repoRoot(), 'bin', 'terraform-provider-alicloud');
  const { version } = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--help', '-h']) {
    const r = run(provider, [flag]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: terraform-provider-alicloud \[--debug\]/);
    assert.match(r.stdout, /TF_LOG_PROVIDER=INFO/, 'the help says where image progress shows');
  }
  const v = run(provider, ['--version']);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `terraform-provider-alicloud ${version}\n`);
  const bad = run(provider, ['serve']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown argument "serve"/);
});

/** Start `alicloud-image emulator` with these arguments; resolves with its first stdout line and a stop function. */
async function startEmulatorProcess(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [cliEntry, 'emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}: ${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { line, stop };
}

test('the emulator process takes its port and database from ALICLOUD_IMAGE_PORT and ALICLOUD_IMAGE_HOME, and binds 127.0.0.1 for --host localhost', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cli-env-home-'));
  try {
    const env = { ...process.env, ALICLOUD_IMAGE_PORT: '0', ALICLOUD_IMAGE_HOME: home };
    const e = await startEmulatorProcess(['--host', 'localhost'], env);
    try {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+) .* db=(\S+) /.exec(e.line);
      assert.ok(m, e.line);
      assert.notEqual(m[1], String(DEFAULT_EMULATOR_PORT), 'ALICLOUD_IMAGE_PORT=0 picked a free port');
      assert.equal(m[2], join(home, 'emulator.db'));
      assert.ok(existsSync(join(home, 'emulator.db')));
      const health = (await (await fetch(`http://127.0.0.1:${m[1]}/_emulator/health`)).json()) as { database: { path: string } };
      assert.equal(health.database.path, join(home, 'emulator.db'));
    } finally {
      await e.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
