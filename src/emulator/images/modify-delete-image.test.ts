import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { CREATE_SECONDS, REGION, useHarness } from './testing.js';

describe('ModifyImageAttribute and DeleteImage', () => {
  const h = useHarness();
  const acct = h.accounts[0];
  const create = async (name: string, extra: Partial<E.CreateImageRequest> = {}) =>
    (
      await h
        .client()
        .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: name, ...extra }))
    ).body!.imageId!;
  const get = async (id: string) =>
    (await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id, status: 'ALL' }))).body!.images!
      .image![0];

  test('changes name, description, family, boot mode, license and NVMe support, and keeps absent fields', async () => {
    const id = await create('modme', { description: 'first description', imageFamily: 'fam-one' });
    await h.client().modifyImageAttribute(
      new E.ModifyImageAttributeRequest({
        regionId: REGION,
        imageId: id,
        imageName: 'modded',
        bootMode: 'UEFI',
        licenseType: 'BYOL',
        features: new E.ModifyImageAttributeRequestFeatures({ nvmeSupport: 'supported' }),
      }),
    );
    const img = (await get(id))!;
    assert.deepEqual(
      [img.imageName, img.description, img.imageFamily, img.bootMode, img.licenseType, img.features!.nvmeSupport],
      ['modded', 'first description', 'fam-one', 'UEFI', 'BYOL', 'supported'],
    );
    await h
      .client()
      .modifyImageAttribute(
        new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: id, description: 'second description', imageName: '' }),
      );
    assert.deepEqual([(await get(id))!.imageName, (await get(id))!.description], ['modded', 'second description']);
  });

  test('refuses a name another image uses and a malformed description', async () => {
    const a = await create('name-a');
    await create('name-b');
    assert.equal(
      (
        await sdkError(
          h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: a, imageName: 'name-b' })),
        )
      ).code,
      'InvalidImageName.Duplicated',
    );
    assert.equal(
      (
        await sdkError(
          h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: a, description: 'https://x' })),
        )
      ).code,
      'InvalidDescription.Malformed',
    );
    await h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: a, imageName: 'name-a' }));
  });

  test('deprecates an Available image and makes it Available again, but refuses while creating', async () => {
    const id = await create('deprecate-me');
    const early = await sdkError(
      h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: id, status: 'Deprecated' })),
    );
    assert.equal(early.code, 'IncorrectImageStatus');
    h.advance(CREATE_SECONDS + 1); // past Available and the Usable lag
    await h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: id, status: 'Deprecated' }));
    assert.deepEqual([(await get(id))!.status, (await get(id))!.usable], ['Deprecated', true]);
    const visible = await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id }));
    assert.equal(visible.body!.totalCount, 0, 'a Deprecated image is hidden by the default Available filter');
    await h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: id, status: 'Available' }));
    assert.equal((await get(id))!.status, 'Available');
  });

  test('answers InvalidImageId.NotFound (404) for unknown ids and refuses to touch system images', async () => {
    const nf = await sdkError(
      h.client().modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: 'm-nope', description: 'xx' })),
    );
    assert.deepEqual([nf.code, nf.statusCode], ['InvalidImageId.NotFound', 404]);
    const del = await sdkError(h.client().deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: 'm-nope' })));
    assert.deepEqual([del.code, del.statusCode], ['InvalidImageId.NotFound', 404]);
    const sys = await sdkError(
      h
        .client()
        .deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', force: true })),
    );
    assert.equal(sys.statusCode, 403);
  });

  test('deletes an image, keeps its snapshots, and then lets the snapshots be deleted', async () => {
    const id = (
      await h.client().createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-stopped-${acct}`, imageName: 'delete-me' }))
    ).body!.imageId!;
    h.advance(CREATE_SECONDS + 1); // past Available and the Usable lag
    const snaps = (await get(id))!.diskDeviceMappings!.diskDeviceMapping!.map((m) => m.snapshotId!);
    const blocked = await sdkError(h.client().deleteSnapshot(new E.DeleteSnapshotRequest({ snapshotId: snaps[0], force: true })));
    assert.deepEqual([blocked.code, blocked.statusCode], ['SnapshotCreatedImage', 403]);
    await h.client().deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: id }));
    assert.equal(await get(id), undefined);
    const left = await h
      .client()
      .describeSnapshots(new E.DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify(snaps) }));
    assert.equal(left.body!.totalCount, 2);
    assert.ok(left.body!.snapshots!.snapshot!.every((s) => s.usage === 'none'));
    for (const s of snaps) await h.client().deleteSnapshot(new E.DeleteSnapshotRequest({ snapshotId: s, force: true }));
    const gone = await h
      .client()
      .describeSnapshots(new E.DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify(snaps) }));
    assert.equal(gone.body!.totalCount, 0);
    const again = await sdkError(h.client().deleteSnapshot(new E.DeleteSnapshotRequest({ snapshotId: snaps[0] })));
    assert.deepEqual([again.code, again.statusCode], ['InvalidSnapshotId.NotFound', 404]);
  });

  test('refuses to delete an image used by an instance unless Force is given', async () => {
    const id = await create('in-use');
    h.emu.db.prepare('UPDATE instances SET image_id = ? WHERE id = ?').run(id, `i-locked-${acct}`);
    const err = await sdkError(h.client().deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: id })));
    assert.deepEqual([err.code, err.statusCode], ['ImageUsingByInstance', 403]);
    assert.equal((await get(id))!.usage, 'instance');
    await h.client().deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: id, force: true }));
    assert.equal(await get(id), undefined);
  });
});
