/**
 * Acceptance (issue 12 item 13): when the create timeout strikes while the image is still being
 * made, the error's "last state" and the status saved in state come from the same observation.
 * The emulator makes images in 20 s (Waiting for the first 2 s, then Creating); the create
 * timeout is 8 s (polls are at most 5 s apart), so the first look sees Waiting and the last one Creating.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImage } from '../ecs/index.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { SYSTEM_SNAPSHOT, imageTf, startHarness, tf, type Harness } from './image-harness.js';

let h: Harness | undefined;
before(async () => {
  if (terraformAvailable()) h = await startHarness(20);
});
after(async () => {
  await h?.stop();
});

test('a create timeout reports the status it saves: both come from the last observation', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = h!.workspace(imageTf('slow', `snapshot_id = "${SYSTEM_SNAPSHOT}"\ntimeouts {\ncreate = "8s"\n}`));
  const r = await tf(ws, ['apply', '-auto-approve'], 1);
  const reported = /last state:\s+(\w+)\s+(\d+%)/.exec(r.stderr);
  assert.ok(reported, `the timeout names the last state:\n${r.stderr}`);
  assert.match(r.stderr.replace(/\s+/g, ' '), /Raise timeouts \{ create = "\.\.\." \}/);
  const state = await ws.state();
  const res = (state.values?.root_module?.resources ?? []) as {
    address: string;
    tainted?: boolean;
    values: { id: string; status: string };
  }[];
  const slow = res.find((x) => x.address === 'alicloud_image.slow');
  assert.equal(slow?.tainted, true, 'the image is kept in state as tainted');
  assert.equal(slow!.values.status, reported[1], 'the saved status is the one the message reports');
  assert.equal(reported[1], 'Creating', 'the last observation is later than the first look (Waiting)');
  assert.equal((await describeImage(h!.client, slow!.values.id))?.ImageId, slow!.values.id, 'the image exists in the cloud');
  await tf(ws, ['destroy', '-auto-approve']);
});
