/**
 * QA findings on alicloud_image creates: resources with identical arguments must each get
 * their own image (the CreateImage ClientToken must not be shared between creates), and a
 * create_before_destroy replacement must not get back the image it is about to delete.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImage } from '../ecs/index.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { RUNNING_INSTANCE, applyClean, resourceValues, startHarness, tf, type Harness } from './image-harness.js';

describe('alicloud_image creates with identical arguments', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  test('two resources with the same arguments (count = 2) get two different images', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(`resource "alicloud_image" "twin" {\n  count       = 2\n  instance_id = "${RUNNING_INSTANCE}"\n}\n`);
    await applyClean(ws);
    const a = (await resourceValues(ws, 'alicloud_image.twin[0]'))!.id;
    const b = (await resourceValues(ws, 'alicloud_image.twin[1]'))!.id;
    assert.notEqual(a, b, 'both resources manage the same image: destroying one deletes the other');
    await tf(ws, ['destroy', '-auto-approve']);
  });

  test('a create_before_destroy replacement makes a new image and the state never points at a deleted one', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const body = `instance_id = "${RUNNING_INSTANCE}"\n  lifecycle {\n    create_before_destroy = true\n  }`;
    const ws = h.workspace(`resource "alicloud_image" "cbd" {\n  ${body}\n}\n`);
    await applyClean(ws);
    const first = (await resourceValues(ws, 'alicloud_image.cbd'))!.id;
    await tf(ws, ['apply', '-auto-approve', '-replace=alicloud_image.cbd']);
    const second = (await resourceValues(ws, 'alicloud_image.cbd'))!.id;
    assert.notEqual(second, first);
    assert.equal((await describeImage(h.client, second))?.Status, 'Available');
    await tf(ws, ['destroy', '-auto-approve']);
  });
});
