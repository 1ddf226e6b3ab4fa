/**
 * CopyImage, CancelCopyImage and image sharing through the official SDK, in both signature modes:
 * regions are boundaries, a copy lives in its destination region (Waiting/Creating with progress
 * in proportion to its size, then Available, with its own snapshots), cancelling removes it, and a
 * shared image is visible to the other account as `others`, launchable there but not changeable.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError, type SignatureMode } from '../test-support/clients.js';
import { CREATE_SECONDS, REGION, startHarness, type Harness } from './testing.js';

const DEST = 'ap-northeast-1';

for (const mode of ['v3', 'v1'] as SignatureMode[]) {
  describe(`image copies and shares (${mode})`, () => {
    let h: Harness;
    let owner: number;
    let other: number;
    let source: string;
    before(async () => {
      h = await startHarness();
      [owner, other] = h.accounts;
      source = (
        await h
          .client(mode)
          .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${owner}`, imageName: 'golden' }))
      ).body!.imageId!;
      h.advance(CREATE_SECONDS + 1);
    });
    after(() => h.stop());

    const images = async (regionId: string, extra: Partial<E.DescribeImagesRequest> = {}, second = false) =>
      (await h.client(mode, second).describeImages(new E.DescribeImagesRequest({ regionId, status: 'ALL', pageSize: 100, ...extra }))).body!
        .images!.image!;
    const copy = (extra: Partial<E.CopyImageRequest> = {}) =>
      h.client(mode).copyImage(new E.CopyImageRequest({ regionId: REGION, imageId: source, destinationRegionId: DEST, ...extra }));
    const snapshotsIn = async (regionId: string) =>
      (await h.client(mode).describeSnapshots(new E.DescribeSnapshotsRequest({ regionId, pageSize: 100 }))).body!.snapshots!.snapshot!;

    test('a copy appears only in its destination region, progresses with time and ends Available with its own snapshot', async () => {
      const id = (
        await copy({
          destinationImageName: 'golden-copy',
          clientToken: `tok-${mode}`,
          tag: [new E.CopyImageRequestTag({ key: 'env', value: 'prod' })],
        })
      ).body!.imageId!;
      assert.deepEqual(
        (await images(REGION, { imageName: 'golden' })).map((i) => i.imageId),
        [source],
        'the source region does not see the copy',
      );
      const [first] = await images(DEST, { imageId: id });
      assert.deepEqual(
        [first!.status, first!.imageName, first!.isCopied, first!.imageOwnerAlias],
        ['Waiting', 'golden-copy', true, 'self'],
      );
      const size = first!.size!;
      h.advance(size * 0.25 * 0.5);
      const [mid] = await images(DEST, { imageId: id });
      assert.equal(mid!.status, 'Creating');
      assert.ok(Number.parseInt(mid!.progress!) > 0 && Number.parseInt(mid!.progress!) < 100, `progress ${mid!.progress}`);
      const again = (
        await copy({
          destinationImageName: 'golden-copy',
          clientToken: `tok-${mode}`,
          tag: [new E.CopyImageRequestTag({ key: 'env', value: 'prod' })],
        })
      ).body!.imageId!;
      assert.equal(again, id, 'the same ClientToken returns the first copy');
      h.advance(size * 0.25);
      const [done] = await images(DEST, { imageId: id });
      assert.deepEqual([done!.status, done!.tags!.tag![0]!.tagKey], ['Available', 'env']);
      const snap = done!.diskDeviceMappings!.diskDeviceMapping![0]!.snapshotId!;
      assert.notEqual(snap, `s-running-system-${owner}`);
      assert.ok(
        (await snapshotsIn(DEST)).some((s) => s.snapshotId === snap),
        'the copy has its own snapshot in the destination region',
      );
      assert.ok(!(await snapshotsIn(REGION)).some((s) => s.snapshotId === snap));
      const dup = await sdkError(copy({ destinationImageName: 'golden-copy' }));
      assert.deepEqual([dup.code, dup.statusCode], ['InvalidImageName.Duplicated', 400]);
    });

    test('CancelCopyImage removes a copy in progress and its snapshot; DeleteImage refuses a copying image', async () => {
      const id = (await copy({ destinationImageName: 'to-cancel' })).body!.imageId!;
      const [img] = await images(DEST, { imageId: id });
      const snap = img!.diskDeviceMappings!.diskDeviceMapping![0]!.snapshotId!;
      const busy = await sdkError(h.client(mode).deleteImage(new E.DeleteImageRequest({ regionId: DEST, imageId: id })));
      assert.deepEqual([busy.code, busy.statusCode], ['OperationDenied.ImageCopying', 403]);
      const wrongRegion = await sdkError(h.client(mode).cancelCopyImage(new E.CancelCopyImageRequest({ regionId: REGION, imageId: id })));
      assert.deepEqual([wrongRegion.code, wrongRegion.statusCode], ['InvalidImageId.NotFound', 404]);
      await h.client(mode).cancelCopyImage(new E.CancelCopyImageRequest({ regionId: DEST, imageId: id }));
      assert.deepEqual(await images(DEST, { imageId: id }), []);
      assert.ok(!(await snapshotsIn(DEST)).some((s) => s.snapshotId === snap), 'the copy snapshot is gone');
      const notCopy = await sdkError(h.client(mode).cancelCopyImage(new E.CancelCopyImageRequest({ regionId: REGION, imageId: source })));
      assert.deepEqual([notCopy.code, notCopy.statusCode], ['ImageCreatedNotFromCopy', 400]);
    });

    test('CopyImage refuses a missing or unready source and an unknown destination', async () => {
      const missing = await sdkError(copy({ imageId: 'm-nothere' }));
      assert.deepEqual([missing.code, missing.statusCode], ['InvalidImageId.NotFound', 404]);
      const nowhere = await sdkError(copy({ destinationRegionId: 'xx-nowhere-1' }));
      assert.deepEqual([nowhere.code, nowhere.statusCode], ['DestinationRegion.NotFound', 400]);
      const young = (
        await h
          .client(mode)
          .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${owner}`, imageName: 'young' }))
      ).body!.imageId!;
      const unready = await sdkError(copy({ imageId: young }));
      assert.deepEqual([unready.code, unready.statusCode], ['IncorrectImageStatus', 400]);
    });

    test('a shared image is seen by the other account as others, launchable, not changeable; unsharing revokes it', async () => {
      const share = (body: Partial<E.ModifyImageSharePermissionRequest>) =>
        h.client(mode).modifyImageSharePermission(new E.ModifyImageSharePermissionRequest({ regionId: REGION, imageId: source, ...body }));
      const self = await sdkError(share({ addAccount: [String(owner)] }));
      assert.deepEqual([self.code, self.statusCode], ['InvalidAccount.Forbbiden', 404]);
      assert.deepEqual(await images(REGION, { imageOwnerAlias: 'others' }, true), []);
      await share({ addAccount: [String(other)] });
      const perms = (
        await h.client(mode).describeImageSharePermission(new E.DescribeImageSharePermissionRequest({ regionId: REGION, imageId: source }))
      ).body!;
      assert.deepEqual([perms.totalCount, perms.accounts!.account!.map((a) => a.aliyunId)], [1, [String(other)]]);
      const seen = await images(REGION, { imageOwnerAlias: 'others' }, true);
      assert.deepEqual(
        seen.map((i) => [i.imageId, i.imageOwnerAlias, String(i.imageOwnerId)]),
        [[source, 'others', String(owner)]],
      );
      assert.deepEqual(await images(DEST, { imageOwnerAlias: 'others' }, true), [], 'a share is visible in its region only');
      assert.ok(!(await images(REGION, { imageOwnerAlias: 'self' }, true)).some((i) => i.imageId === source));
      const launch = () =>
        h.client(mode, true).runInstances(
          new E.RunInstancesRequest({
            regionId: REGION,
            imageId: source,
            instanceType: 'ecs.g7.large',
            vSwitchId: `vsw-default-${other}`,
            securityGroupIds: [`sg-default-${other}`],
          }),
        );
      assert.equal((await launch()).body!.instanceIdSets!.instanceIdSet!.length, 1, 'the other account launches from the shared image');
      const modify = await sdkError(
        h
          .client(mode, true)
          .modifyImageAttribute(new E.ModifyImageAttributeRequest({ regionId: REGION, imageId: source, imageName: 'mine' })),
      );
      assert.deepEqual([modify.code, modify.statusCode], ['InvalidImageId.NotFound', 404]);
      const del = await sdkError(h.client(mode, true).deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: source })));
      assert.deepEqual([del.code, del.statusCode], ['InvalidImageId.NotFound', 404]);
      const inUse = await sdkError(h.client(mode).deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: source })));
      assert.deepEqual([inUse.code, inUse.statusCode], ['ImageUseShared', 403]);
      await share({ removeAccount: [String(other)] });
      assert.deepEqual(await images(REGION, { imageOwnerAlias: 'others' }, true), []);
      const revoked = await sdkError(launch());
      assert.deepEqual([revoked.code, revoked.statusCode], ['InvalidImageId.NotFound', 404]);
    });
  });
}
