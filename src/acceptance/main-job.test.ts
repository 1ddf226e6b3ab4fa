/**
 * The main job (`npm start`) end to end, as a user runs it: apply the seed example against the
 * embedded emulator, a second run changes nothing, then destroy. Runs the compiled entry in a
 * temporary ALICLOUD_IMAGE_HOME on a free port; needs the real terraform (skipped loudly without).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipUnlessTerraform } from '../testing/terraform.js';

const mainJob = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main-job.js');

function run(args: string[], home: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainJob, ...args], {
      env: {
        ...process.env,
        ALICLOUD_IMAGE_HOME: home,
        ALICLOUD_IMAGE_PORT: '0',
        ALICLOUD_IMAGE_CREATE_SECONDS: '1',
        NO_COLOR: '1',
        TF_CLI_ARGS: '-no-color',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
}

test('npm start applies the seed example, a second run changes nothing, and destroy cleans up', { timeout: 300_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const home = mkdtempSync(join(tmpdir(), 'main-job-'));
  try {
    const first = await run([], home);
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /Apply complete! Resources: 5 added, 0 changed, 0 destroyed/);
    assert.match(first.out, /summary: 5 resources \(read through 4 data sources\)/);
    assert.match(first.out, /image m-[a-z0-9]+ "terraform-example": status Available, usable true, platform CentOS, architecture x86_64/);

    const second = await run([], home);
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /Apply complete! Resources: 0 added, 0 changed, 0 destroyed/);

    const plan = await run(['plan'], home);
    assert.equal(plan.code, 0, plan.out);
    assert.match(plan.out, /No changes/);

    const destroy = await run(['destroy'], home);
    assert.equal(destroy.code, 0, destroy.out);
    assert.match(destroy.out, /Destroy complete! Resources: 5 destroyed/);

    const bad = await run(['deploy'], home);
    assert.equal(bad.code, 2);
    assert.match(bad.out, /Unknown command "deploy"\. Use: npm start \[-- apply \| plan \| show \| destroy\]/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
