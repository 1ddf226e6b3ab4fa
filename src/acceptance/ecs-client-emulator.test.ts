/**
 * The ECS client against the real emulator, over HTTP, in both signature modes:
 * create an image from the seeded instance, wait until it is usable, check idempotency,
 * tags and deletion. Cross-layer on purpose (src/ecs and src/emulator never import each other).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startEmulator, type RunningEmulator } from '../emulator/index.js';
import {
  AlibabaCloudClient,
  clientToken,
  createImage,
  deleteImage,
  describeImage,
  describeInstances,
  instanceLockReasons,
  isEcsServiceError,
  listTagResources,
  tagResources,
  untagResources,
  waitImageDeleted,
  waitImageUsable,
} from '../ecs/index.js';

for (const signatureAlgorithm of ['v3', 'v1'] as const) {
  describe(`ECS client against the emulator with ${signatureAlgorithm} signatures`, () => {
    let emu: RunningEmulator;
    let client: AlibabaCloudClient;
    before(async () => {
      emu = await startEmulator({ settings: { imageCreateSeconds: 1 } });
      client = new AlibabaCloudClient({
        region: 'cn-hangzhou',
        accessKeyId: DEFAULT_ACCESS_KEY_ID,
        accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
        protocol: 'HTTP',
        endpoints: { ecs: emu.endpoint },
        signatureAlgorithm,
      });
    });
    after(() => emu.stop());

    test('creates an image from the seeded instance, waits until usable, tags it and deletes it', async () => {
      const { instances } = await describeInstances(client, {});
      const source = instances.find(
        (i) => (i.Status === 'Running' || i.Status === 'Stopped') && !instanceLockReasons(i).includes('security'),
      );
      assert.ok(source, 'the emulator seeds a Running or Stopped instance');

      const token = clientToken(['alicloud_image.acceptance', signatureAlgorithm]);
      const input = {
        InstanceId: source.InstanceId,
        ImageName: `acc-${signatureAlgorithm}`,
        ClientToken: token,
        Tag: [{ Key: 'env', Value: 'test' }],
      };
      const created = await createImage(client, input);
      assert.match(created.imageId, /^m-/);
      assert.ok(created.requestId);
      const again = await createImage(client, input);
      assert.equal(again.imageId, created.imageId, 'same ClientToken and parameters give the same image');

      const progress: string[] = [];
      const image = await waitImageUsable(client, created.imageId, {
        timeoutMs: 60_000,
        onProgress: (i) => progress.push(i?.Status ?? 'none'),
      });
      assert.equal(image.ImageId, created.imageId);
      assert.equal(image.Usable, true);
      assert.equal(image.ImageName, `acc-${signatureAlgorithm}`);
      assert.ok(image.DiskDeviceMappings.DiskDeviceMapping.length >= 1);
      assert.ok(progress.length >= 1);

      await tagResources(client, { resourceType: 'image', resourceIds: [created.imageId], tags: { team: 'core', env: 'prod' } });
      await untagResources(client, { resourceType: 'image', resourceIds: [created.imageId], keys: ['team'] });
      const tags = await listTagResources(client, { resourceType: 'image', resourceIds: [created.imageId] });
      assert.deepEqual(tags.map((t) => `${t.TagKey}=${t.TagValue}`).sort(), ['env=prod']);

      const del = await deleteImage(client, created.imageId, true);
      assert.equal(del.notFound, false);
      await waitImageDeleted(client, created.imageId, { timeoutMs: 30_000 });
      assert.equal(await describeImage(client, created.imageId), undefined);
      const second = await deleteImage(client, created.imageId, true);
      assert.equal(second.notFound, true);
    });

    test('a duplicate image name fails with a typed service error', async () => {
      const { instances } = await describeInstances(client, {});
      const source = instances.find(
        (i) => (i.Status === 'Running' || i.Status === 'Stopped') && !instanceLockReasons(i).includes('security'),
      )!;
      await createImage(client, { InstanceId: source.InstanceId, ImageName: `dup-${signatureAlgorithm}` });
      const err = await createImage(client, { InstanceId: source.InstanceId, ImageName: `dup-${signatureAlgorithm}` }).catch(
        (e: unknown) => e,
      );
      assert.ok(isEcsServiceError(err));
      assert.equal(err.code, 'InvalidImageName.Duplicated');
      assert.equal(err.httpStatus, 400);
      assert.ok(err.requestId);
    });
  });
}
