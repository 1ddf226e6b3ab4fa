/**
 * Estate scale under API flow control (issue 16), with the real terraform: the emulator meters
 * CreateImage at 20 and DescribeImages at 5 calls per second per account. An apply of 100 images
 * at -parallelism=100 finishes without a failed operation (the provider's rate budget learns the
 * CreateImage limit and its retries absorb the pushback), and a refresh-only plan of the 100
 * images is answered by a handful of coalesced DescribeImages calls, none throttled.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_HEADER, startEmulator } from '../emulator/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { adminHeaders, customImages, emulatorStats, imagesHcl, providerBinDir, providerHcl, stateImages } from './faults-support.js';

const COUNT = 100;

async function throttled(url: string): Promise<Record<string, number>> {
  const r = await fetch(`${url}/_emulator/flow-control`, { headers: adminHeaders() });
  return ((await r.json()) as { throttled: Record<string, number> }).throttled;
}

test(`apply and refresh of ${COUNT} images under flow control: no failure, few calls`, { timeout: 240_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const emu = await startEmulator({
    port: 0,
    db: ':memory:',
    settings: { imageCreateSeconds: 0.5 },
    flowControl: { rates: { CreateImage: 20, DescribeImages: 5 } },
  });
  const bin = providerBinDir();
  const ws = createTerraformWorkspace({
    providerBinDir: bin.dir,
    files: { 'main.tf': providerHcl(emu.endpoint) + imagesHcl(COUNT, 'metered') },
  });
  t.after(async () => {
    ws.cleanup();
    bin.cleanup();
    await emu.stop();
  });

  const apply = await ws.run(['apply', '-auto-approve', '-no-color', `-parallelism=${COUNT}`], { timeoutMs: 200_000 });
  assert.equal(apply.code, 0, `apply must succeed under flow control:\n${apply.stderr.slice(-3000)}`);
  const inState = stateImages(await ws.state());
  assert.equal(inState.length, COUNT);
  assert.deepEqual(
    (await customImages(emu.url)).map((i) => i.id).sort(),
    inState.map((i) => i.id).sort(),
    'exactly the images of the state exist',
  );
  const afterApply = await throttled(emu.url);
  t.diagnostic(`apply: throttled ${JSON.stringify(afterApply)}`);

  const reset = await fetch(`${emu.url}/_emulator/stats/reset`, { method: 'POST', headers: { ...adminHeaders(), [ADMIN_HEADER]: '1' } });
  assert.equal(reset.status, 200);
  const applyCalls = (await emulatorStats(emu.url))?.requests;
  const refresh = await ws.run(['plan', '-refresh-only', '-no-color', '-detailed-exitcode', `-parallelism=${COUNT}`]);
  assert.equal(
    refresh.code,
    0,
    `refresh-only plan must succeed with no changes:\n${refresh.stderr.slice(-3000)}\n${refresh.stdout.slice(-2000)}`,
  );
  const calls = (await emulatorStats(emu.url))?.requests ?? {};
  t.diagnostic(`refresh: calls ${JSON.stringify(calls)} (after apply ${JSON.stringify(applyCalls)})`);
  assert.ok((calls.DescribeImages ?? 0) <= 5, `${COUNT} reads coalesce into a few DescribeImages calls (${JSON.stringify(calls)})`);
  assert.equal((await throttled(emu.url)).DescribeImages ?? 0, afterApply.DescribeImages ?? 0, 'no read was throttled on refresh');
});
