import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { ossClient, ossErrorCode } from '../test-support/oss-client.js';
import { CREATE_SECONDS, REGION, SECOND_KEY_ID, SECOND_KEY_SECRET, startHarness, type Harness } from './testing.js';

describe('ImportImage, ExportImage and their tasks', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    const oss = ossClient(h.emu.endpoint, { bucket: 'disk-images' });
    await oss.putBucket('disk-images');
    await oss.put('golden/system.qcow2', Buffer.from('QFI\xfb golden', 'latin1'));
    await oss.put('golden/data.raw', Buffer.from('data disk'));
  });
  after(() => h.stop());

  const mapping = (bucket: string, object: string, extra: Partial<E.ImportImageRequestDiskDeviceMapping> = {}) =>
    new E.ImportImageRequestDiskDeviceMapping({ OSSBucket: bucket, OSSObject: object, ...extra });
  const describeImage = async (id: string) =>
    (await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id, status: 'ALL' }))).body!.images!
      .image![0]!;

  for (const mode of ['v3', 'v1'] as const) {
    test(`imports from objects (${mode}): Creating with progress, then Available with the OSS source on each disk`, async () => {
      const res = await h.client(mode).importImage(
        new E.ImportImageRequest({
          regionId: REGION,
          imageName: `imported-${mode}`,
          platform: 'Ubuntu',
          diskDeviceMapping: [
            mapping('disk-images', 'golden/system.qcow2', { format: 'qcow2', diskImageSize: 40 }),
            mapping('disk-images', 'golden/data.raw', { format: 'RAW', diskImageSize: 10 }),
          ],
        }),
      );
      const id = res.body!.imageId!;
      assert.match(res.body!.taskId!, /^t-/);
      h.advance(CREATE_SECONDS / 2);
      const mid = await describeImage(id);
      assert.equal(mid.status, 'Creating');
      assert.ok(Number.parseInt(mid.progress!, 10) > 0 && Number.parseInt(mid.progress!, 10) < 100, mid.progress);
      h.advance(CREATE_SECONDS);
      const done = await describeImage(id);
      assert.equal(done.status, 'Available');
      assert.deepEqual(
        done.diskDeviceMappings!.diskDeviceMapping!.map((d) => [d.type, d.device, d.size, d.format, d.importOSSBucket, d.importOSSObject]),
        [
          ['system', '/dev/xvda', '40', 'qcow2', 'disk-images', 'golden/system.qcow2'],
          ['data', '/dev/xvdb', '10', 'RAW', 'disk-images', 'golden/data.raw'],
        ],
      );
      assert.deepEqual([done.platform, done.architecture, done.OSType, done.licenseType], ['Ubuntu', 'x86_64', 'linux', 'Auto']);
      const tasks = await h.client(mode).describeTasks(new E.DescribeTasksRequest({ regionId: REGION, taskIds: res.body!.taskId }));
      assert.deepEqual(
        tasks.body!.taskSet!.task!.map((t) => [t.taskAction, t.taskStatus, t.resourceId]),
        [['ImportImage', 'Finished', id]],
      );
    });
  }

  test('a missing object or bucket gives InvalidOSSObject.NotFound / InvalidOSSBucket.NotFound and creates nothing', async () => {
    const before = (
      await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageOwnerAlias: 'self', status: 'ALL' }))
    ).body!.totalCount;
    const noObject = await sdkError(
      h
        .client()
        .importImage(new E.ImportImageRequest({ regionId: REGION, diskDeviceMapping: [mapping('disk-images', 'golden/missing.qcow2')] })),
    );
    assert.deepEqual([noObject.code, noObject.statusCode], ['InvalidOSSObject.NotFound', 400]);
    assert.match(noObject.message, /golden\/missing\.qcow2/);
    const noBucket = await sdkError(
      h.client().importImage(new E.ImportImageRequest({ regionId: REGION, diskDeviceMapping: [mapping('no-such-bucket', 'x')] })),
    );
    assert.equal(noBucket.code, 'InvalidOSSBucket.NotFound');
    const otherRegion = await sdkError(
      h
        .client()
        .importImage(
          new E.ImportImageRequest({ regionId: 'cn-beijing', diskDeviceMapping: [mapping('disk-images', 'golden/system.qcow2')] }),
        ),
    );
    assert.equal(otherRegion.code, 'InvalidOSSBucket.NotMatched');
    const otherAccount = await sdkError(
      h
        .client('v3', true)
        .importImage(new E.ImportImageRequest({ regionId: REGION, diskDeviceMapping: [mapping('disk-images', 'golden/system.qcow2')] })),
    );
    assert.equal(otherAccount.code, 'InvalidOSSBucket.NotFound');
    const noMapping = await sdkError(h.client().importImage(new E.ImportImageRequest({ regionId: REGION })));
    assert.equal(noMapping.code, 'MissingParameter.DiskDeviceMapping');
    const badFormat = await sdkError(
      h.client().importImage(
        new E.ImportImageRequest({
          regionId: REGION,
          diskDeviceMapping: [mapping('disk-images', 'golden/system.qcow2', { format: 'ISO' })],
        }),
      ),
    );
    assert.equal(badFormat.code, 'InvalidImageFormat.Malformed');
    const after = (
      await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageOwnerAlias: 'self', status: 'ALL' }))
    ).body!.totalCount;
    assert.equal(after, before);
  });

  test('exports an Available image to the bucket as <prefix>_<imageId>_system.raw.tar.gz, read back with the OSS client', async () => {
    const id = (
      await h.client().importImage(
        new E.ImportImageRequest({
          regionId: REGION,
          imageName: 'to-export',
          diskDeviceMapping: [mapping('disk-images', 'golden/system.qcow2')],
        }),
      )
    ).body!.imageId!;
    const early = await sdkError(
      h.client().exportImage(new E.ExportImageRequest({ regionId: REGION, imageId: id, OSSBucket: 'disk-images' })),
    );
    assert.equal(early.code, 'IncorrectImageStatus');
    h.advance(CREATE_SECONDS + 1);
    const res = await h
      .client()
      .exportImage(new E.ExportImageRequest({ regionId: REGION, imageId: id, OSSBucket: 'disk-images', OSSPrefix: 'golden' }));
    const taskId = res.body!.taskId!;
    const again = await sdkError(
      h.client().exportImage(new E.ExportImageRequest({ regionId: REGION, imageId: id, OSSBucket: 'disk-images' })),
    );
    assert.equal(again.code, 'ImageIsExporting');
    const running = await h.client().describeTaskAttribute(new E.DescribeTaskAttributeRequest({ regionId: REGION, taskId }));
    assert.deepEqual([running.body!.taskAction, running.body!.taskStatus], ['ExportImage', 'Processing']);
    h.advance(CREATE_SECONDS);
    const finished = await h.client().describeTaskAttribute(new E.DescribeTaskAttributeRequest({ regionId: REGION, taskId }));
    assert.deepEqual([finished.body!.taskStatus, finished.body!.taskProcess], ['Finished', '100%']);
    const oss = ossClient(h.emu.endpoint, { bucket: 'disk-images' });
    const obj = await oss.get(`golden_${id}_system.raw.tar.gz`);
    assert.match(obj.content.toString(), new RegExp(`image: ${id}`));
    const listed = await oss.list({ prefix: `golden_${id}`, 'max-keys': 10 }, {});
    assert.deepEqual(
      listed.objects.map((o) => o.name),
      [`golden_${id}_system.raw.tar.gz`],
    );
    const missingBucket = await sdkError(
      h.client().exportImage(new E.ExportImageRequest({ regionId: REGION, imageId: id, OSSBucket: 'nope-bucket' })),
    );
    assert.equal(missingBucket.code, 'InvalidOSSBucket.NotFound');
    const badPrefix = await sdkError(
      h
        .client()
        .exportImage(new E.ExportImageRequest({ regionId: REGION, imageId: id, OSSBucket: 'disk-images', OSSPrefix: 'bad/prefix' })),
    );
    assert.equal(badPrefix.code, 'InvalidOSSPrefix.Malformed');
    const missingTask = await sdkError(
      h.client().describeTaskAttribute(new E.DescribeTaskAttributeRequest({ regionId: REGION, taskId: 't-nothing' })),
    );
    assert.deepEqual([missingTask.code, missingTask.statusCode], ['InvalidTaskId.NotFound', 404]);
    // The second account sees neither the task nor the object.
    assert.equal(
      (
        await ossErrorCode(
          ossClient(h.emu.endpoint, { bucket: 'disk-images', accessKeyId: SECOND_KEY_ID, accessKeySecret: SECOND_KEY_SECRET }).get(
            `golden_${id}_system.raw.tar.gz`,
          ),
        )
      ).code,
      'AccessDenied',
    );
  });
});
