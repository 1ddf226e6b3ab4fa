/**
 * Fault tolerance: the emulator (a child process on a SQLite file) is killed with SIGKILL
 * while `terraform apply` creates 10 images, then restarted on the same database and port.
 * A second apply converges: exactly 10 images exist, all in the state, none duplicated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import {
  customImages,
  imagesHcl,
  providerBinDir,
  providerHcl,
  startEmulatorChild,
  stateImages,
  type EmulatorChild,
} from './faults-support.js';

test(
  'kill -9 of the emulator during an apply of 10 images, then a restart and a second apply, converges without loss or duplicates',
  { timeout: 150_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const dir = mkdtempSync(join(tmpdir(), 'faults-kill-'));
    const db = join(dir, 'emulator.db');
    let emu: EmulatorChild = await startEmulatorChild({ db, imageCreateSeconds: 4 });
    const port = emu.port;
    const bin = providerBinDir();
    const ws = createTerraformWorkspace({
      providerBinDir: bin.dir,
      files: { 'main.tf': providerHcl(emu.endpoint, { max_retry_timeout: '5' }) + imagesHcl(10, 'killed') },
    });
    t.after(async () => {
      await emu.stop();
      ws.cleanup();
      bin.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const first = ws.run(['apply', '-auto-approve', '-no-color'], { timeoutMs: 60_000 });
    // Kill once CreateImage calls have landed but images are still being created.
    const deadline = Date.now() + 30_000;
    while ((await customImages(emu.url).catch(() => [])).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const before = (await customImages(emu.url)).length;
    assert.ok(before >= 3, 'CreateImage calls reached the emulator before the kill');
    emu.child.kill('SIGKILL');
    await emu.exited;
    const r1 = await first;
    assert.notEqual(r1.code, 0, 'the first apply fails once the cloud is gone');

    emu = await startEmulatorChild({ db, port, imageCreateSeconds: 4 });
    const kept = await customImages(emu.url);
    assert.ok(kept.length >= before, `the restarted emulator kept the ${before} images created before the kill (has ${kept.length})`);
    const r2 = await ws.run(['apply', '-auto-approve', '-no-color'], { timeoutMs: 90_000 });
    assert.equal(r2.code, 0, `the second apply converges:\n${r2.stderr.slice(-3000)}`);

    const inState = stateImages(await ws.state());
    const inCloud = await customImages(emu.url);
    assert.equal(inState.length, 10, 'the state holds 10 images');
    assert.deepEqual(
      inCloud.map((i) => i.id).sort(),
      inState.map((i) => i.id).sort(),
      'the emulator holds exactly the images of the state: nothing lost, no orphan',
    );
    assert.deepEqual(inCloud.map((i) => i.name).sort(), Array.from({ length: 10 }, (_, i) => `killed-${i}`).sort(), 'one image per name');
    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(plan.code, 0, `nothing left to do:\n${plan.stdout.slice(-2000)}`);
  },
);
