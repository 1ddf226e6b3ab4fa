/**
 * alicloud_image import (terraform import and an import block), drift made outside
 * Terraform (shown by plan, repaired by apply), an image deleted outside Terraform
 * (dropped from state and recreated), and the API-call count of one create.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, deleteImage, describeImage, modifyImageAttribute, tagResources, waitImageUsable } from '../ecs/index.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import {
  GROUP,
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

describe('alicloud_image import and drift through terraform', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  async function makeImage(input: Parameters<typeof createImage>[1]): Promise<string> {
    const { imageId } = await createImage(h.client, input);
    await waitImageUsable(h.client, imageId, { timeoutMs: 30_000 });
    return imageId;
  }

  test('terraform import recovers every readable attribute, and the matching config plans no change', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const id = await makeImage({
      InstanceId: RUNNING_INSTANCE,
      ImageName: 'tf-acc-imported',
      Description: 'made outside',
      ImageFamily: 'fam-a',
      BootMode: 'UEFI',
      ResourceGroupId: GROUP.prod,
      Tag: [{ Key: 'team', Value: 'images' }],
    });
    const ws = h.workspace(
      imageTf(
        'imp',
        `
      instance_id       = "${RUNNING_INSTANCE}"
      image_name        = "tf-acc-imported"
      description       = "made outside"
      image_family      = "fam-a"
      boot_mode         = "UEFI"
      resource_group_id = "${GROUP.prod}"
      tags = { team = "images" }
    `,
      ),
    );
    await tf(ws, ['import', 'alicloud_image.imp', id]);
    const v = (await resourceValues(ws, 'alicloud_image.imp'))!;
    assert.equal(v.id, id);
    assert.equal(v.image_name, 'tf-acc-imported');
    assert.equal(v.description, 'made outside');
    assert.equal(v.image_family, 'fam-a');
    assert.equal(v.boot_mode, 'UEFI');
    assert.equal(v.resource_group_id, GROUP.prod);
    assert.deepEqual(v.tags, { team: 'images' });
    assert.equal(v.status, 'Available');
    assert.ok(v.create_time);
    assert.ok(v.disk_device_mapping.length >= 1, 'import fills the disk mappings from the API');
    assert.equal(v.force, false);

    // instance_id cannot be read back (as in the official provider): it is adopted in place, never a replacement.
    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.notEqual(plan.code, 1, plan.stderr);
    assert.doesNotMatch(plan.stdout, /must be replaced/);
    await applyClean(ws);
    assert.equal((await resourceValues(ws, 'alicloud_image.imp'))!.id, id);
  });

  test('an import block adopts a disk-mapping image; the unwritten features block is kept from the API (no change)', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const id = await makeImage({
      ImageName: 'tf-acc-import-block',
      Platform: 'Ubuntu',
      DiskDeviceMapping: [
        { SnapshotId: SYSTEM_SNAPSHOT, DiskType: 'system' },
        { SnapshotId: DATA_SNAPSHOT, DiskType: 'data' },
      ],
    });
    const ws = h.workspace(
      `import {\n  to = alicloud_image.blk\n  id = "${id}"\n}\n` +
        imageTf(
          'blk',
          `
      image_name = "tf-acc-import-block"
      platform   = "Ubuntu"
      disk_device_mapping {
        snapshot_id = "${SYSTEM_SNAPSHOT}"
        disk_type   = "system"
      }
      disk_device_mapping {
        snapshot_id = "${DATA_SNAPSHOT}"
        disk_type   = "data"
      }
    `,
        ),
    );
    const plan = await tf(ws, ['plan']);
    // Import fills features from the API; Optional+Computed: a config without the block keeps it.
    assert.match(plan.stdout, /1 to import, 0 to add, 0 to change, 0 to destroy/);
    assert.doesNotMatch(plan.stdout, /known after apply/, 'nothing else changes');
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.blk'))!;
    assert.equal(v.id, id);
    assert.equal(v.disk_device_mapping[1].device, '/dev/xvdb');
  });

  test('drift made outside terraform shows in the plan and apply repairs it', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(
      imageTf(
        'drift',
        `
      instance_id = "${RUNNING_INSTANCE}"
      image_name  = "tf-acc-drift"
      description = "as configured"
      tags = { owner = "tf" }
    `,
      ),
    );
    await applyClean(ws);
    const id = (await resourceValues(ws, 'alicloud_image.drift'))!.id;
    await modifyImageAttribute(h.client, { ImageId: id, Description: 'changed by hand', ImageName: 'tf-acc-drift-hand' });
    await tagResources(h.client, { resourceType: 'image', resourceIds: [id], tags: { owner: 'someone', extra: 'x' } });

    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(plan.code, 2, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /"changed by hand" -> "as configured"/);
    assert.match(plan.stdout, /"tf-acc-drift-hand" -> "tf-acc-drift"/);
    assert.match(plan.stdout, /- "extra" += "x"/);
    assert.doesNotMatch(plan.stdout, /must be replaced/);
    await applyClean(ws);
    const image = await describeImage(h.client, id);
    assert.equal(image?.Description, 'as configured');
    assert.equal(image?.ImageName, 'tf-acc-drift');
    assert.deepEqual(
      image?.Tags.Tag.map((x) => `${x.TagKey}=${x.TagValue}`),
      ['owner=tf'],
    );
  });

  test('an image deleted outside terraform leaves the state on refresh and the next apply recreates it', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('gone', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-gone"`));
    await applyClean(ws);
    const first = (await resourceValues(ws, 'alicloud_image.gone'))!.id;
    await deleteImage(h.client, first);

    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(plan.code, 2);
    assert.match(plan.stdout, /alicloud_image.gone will be created/);
    assert.match(plan.stdout, /1 to add, 0 to change, 0 to destroy/);
    // Same config, same ClientToken: the provider notices the token's image is gone and makes a new one.
    await applyClean(ws);
    const second = (await resourceValues(ws, 'alicloud_image.gone'))!.id;
    assert.notEqual(second, first);
    assert.equal((await describeImage(h.client, second))?.Status, 'Available');
  });

  test('one create through terraform apply makes a small, bounded number of API calls', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('count', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-count"`));
    h.proxy.reset();
    await tf(ws, ['apply', '-auto-approve']);
    const calls = [...h.proxy.actions];
    assert.equal(calls.filter((a) => a === 'CreateImage').length, 1, calls.join(','));
    assert.ok(calls.length <= 12, `apply made ${calls.length} calls: ${calls.join(',')}`);
    console.error(`# apply of one image (imageCreateSeconds=1): ${calls.length} API calls: ${calls.join(', ')}`);
  });
});
