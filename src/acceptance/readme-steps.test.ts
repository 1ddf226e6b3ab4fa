/**
 * The README's documented steps work exactly as written. Its "Two commands" are the two lines it
 * has always had; the CDKTF section's shell block is run line by line with bash in a copy of this
 * checkout (bin/, dist/, package.json, node_modules, examples/seed-typescript), with the variables
 * a user may set (ALICLOUD_IMAGE_PORT on a free port, ALICLOUD_IMAGE_HOME in a temporary folder).
 * One line is stood in for: the root `npm ci`, which made the checkout this test runs in. The
 * example's own `npm ci` runs for real (the registry is the only network).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../cli/settings.js';
import { skipUnlessTerraform } from '../testing/terraform.js';

const root = packageRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The first ```sh block after the heading. */
function shellBlock(heading: string): string {
  const at = readme.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README has "${heading}"`);
  const m = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(m, `a sh block under "${heading}"`);
  return m[1]!;
}

test('the README keeps exactly the two commands', () => {
  assert.equal(
    shellBlock('## Two commands')
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean)
      .join('\n'),
    'npm ci && npm start\nnpm ci && npm test',
  );
});

test(
  "the README's CDKTF steps run as written: emulator, synth, init, apply, plan without changes, destroy",
  { timeout: 600_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps = shellBlock('## The example in TypeScript (CDKTF)');
    const work = mkdtempSync(join(tmpdir(), 'readme-steps-'));
    t.after(() => rmSync(work, { recursive: true, force: true }));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(work, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    mkdirSync(join(work, 'examples'));
    cpSync(join(root, 'examples', 'seed-typescript'), join(work, 'examples', 'seed-typescript'), {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|cdktf\.out|build)$/.test(src),
    });
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));

    // `set -e` stops at the first failing line; the root `npm ci` (before any `cd`) made the checkout this test runs in.
    const lines = steps.split('\n');
    const firstCd = lines.findIndex((l) => /^cd\b/.test(l));
    const rootCi = lines.findIndex((l, i) => i < firstCd && /^npm ci(\s|$)/.test(l));
    assert.ok(rootCi >= 0 && firstCd > rootCi, 'the steps start with npm ci at the repository root');
    lines[rootCi] = 'echo "(root npm ci: done; this test runs in the installed checkout)"';
    const script = `set -e\n${lines.join('\n')}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ALICLOUD_IMAGE_PORT: String(port),
      ALICLOUD_IMAGE_HOME: join(work, 'home'),
      ALICLOUD_IMAGE_CREATE_SECONDS: '1',
      CHECKPOINT_DISABLE: '1',
      npm_config_update_notifier: 'false',
    };
    delete env.ALICLOUD_EMULATOR_ENDPOINT;
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn('bash', ['-c', script], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 540_000);
      child.once('error', reject);
      child.once('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, out });
      });
    });
    assert.equal(code, 0, out.slice(-6000));
    assert.match(
      out,
      new RegExp(`alicloud-image emulator listening on http://127\\.0\\.0\\.1:${port} .* db=${join(work, 'home', 'emulator.db')}`),
    );
    assert.match(out, /Installed aliyun\/alicloud v0\.1\.0 \(unauthenticated\)/);
    assert.match(out, /Apply complete! Resources: 5 added, 0 changed, 0 destroyed/);
    assert.match(out, /No changes\. Your infrastructure matches the configuration\./);
    assert.match(out, /Destroy complete! Resources: 5 destroyed/);
    assert.doesNotMatch(out, /Provider development overrides are in effect/);
    assert.ok(
      existsSync(join(work, 'examples', 'seed-typescript', 'cdktf.out', 'stacks', 'seed', '.terraform.lock.hcl')),
      'terraform init wrote the lock file',
    );
    const stopped = await fetch(`http://127.0.0.1:${port}/_emulator/health`).then(
      () => false,
      () => true,
    );
    assert.ok(stopped, 'the last line stopped the emulator');
  },
);
