/**
 * The main job (`npm start`) end to end, as a user runs it: the compiled entry in a temporary
 * ALICLOUD_IMAGE_HOME, the provider installed into the home's mirror and `terraform init` run
 * offline (a lock file, no development-override warning), the seed example applied, re-applied,
 * planned and destroyed; then each thing it diagnoses instead of relaying: a port taken by another
 * program, an emulator serving another database, a missing or reset database, another `npm start`
 * on the same folder, and Ctrl-C while an image is created. Needs the real terraform (skipped
 * loudly without).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_HEADER, startEmulator } from '../emulator/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';

const mainJob = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main-job.js');
const OVERRIDE_WARNING = /Provider development overrides are in effect/;
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex

interface Run {
  code: number | null;
  out: string;
  stdout: string;
  stderr: string;
}

/** Run `npm start`'s entry with these arguments and variables (stdout is a pipe: not a terminal). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainJob, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => ((out += d), (stdout += d)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => ((out += d), (stderr += d)));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, stdout, stderr }));
  });
}

function tempHome(t: { after(fn: () => void): void }): string {
  const home = mkdtempSync(join(tmpdir(), 'main-job-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

test(
  'npm start installs the provider with terraform init, applies the seed example, a second run changes nothing, and destroy cleans up',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const home = tempHome(t);
    const env = { ALICLOUD_IMAGE_HOME: home, ALICLOUD_IMAGE_PORT: '0', ALICLOUD_IMAGE_CREATE_SECONDS: '1' };
    const first = await run([], env);
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /installing the provider 0\.1\.0 from .*plugins \(terraform init, offline\)/);
    assert.match(first.out, /Installed aliyun\/alicloud v0\.1\.0 \(unauthenticated\)/);
    assert.match(first.out, /Apply complete! Resources: 5 added, 0 changed, 0 destroyed/);
    assert.match(first.out, /summary: 5 resources \(read through 4 data sources\)/);
    assert.match(first.out, /image m-[a-z0-9]+ "terraform-example": status Available, usable true, platform CentOS, architecture x86_64/);
    const consoleUrl = /console: +(http:\/\/127\.0\.0\.1:\d+\/console\/)/.exec(first.out);
    assert.ok(consoleUrl, `the summary links the console:\n${first.out}`);
    assert.doesNotMatch(first.out, OVERRIDE_WARNING);
    assert.doesNotMatch(first.out, ANSI, 'stdout is not a terminal: no colours (-no-color passed to terraform)');
    const lock = readFileSync(join(home, 'seed', '.terraform.lock.hcl'), 'utf8');
    assert.match(lock, /provider "registry\.terraform\.io\/aliyun\/alicloud" \{\s+version\s+= "0\.1\.0"/);

    const second = await run([], env);
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /Apply complete! Resources: 0 added, 0 changed, 0 destroyed/);
    assert.doesNotMatch(second.out, /terraform init|Initializing/, 'the lock file and .terraform are current: no second init');
    assert.doesNotMatch(second.out, OVERRIDE_WARNING);

    const plan = await run(['plan'], env);
    assert.equal(plan.code, 0, plan.out);
    assert.match(plan.out, /No changes/);

    // A terminal gets terraform's colours unless NO_COLOR is set (script(1) gives the child a terminal).
    if (spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0) {
      const inTerminal = (extra: string) =>
        spawnSync('script', ['-qec', `${extra} ${JSON.stringify(process.execPath)} ${JSON.stringify(mainJob)} show`, '/dev/null'], {
          encoding: 'utf8',
          env: { ...process.env, ...env },
        });
      const coloured = inTerminal('');
      assert.equal(coloured.status, 0, coloured.stdout);
      assert.match(coloured.stdout, ANSI, 'a terminal gets colours');
      const plain = inTerminal('NO_COLOR=1');
      assert.equal(plain.status, 0, plain.stdout);
      assert.doesNotMatch(plain.stdout, ANSI, 'NO_COLOR turns them off');
      assert.match(plain.stdout, /alicloud_image\.default/);
    }

    const destroy = await run(['destroy'], env);
    assert.equal(destroy.code, 0, destroy.out);
    assert.match(destroy.out, /Destroy complete! Resources: 5 destroyed/);
  },
);

test('npm start -- --help, --version and usage errors follow the CLI conventions', async () => {
  const help = await run(['--help'], {});
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: npm start \[-- <command>\]/);
  assert.match(help.stdout, /ALICLOUD_IMAGE_PORT[\s\S]*TF_LOG_PROVIDER=INFO/);
  assert.equal(help.stderr, '');
  assert.equal((await run(['-h'], {})).code, 0);
  const planHelp = await run(['plan', '--help'], {});
  assert.equal(planHelp.code, 0);
  assert.match(planHelp.stdout, /^Usage: npm start/);
  const version = await run(['--version'], {});
  assert.equal(version.code, 0);
  assert.equal(version.stdout, 'alicloud-image 0.1.0\n');
  for (const [args, message] of [
    [['deploy'], /unknown command "deploy"; use: npm start \[-- apply \| plan \| show \| destroy\]/],
    [['plan', '--prot', '1'], /unknown flag --prot/],
    [['plan', 'now'], /unexpected argument "now"/],
  ] as [string[], RegExp][]) {
    const r = await run(args, {});
    assert.equal(r.code, 2, r.out);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.match(r.stderr, /Run "npm start -- --help" for usage\./);
  }
  const badVariable = await run(['plan'], { ALICLOUD_IMAGE_PORT: 'http' });
  assert.equal(badVariable.code, 2);
  assert.match(badVariable.stderr, /ALICLOUD_IMAGE_PORT must be an integer from 0 to 65535, got "http"/);
});

test('a port taken by another program is named, with what to do; --port wins over ALICLOUD_IMAGE_PORT', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const home = tempHome(t);
  const squatter: Server = createServer((_req, res) => res.writeHead(404, { server: 'squatter/1.0' }).end('not here'));
  await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', r));
  t.after(() => squatter.close());
  const port = (squatter.address() as AddressInfo).port;
  const taken = await run(['plan'], { ALICLOUD_IMAGE_HOME: home, ALICLOUD_IMAGE_PORT: String(port) });
  assert.equal(taken.code, 1, taken.out);
  assert.match(
    taken.stderr,
    new RegExp(
      `Port ${port} \\(from ALICLOUD_IMAGE_PORT\\) on 127\\.0\\.0\\.1 is in use by another program, not the alicloud-image emulator: ` +
        `it answered GET /_emulator/health with HTTP 404 \\(server: squatter/1\\.0\\)`,
    ),
  );
  assert.match(taken.stderr, /What to do: Stop that program, or run on another port: ALICLOUD_IMAGE_PORT=\d+ npm start/);
  assert.doesNotMatch(taken.out, /EADDRINUSE/);

  const flagWins = await run(['plan', '--port', '0'], { ALICLOUD_IMAGE_HOME: home, ALICLOUD_IMAGE_PORT: String(port) });
  assert.equal(flagWins.code, 0, flagWins.out);
  assert.match(flagWins.out, /emulator listening at http:\/\/127\.0\.0\.1:(\d+)/);
  assert.doesNotMatch(flagWins.out, new RegExp(`127\\.0\\.0\\.1:${port}\\b`));
});

test('a home folder that cannot be made is named, with what to do, promptly (no recursive mkdir under /proc)', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const home = tempHome(t);
  const aFile = join(home, 'a-file');
  writeFileSync(aFile, 'not a folder');
  for (const [what, bad, reason] of [
    ['under /proc', '/proc/alicloud-image-nope', /cannot create the folder "\/proc\/alicloud-image-nope"/],
    ['through a file', join(aFile, 'home'), /is a file, not a folder/],
  ] as [string, string, RegExp][]) {
    const r = await run(['plan', '--home', bad], { ALICLOUD_IMAGE_PORT: '0' });
    assert.equal(r.code, 1, `${what}: ${r.out}`);
    assert.match(r.stderr, new RegExp(`Cannot use ${bad.replace(/[/.]/g, '\\$&')} as the home folder`), what);
    assert.match(r.stderr, reason, what);
    assert.match(r.stderr, /What to do: Give --home \(or ALICLOUD_IMAGE_HOME\) a folder you can write/, what);
    assert.doesNotMatch(r.out, /ENOTDIR: not a directory|at .*\.js:\d+/, `${what}: no raw Node error or stack trace`);
  }
  assert.equal(readFileSync(aFile, 'utf8'), 'not a folder', 'the file in the way is left alone');
});

test('another npm start on the same folder is named, with what to do', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const home = tempHome(t);
  const seed = join(home, 'seed');
  mkdirSync(seed, { recursive: true });
  // This test process plays the other `npm start`: alive, holding the folder's lock.
  writeFileSync(
    join(seed, '.npm-start.lock'),
    JSON.stringify({ pid: process.pid, command: 'apply', startedAt: '2026-01-01T00:00:00.000Z' }),
  );
  const r = await run(['plan'], { ALICLOUD_IMAGE_HOME: home, ALICLOUD_IMAGE_PORT: '0' });
  assert.equal(r.code, 1, r.out);
  assert.match(
    r.stderr,
    new RegExp(`Another \`npm start\` \\(pid ${process.pid}, running apply since 2026-01-01T00:00:00\\.000Z\\) is using ${seed}`),
  );
  assert.match(r.stderr, new RegExp(`What to do: Wait for it to finish, or stop it \\(Ctrl-C in its terminal, or kill ${process.pid}\\)`));
  assert.match(r.stderr, /ALICLOUD_IMAGE_HOME=\/tmp\/second ALICLOUD_IMAGE_PORT=0 npm start/);
  assert.ok(existsSync(join(seed, '.npm-start.lock')), "the other run's lock is left alone");

  // A lock left by a process that is gone is taken over.
  writeFileSync(join(seed, '.npm-start.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'apply', startedAt: 'then' }));
  const stale = await run(['show'], { ALICLOUD_IMAGE_HOME: home });
  assert.equal(stale.code, 0, stale.out);
  assert.ok(!existsSync(join(seed, '.npm-start.lock')), 'released at the end');
});

test(
  'Ctrl-C while the image is created gives one account of the tainted image; the next run replaces it; a different, missing or reset database is diagnosed',
  { timeout: 400_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const home = tempHome(t);
    const port = await freePort();
    const env = { ...process.env, ALICLOUD_IMAGE_HOME: home, ALICLOUD_IMAGE_PORT: String(port), ALICLOUD_IMAGE_CREATE_SECONDS: '60' };

    // Ctrl-C in a terminal reaches the whole foreground process group: npm start, terraform and the providers.
    const child = spawn(process.execPath, [mainJob], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
    const deadline = Date.now() + 180_000;
    while (!/image m-[a-z0-9]+ \(terraform-example\): Creating/.test(out) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    assert.match(out, /alicloud_image\.default: Creating\.\.\./, out);
    process.kill(-child.pid!, 'SIGINT');
    const code = await exited;
    assert.notEqual(code, 0, out);
    const id = /image (m-[a-z0-9]+) \(terraform-example\)/.exec(out)![1]!;
    assert.match(
      out,
      new RegExp(
        `interrupted while creating alicloud_image\\.default: the image ${id} exists in the emulator and Terraform saved it in the state as tainted, ` +
          'so the next `npm start` deletes it and creates it again',
      ),
    );
    assert.doesNotMatch(out, /carries on from there|converges/, 'no second, contradicting account');
    assert.match(
      out.replace(/\s+/g, ' '),
      new RegExp(`The image ${id} exists and is saved in state as tainted, with the status last seen; the next apply replaces it`),
    );

    const again = await run([], { ...env, ALICLOUD_IMAGE_CREATE_SECONDS: '1' });
    assert.equal(again.code, 0, again.out);
    assert.match(again.out, /alicloud_image\.default is tainted, so must be replaced/);
    assert.match(again.out, /Apply complete! Resources: 1 added, 0 changed, 1 destroyed/);

    // Another emulator on the port, with another database: refused before terraform plans anything "deleted".
    const other = await startEmulator({ port, db: ':memory:' });
    try {
      const r = await run(['plan'], env);
      assert.equal(r.code, 1, r.out);
      assert.match(
        r.stderr,
        new RegExp(
          `The emulator already running at http://127\\.0\\.0\\.1:${port} serves the database :memory: \\(id db-[0-9a-f-]+\\), ` +
            `but the Terraform state in ${join(home, 'seed')} lists 5 resources made against ${join(home, 'emulator.db')}`,
        ),
      );
      assert.match(r.stderr, /What to do: Stop that emulator \(Ctrl-C where it runs\) and run npm start again/);
      assert.doesNotMatch(r.out, /will be destroyed|Plan:/);
    } finally {
      await other.stop();
    }

    // The database reset through the admin route: same file, new data.
    const own = await startEmulator({ port, db: join(home, 'emulator.db') });
    try {
      assert.equal((await fetch(`${own.url}/_emulator/reset`, { method: 'POST', headers: { [ADMIN_HEADER]: '1' } })).status, 200);
      const r = await run(['plan'], env);
      assert.equal(r.code, 1, r.out);
      assert.match(r.stderr, new RegExp(`The emulator's database ${join(home, 'emulator.db')} is not the one this state was made against`));
      assert.match(r.stderr, /The database was deleted, replaced or reset, so those resources no longer exist/);
      assert.match(r.stderr, new RegExp(`remove the state: rm ${join(home, 'seed', 'terraform.tfstate')} `));
    } finally {
      await own.stop();
    }

    // The database file gone: refused before an empty one is created in its place.
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(join(home, `emulator.db${suffix}`))) renameSync(join(home, `emulator.db${suffix}`), join(home, `moved.db${suffix}`));
    const missing = await run(['plan'], env);
    assert.equal(missing.code, 1, missing.out);
    assert.match(
      missing.stderr,
      new RegExp(`The emulator's database ${join(home, 'emulator.db')} does not exist, but the Terraform state`),
    );
    assert.match(missing.stderr, /What to do: Put the database file back/);
    assert.ok(!existsSync(join(home, 'emulator.db')), 'no empty database was created');
  },
);
