/**
 * A CreateImage that ECS committed but whose answer never arrived (the kill-the-emulator flake):
 * for a named image the ClientToken follows from the configuration, so the next apply gets the
 * same image back instead of InvalidImageName.Duplicated; an unnamed image keeps a per-create
 * token (identical unnamed resources must not share an image).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImages } from '../ecs/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { REGION, RUNNING_INSTANCE, imageTf, resourceValues, startHarness, tf, type Harness } from './image-harness.js';

describe('alicloud_image CreateImage answer lost', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  test('the next apply of a named image adopts the image its lost CreateImage made', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('lost', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-lost-answer"`));
    // A provider that gives up quickly, so the first apply fails while the image already exists.
    ws.writeFile(
      'provider.tf',
      emulatorProviderBlock({ endpoint: h.proxy.endpoint, region: REGION, products: ['ecs'], extraArguments: { max_retry_timeout: '1' } }),
    );
    h.proxy.loseAnswers = { action: 'CreateImage', count: 1000 };
    const first = await ws.run(['apply', '-auto-approve', '-no-color']);
    h.proxy.loseAnswers = undefined;
    assert.notEqual(first.code, 0, 'the first apply cannot see the answer');
    const made = await describeImages(h.client, { ImageName: 'tf-acc-lost-answer', Status: ['ALL'] });
    assert.equal(made.images.length, 1, 'CreateImage committed once although no answer arrived');

    await tf(ws, ['apply', '-auto-approve']);
    const v = (await resourceValues(ws, 'alicloud_image.lost'))!;
    assert.equal(v.id, made.images[0]!.ImageId, 'the second apply adopted the committed image');
    const after2 = await describeImages(h.client, { ImageName: 'tf-acc-lost-answer', Status: ['ALL'] });
    assert.equal(after2.images.length, 1, 'no second image');
    await tf(ws, ['destroy', '-auto-approve']);
  });
});
