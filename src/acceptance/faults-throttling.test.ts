/**
 * Fault tolerance: with 30% Throttling, 5% ServiceUnavailable and dropped answers after commit
 * on CreateImage (plus throttling on every other action), `terraform apply` of 20 images
 * succeeds, and the emulator then holds exactly those 20 images, each one in the state:
 * no duplicate made by a retried CreateImage, no orphan the state does not know.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../emulator/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { customImages, emulatorStats, imagesHcl, providerBinDir, providerHcl, stateImages } from './faults-support.js';

test(
  'apply of 20 images under throttling, 5xx and dropped CreateImage answers leaves exactly 20 images, all in state',
  { timeout: 150_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds: 1 } });
    const bin = providerBinDir();
    const ws = createTerraformWorkspace({
      providerBinDir: bin.dir,
      files: { 'main.tf': providerHcl(emu.endpoint) + imagesHcl(20, 'faulty') },
    });
    t.after(async () => {
      ws.cleanup();
      bin.cleanup();
      await emu.stop();
    });
    const rules = [
      { action: 'CreateImage', rate: 0.3, kind: 'Throttling' },
      { action: 'CreateImage', rate: 0.05, kind: 'ServiceUnavailable' },
      { action: 'CreateImage', rate: 0.2, kind: 'drop-after-commit' },
      { rate: 0.1, kind: 'Throttling' },
    ];
    const set = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules, seed: 6 }),
    });
    assert.equal(set.status, 200, `POST /_emulator/faults must accept the rules: ${await set.text()}`);

    const r = await ws.run(['apply', '-auto-approve', '-no-color'], { timeoutMs: 130_000 });
    const faults = (await (await fetch(`${emu.url}/_emulator/faults`)).json()) as { rules?: { kind: string; fired: number }[] };
    assert.equal(r.code, 0, `apply must succeed despite the faults:\n${r.stderr.slice(-3000)}`);

    const fired = (faults.rules ?? []).map((x) => `${x.kind} ${x.fired}`).join(', ');
    assert.ok((faults.rules ?? []).filter((x) => x.fired > 0).length >= 3, `the faults must really fire (${fired})`);
    await fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE', headers: { 'x-emulator-admin': '1' } });
    const inState = stateImages(await ws.state());
    const inCloud = await customImages(emu.url);
    assert.equal(inState.length, 20, 'the state holds 20 images');
    assert.equal(new Set(inState.map((i) => i.id)).size, 20, 'each state entry is a distinct image');
    assert.deepEqual(
      inCloud.map((i) => i.id).sort(),
      inState.map((i) => i.id).sort(),
      `the emulator holds exactly the images of the state (faults fired: ${fired})`,
    );
    assert.deepEqual(
      inCloud.map((i) => i.name).sort(),
      Array.from({ length: 20 }, (_, i) => `faulty-${i}`).sort(),
      'one image per name: no duplicates',
    );
    const stats = await emulatorStats(emu.url);
    if (stats) t.diagnostic(`requests: ${JSON.stringify(stats.requests)}; faults fired: ${fired}`);

    const again = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(again.code, 0, `a plan afterwards shows no changes:\n${again.stdout.slice(-2000)}${again.stderr.slice(-2000)}`);
  },
);
