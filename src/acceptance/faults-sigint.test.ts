/**
 * Fault tolerance: SIGINT to terraform during an apply of 10 images. Terraform asks the
 * provider to stop; the apply ends promptly and non-zero, the provider process exits cleanly,
 * the state records every image that exists (none orphaned), and a re-run converges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startEmulator } from '../emulator/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { customImages, imagesHcl, providerBinDir, providerHcl, stateImages } from './faults-support.js';

test(
  'SIGINT during an apply stops the provider cleanly, the state records what exists, and a re-run converges',
  { timeout: 150_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds: 20 } });
    const bin = providerBinDir();
    const ws = createTerraformWorkspace({
      providerBinDir: bin.dir,
      files: { 'main.tf': providerHcl(emu.endpoint) + imagesHcl(10, 'interrupted') },
    });
    t.after(async () => {
      ws.cleanup();
      bin.cleanup();
      await emu.stop();
    });

    const child = spawn('terraform', ['apply', '-auto-approve', '-no-color'], {
      cwd: ws.dir,
      env: ws.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const deadline = Date.now() + 30_000;
    while ((await customImages(emu.url)).length < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal((await customImages(emu.url)).length, 10, 'all 10 CreateImage calls landed before the interrupt');
    const interruptedAt = Date.now();
    child.kill('SIGINT');
    const code = await exited;
    const stopMs = Date.now() - interruptedAt;
    assert.notEqual(code, 0, 'the interrupted apply exits non-zero');
    assert.ok(stopMs < 15_000, `terraform and the provider stop promptly (took ${stopMs} ms, images need 20 s):\n${out.slice(-2000)}`);
    assert.doesNotMatch(out, /plugin did not respond|panic|unexpected EOF|plugin exited/i, 'the provider stopped cleanly');

    const inState = stateImages(await ws.state());
    const inCloud = await customImages(emu.url);
    const stateIds = new Set(inState.map((i) => i.id));
    assert.deepEqual(
      inCloud.filter((i) => !stateIds.has(i.id)).map((i) => i.name),
      [],
      'every image that exists is recorded in the state (no orphan)',
    );

    const r2 = await ws.run(['apply', '-auto-approve', '-no-color'], { timeoutMs: 100_000 });
    assert.equal(r2.code, 0, `the re-run converges:\n${r2.stderr.slice(-3000)}`);
    const finalState = stateImages(await ws.state());
    const finalCloud = await customImages(emu.url);
    assert.equal(finalState.length, 10, 'the state holds 10 images');
    assert.deepEqual(
      finalCloud.map((i) => i.id).sort(),
      finalState.map((i) => i.id).sort(),
      'the emulator holds exactly the images of the state',
    );
  },
);
