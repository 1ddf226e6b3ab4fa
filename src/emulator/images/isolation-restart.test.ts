import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from '@alicloud/ecs20140526';
import { rawV1, sdkError, v1CommonParams } from '../test-support/clients.js';
import { CREATE_SECONDS, REGION, startHarness } from './testing.js';

test("accounts never see or touch each other's images, snapshots, instances or tags", async () => {
  const h = await startHarness();
  try {
    const [a, b] = h.accounts;
    const id = (
      await h
        .client()
        .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${a}`, imageName: 'private' }))
    ).body!.imageId!;
    const other = h.client('v1', true);
    const seen = await other.describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id, status: 'ALL' }));
    assert.equal(seen.body!.totalCount, 0);
    assert.equal(
      (await sdkError(other.deleteImage(new E.DeleteImageRequest({ regionId: REGION, imageId: id })))).code,
      'InvalidImageId.NotFound',
    );
    assert.equal(
      (await sdkError(other.createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${a}` })))).code,
      'InvalidSnapshotId.NotFound',
    );
    assert.equal(
      (
        await sdkError(
          other.tagResources(
            new E.TagResourcesRequest({
              regionId: REGION,
              resourceType: 'image',
              resourceId: [id],
              tag: [new E.TagResourcesRequestTag({ key: 'x', value: 'y' })],
            }),
          ),
        )
      ).code,
      'InvalidResourceId.NotFound',
    );
    const inst = await other.describeInstances(new E.DescribeInstancesRequest({ regionId: REGION }));
    assert.deepEqual(inst.body!.instances!.instance!.map((i) => i.instanceId).sort(), [
      `i-locked-${b}`,
      `i-running-${b}`,
      `i-stopped-${b}`,
    ]);
    const same = await other.createImage(
      new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${b}`, imageName: 'private' }),
    );
    assert.notEqual(same.body!.imageId, id, 'image names are unique per account, not globally');
  } finally {
    await h.stop();
  }
});

test('a restart on the same database file keeps images, tags and a creation in progress', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emuimages-'));
  const file = join(dir, 'emu.sqlite');
  try {
    const h1 = await startHarness(file);
    const a = h1.accounts[0];
    const id = (
      await h1.client().createImage(
        new E.CreateImageRequest({
          regionId: REGION,
          instanceId: `i-running-${a}`,
          imageName: 'survivor',
          tag: [new E.CreateImageRequestTag({ key: 'keep', value: 'me' })],
        }),
      )
    ).body!.imageId!;
    h1.advance(CREATE_SECONDS * 0.4);
    const before = (await h1.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id, status: 'ALL' }))).body!
      .images!.image![0]!;
    assert.equal(before.status, 'Creating');
    await h1.stop();

    const h2 = await startHarness(file, CREATE_SECONDS * 0.4);
    try {
      const mid = (await h2.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id, status: 'ALL' }))).body!
        .images!.image![0]!;
      assert.equal(mid.status, 'Creating');
      assert.ok(Number.parseInt(mid.progress!, 10) >= Number.parseInt(before.progress!, 10));
      assert.deepEqual(
        mid.tags!.tag!.map((t) => [t.tagKey, t.tagValue]),
        [['keep', 'me']],
      );
      h2.advance(CREATE_SECONDS * 0.61); // past Available and the Usable lag
      const done = (await h2.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id }))).body!.images!
        .image![0]!;
      assert.deepEqual([done.status, done.usable], ['Available', true]);
      const seeded = await h2.client().describeInstances(new E.DescribeInstancesRequest({ regionId: REGION }));
      assert.equal(seeded.body!.totalCount, 3, 'seeds are not duplicated by a restart');
    } finally {
      await h2.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('accepts the Go provider request shape: params split between query and form body, zero-valued mapping sub-fields', async () => {
  const h = await startHarness();
  try {
    const a = h.accounts[0];
    const query = v1CommonParams('CreateImage');
    const body = new Map(
      Object.entries({
        RegionId: REGION,
        ClientToken: 'TF-CreateImage-1700000000-abcdef',
        ImageName: 'tf-go-shape',
        Architecture: 'x86_64',
        Description: 'from terraform',
        'Tag.1.Key': 'Created',
        'Tag.1.Value': 'TF',
        'Tag.2.Key': 'For',
        'Tag.2.Value': 'acceptance test123',
        'DiskDeviceMapping.1.SnapshotId': `s-running-system-${a}`,
        'DiskDeviceMapping.1.Size': '0',
        'DiskDeviceMapping.1.Device': '',
        'DiskDeviceMapping.1.DiskType': '',
        'DiskDeviceMapping.2.SnapshotId': `s-running-data-${a}`,
        'DiskDeviceMapping.2.Size': '0',
        'DiskDeviceMapping.2.Device': '',
        'DiskDeviceMapping.2.DiskType': 'data',
      }),
    );
    const r = await rawV1(h.emu.url, 'POST', query, body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const id = r.body.ImageId as string;
    h.advance(CREATE_SECONDS + 1); // past Available and the Usable lag
    const q2 = v1CommonParams('DescribeImages', { ImageId: id, RegionId: REGION, Status: 'ALL' });
    const d = await rawV1(h.emu.url, 'POST', q2, new Map());
    const img = (d.body.Images as { Image: Record<string, unknown>[] }).Image[0]!;
    assert.equal(img.Usable, true);
    assert.equal(img.Description, 'from terraform');
    assert.deepEqual(
      (img.DiskDeviceMappings as { DiskDeviceMapping: Record<string, unknown>[] }).DiskDeviceMapping.map((m) => [m.Device, m.Type, m.Size]),
      [
        ['/dev/xvda', 'system', '40'],
        ['/dev/xvdb', 'data', '100'],
      ],
    );
    const q3 = v1CommonParams('ModifyImageAttribute', { ImageId: id });
    const m = await rawV1(
      h.emu.url,
      'POST',
      q3,
      new Map([
        ['RegionId', REGION],
        ['Description', 'changed'],
        ['LicenseType', 'BYOL'],
        ['Features.NvmeSupport', 'supported'],
      ]),
    );
    assert.equal(m.status, 200, JSON.stringify(m.body));
    const q4 = v1CommonParams('DeleteImage', { ImageId: id });
    const del = await rawV1(
      h.emu.url,
      'POST',
      q4,
      new Map([
        ['RegionId', REGION],
        ['Force', 'false'],
      ]),
    );
    assert.equal(del.status, 200, JSON.stringify(del.body));
  } finally {
    await h.stop();
  }
});
