/**
 * alicloud_image's Optional+Computed blocks (disk_device_mapping, features) and the relaxed
 * rules of issue 10 through real terraform: blocks filled from the API when not written (and
 * readable by index), writing what the API already says plans nothing, removing written blocks
 * plans nothing, a changed block replaces; an import-only configuration needs no source; other
 * device names and sizes; unknown boot_mode values warn.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, waitImageUsable } from '../ecs/index.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import {
  RUNNING_INSTANCE,
  SYSTEM_SNAPSHOT,
  DATA_SNAPSHOT,
  applyClean,
  imageTf,
  resourceValues,
  startHarness,
  tf,
  type Harness,
} from './image-harness.js';

describe('alicloud_image computed blocks through terraform', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  test('unwritten blocks are filled from the API, readable by index, and writing what the API says changes nothing', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const out = `output "snap" {\n  value = alicloud_image.cb.disk_device_mapping[0].snapshot_id\n}\n`;
    const ws = h.workspace(imageTf('cb', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-computed-blocks"`) + out);
    const plan = await tf(ws, ['plan']);
    assert.match(plan.stdout, /\+ disk_device_mapping = \(known after apply\)|disk_device_mapping.*known after apply/);
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.cb'))!;
    assert.ok(v.disk_device_mapping.length >= 1, 'the disks of the instance are in state');
    assert.match(v.disk_device_mapping[0].snapshot_id, /^s-/);
    assert.equal(v.features.length, 1);
    const nvme = v.features[0].nvme_support as string;
    const shown = await tf(ws, ['output', '-raw', 'snap']);
    assert.equal(shown.stdout.trim(), v.disk_device_mapping[0].snapshot_id);

    // Writing the value the API already reports: no replacement, no change at all.
    ws.writeFile(
      'main.tf',
      imageTf('cb', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-computed-blocks"\nfeatures {\nnvme_support = "${nvme}"\n}`) +
        out,
    );
    const same = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(same.code, 0, same.stdout + same.stderr);

    // Removing the written features block again: kept from the API, nothing planned.
    ws.writeFile('main.tf', imageTf('cb', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-computed-blocks"`) + out);
    const removed = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(removed.code, 0, removed.stdout + removed.stderr);

    // A different NVMe value replaces the image (ForceNew, as in the official provider).
    const other = nvme === 'supported' ? 'unsupported' : 'supported';
    ws.writeFile(
      'main.tf',
      imageTf(
        'cb',
        `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-computed-blocks"\nfeatures {\nnvme_support = "${other}"\n}`,
      ) + out,
    );
    const replace = await tf(ws, ['plan']);
    assert.match(replace.stdout, /must be replaced/);
    assert.match(replace.stdout, /# forces replacement/);
    await tf(ws, ['destroy', '-auto-approve']);
  });

  test('written disk mappings get their unwritten values from the API; dropping the blocks plans nothing; a changed one replaces', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const maps = (dataDevice: string) =>
      `image_name = "tf-acc-written-maps"\ndisk_device_mapping {\nsnapshot_id = "${SYSTEM_SNAPSHOT}"\n}\n` +
      `disk_device_mapping {\nsnapshot_id = "${DATA_SNAPSHOT}"\ndevice = "${dataDevice}"\n}`;
    const ws = h.workspace(imageTf('wm', maps('/dev/vdb')));
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.wm'))!;
    assert.equal(v.disk_device_mapping.length, 2);
    assert.equal(v.disk_device_mapping[1].device, '/dev/vdb', '/dev/vd* names are accepted');
    assert.ok(v.disk_device_mapping[0].size > 0, 'an unwritten size comes from the snapshot');
    assert.equal(v.disk_device_mapping[0].device, '/dev/xvda');

    ws.writeFile('main.tf', imageTf('wm', 'image_name = "tf-acc-written-maps"'));
    const dropped = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(dropped.code, 0, `removing written blocks keeps them: ${dropped.stdout}${dropped.stderr}`);

    ws.writeFile('main.tf', imageTf('wm', maps('/dev/vdc')));
    const changed = await tf(ws, ['plan']);
    assert.match(changed.stdout, /must be replaced/);
    await tf(ws, ['destroy', '-auto-approve']);
  });

  test('an import-only configuration (import block and image_name, no source) plans and applies clean', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const { imageId } = await createImage(h.client, { InstanceId: RUNNING_INSTANCE, ImageName: 'tf-acc-console-made' });
    await waitImageUsable(h.client, imageId, { timeoutMs: 30_000 });
    const ws = h.workspace(
      `import {\n  to = alicloud_image.imp\n  id = "${imageId}"\n}\n` + imageTf('imp', 'image_name = "tf-acc-console-made"'),
    );
    const plan = await tf(ws, ['plan']);
    assert.match(plan.stdout, /1 to import, 0 to add, 0 to change, 0 to destroy/);
    await applyClean(ws);
    assert.equal((await resourceValues(ws, 'alicloud_image.imp'))!.id, imageId);
  });

  test('creating without a source fails at plan, before any API call; unknown boot_mode only warns', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('lonely', 'image_name = "tf-acc-lonely"'));
    const valid = await tf(ws, ['validate']);
    assert.match(valid.stdout, /Success/);
    h.proxy.reset();
    const plan = await ws.run(['plan', '-no-color']);
    assert.equal(plan.code, 1);
    assert.match(plan.stderr, /Missing Image Source/);
    assert.match(plan.stderr, /Only an imported image can do without one/);
    assert.deepEqual(
      h.proxy.actions.filter((a) => a !== 'DescribeRegions'),
      [],
    );

    ws.writeFile('main.tf', imageTf('boot', `instance_id = "${RUNNING_INSTANCE}"\nboot_mode = "UEFI-Next"\ndetection_strategy = "Deep"`));
    const warned = await tf(ws, ['validate']);
    assert.match(warned.stdout + warned.stderr, /Warning: Unrecognised Attribute Value/);
    assert.match(
      warned.stdout + warned.stderr,
      /boot_mode is not a known value \("BIOS", "UEFI", "UEFI-Preferred"\),\s+got "UEFI-Next"; it is sent as written/,
    );
    assert.match(warned.stdout + warned.stderr, /detection_strategy is not a known value|one more similar warning/);
    assert.match(warned.stdout, /Success! The configuration is valid/);
  });

  test('a disk size below the snapshot fails before CreateImage, naming the size attribute', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('small', `disk_device_mapping {\nsnapshot_id = "${SYSTEM_SNAPSHOT}"\nsize = 5\n}`));
    h.proxy.reset();
    const r = await ws.run(['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /disk_device_mapping\[0\]\.size 5 must be at least the snapshot size/);
    assert.ok(!h.proxy.actions.includes('CreateImage'), h.proxy.actions.join(','));
  });
});
