/**
 * Acceptance (issue 15): the golden-image pipeline with real terraform. One apply builds an image,
 * copies it to 20 regions (one provider alias per region), shares it with the emulator's second
 * account, reads it back with `data alicloud_images` (copies as `self` in their region, the share
 * as `others`), all under injected throttling and answers dropped after commit on CopyImage.
 * Every region then holds exactly one copy with its own snapshot, the re-plan is clean, and destroy
 * leaves no copy or snapshot in any region. (The second account's launch, unsharing and the copy
 * timeout are in image-share-launch.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, SECOND_ACCOUNT_ID, startEmulator } from '../emulator/index.js';
import { AlibabaCloudClient, describeAllImages, describeSnapshots } from '../ecs/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { providerBinDir } from './faults-support.js';
import { DESTINATIONS, SOURCE, alias, copiesHcl, providersHcl } from './image-copy-harness.js';
import { resourceValues, tf } from './image-harness.js';

const SHARE_HCL = `
resource "alicloud_image_share_permission" "other" {
  image_id   = alicloud_image.golden.id
  account_id = "${SECOND_ACCOUNT_ID}"
}

data "alicloud_images" "shared" {
  provider   = alicloud.other
  owners     = "others"
  name_regex = "^golden$"
  depends_on = [alicloud_image_share_permission.other]
}

data "alicloud_images" "copy_in_tokyo" {
  provider   = alicloud.ap_northeast_1
  owners     = "self"
  name_regex = "^golden-copy$"
  depends_on = [alicloud_image_copy.ap_northeast_1]
}

output "shared_ids" {
  value = data.alicloud_images.shared.ids
}

output "tokyo_ids" {
  value = data.alicloud_images.copy_in_tokyo.ids
}
`;

test(
  'one apply copies an image to 20 regions and shares it under throttling and dropped answers; destroy leaves nothing',
  { timeout: 900_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const emu = await startEmulator({
      port: 0,
      db: ':memory:',
      settings: { imageCreateSeconds: 1, imageCopySecondsPerGiB: 0.025, imageUsableLagSeconds: 0, instanceStartSeconds: 1 },
    });
    const bin = providerBinDir();
    const providers = providersHcl(emu.endpoint, DESTINATIONS);
    const ws = createTerraformWorkspace({
      providerBinDir: bin.dir,
      files: {
        'providers.tf': providers,
        'main.tf': copiesHcl(DESTINATIONS) + SHARE_HCL,
      },
    });
    t.after(async () => {
      ws.cleanup();
      bin.cleanup();
      await emu.stop();
    });
    const client = (region: string) =>
      new AlibabaCloudClient({
        region,
        accessKeyId: DEFAULT_ACCESS_KEY_ID,
        accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
        protocol: 'HTTP',
        endpoints: { ecs: emu.endpoint },
      });
    const ownImages = (region: string) => describeAllImages(client(region), { ImageOwnerAlias: 'self', Status: ['ALL'] });
    const ownSnapshots = async (region: string) => (await describeSnapshots(client(region), { PageSize: 100 })).snapshots;

    const rules = [
      { action: 'CopyImage', rate: 0.3, kind: 'Throttling' },
      { action: 'CopyImage', rate: 0.25, kind: 'drop-after-commit' },
      { rate: 0.05, kind: 'Throttling' },
    ];
    const set = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules, seed: 15 }),
    });
    assert.equal(set.status, 200, await set.text());
    const started = Date.now();
    const applied = await ws.run(['apply', '-auto-approve', '-no-color', '-parallelism=20'], { timeoutMs: 480_000 });
    assert.equal(applied.code, 0, `apply must succeed despite the faults:\n${applied.stdout.slice(-2000)}\n${applied.stderr.slice(-3000)}`);
    t.diagnostic(`apply of 20 copies + share: ${Date.now() - started} ms`);
    t.diagnostic(
      applied.stdout
        .split('\n')
        .filter((l) => /complete after/.test(l))
        .join('\n'),
    );
    const faults = (await (await fetch(`${emu.url}/_emulator/faults`)).json()) as {
      rules?: { action?: string; kind: string; fired: number }[];
    };
    const fired = (faults.rules ?? []).map((x) => `${x.action ?? '*'} ${x.kind} ${x.fired}`).join(', ');
    assert.ok(
      (faults.rules ?? []).slice(0, 2).every((x) => x.fired > 0),
      `CopyImage faults must really fire (${fired})`,
    );
    await fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE', headers: { 'x-emulator-admin': '1' } });

    const golden = (await resourceValues(ws, 'alicloud_image.golden'))!.id as string;
    for (const region of DESTINATIONS) {
      const copies = await ownImages(region);
      assert.deepEqual(
        copies.map((i) => [i.ImageName, i.Status, i.IsCopied]),
        [['golden-copy', 'Available', true]],
        `${region} holds exactly one copy (faults fired: ${fired})`,
      );
      const state = (await resourceValues(ws, `alicloud_image_copy.${alias(region)}`))!;
      assert.equal(state.id, copies[0]!.ImageId, `the state of ${region} names its copy`);
      const snaps = (await ownSnapshots(region)).map((s) => s.SnapshotId);
      assert.deepEqual(snaps, [copies[0]!.DiskDeviceMappings.DiskDeviceMapping[0]!.SnapshotId], `${region}: the copy's own snapshot`);
    }
    assert.deepEqual(
      (await ownImages(SOURCE)).map((i) => i.ImageId),
      [golden],
      'the source region holds the source image only',
    );
    const outputs = JSON.parse((await tf(ws, ['output', '-json'])).stdout) as Record<string, { value: string[] }>;
    assert.deepEqual(outputs.shared_ids!.value, [golden], 'the second account sees the shared image as others');
    assert.deepEqual(outputs.tokyo_ids!.value, [(await resourceValues(ws, 'alicloud_image_copy.ap_northeast_1'))!.id]);
    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color', '-parallelism=20'], { timeoutMs: 300_000 });
    assert.equal(plan.code, 0, `the re-plan is clean:\n${plan.stdout.slice(-3000)}${plan.stderr.slice(-2000)}`);

    const destroyed = await ws.run(['destroy', '-auto-approve', '-no-color', '-parallelism=20'], { timeoutMs: 480_000 });
    assert.equal(destroyed.code, 0, destroyed.stderr.slice(-3000));
    t.diagnostic(`whole test: ${Date.now() - started} ms`);
    for (const region of [SOURCE, ...DESTINATIONS]) {
      assert.deepEqual(await ownImages(region), [], `no image is left in ${region}`);
      if (region !== SOURCE) assert.deepEqual(await ownSnapshots(region), [], `no snapshot is left in ${region}`);
    }
  },
);
