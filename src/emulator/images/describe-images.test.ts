import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { CREATE_SECONDS, REGION, startHarness, type Harness } from './testing.js';

describe('DescribeImages', () => {
  let h: Harness;
  let acct: number;
  const ids: string[] = [];
  before(async () => {
    h = await startHarness();
    acct = h.accounts[0];
    for (let i = 0; i < 12; i++) {
      const tag = [new E.CreateImageRequestTag({ key: 'batch', value: i % 2 === 0 ? 'even' : 'odd' })];
      const r = await h.client().createImage(
        new E.CreateImageRequest({
          regionId: REGION,
          snapshotId: `s-running-system-${acct}`,
          imageName: `batch-${String(i).padStart(2, '0')}`,
          tag,
          imageFamily: i < 3 ? 'fam-a' : undefined,
          architecture: i === 0 ? 'arm64' : undefined,
          resourceGroupId: i === 1 ? `rg-dev-${acct}` : undefined,
        }),
      );
      ids.push(r.body!.imageId!);
      h.advance(1);
    }
    h.advance(CREATE_SECONDS + 1); // past Available and the Usable lag
  });
  after(() => h.stop());
  const list = (req: Partial<E.DescribeImagesRequest>) =>
    h
      .client()
      .describeImages(new E.DescribeImagesRequest({ regionId: REGION, ...req }))
      .then((r) => r.body!);

  test('returns public and own images, newest first, ten per page by default with the full TotalCount', async () => {
    const body = await list({});
    assert.equal(body.totalCount, 12 + 9);
    assert.equal(body.pageSize, 10);
    assert.equal(body.pageNumber, 1);
    assert.equal(body.regionId, REGION);
    assert.deepEqual(
      body.images!.image!.map((i) => i.imageId),
      [...ids].reverse().slice(0, 10),
    );
  });

  test('pages with PageNumber and PageSize', async () => {
    const page = await list({ imageOwnerAlias: 'self', pageSize: 5, pageNumber: 3 });
    assert.deepEqual(
      page.images!.image!.map((i) => i.imageId),
      [ids[1], ids[0]],
    );
    assert.equal(page.totalCount, 12);
  });

  test('rejects a PageSize above 100', async () => {
    const err = await sdkError(list({ pageSize: 101 }));
    assert.equal(err.statusCode, 400);
  });

  test('filters by owner alias, comma-separated ids, fuzzy name, family, architecture, group and tags', async () => {
    assert.equal((await list({ imageOwnerAlias: 'system' })).totalCount, 9);
    assert.equal((await list({ imageOwnerAlias: 'others' })).totalCount, 0);
    assert.equal((await list({ imageId: `${ids[0]},${ids[5]},m-doesnotexist` })).totalCount, 2);
    assert.equal((await list({ imageName: 'BATCH-1' })).totalCount, 2, 'batch-10 and batch-11');
    assert.equal((await list({ imageFamily: 'fam-a' })).totalCount, 3);
    assert.deepEqual(
      (await list({ architecture: 'arm64', imageOwnerAlias: 'self' })).images!.image!.map((i) => i.imageId),
      [ids[0]],
    );
    assert.deepEqual(
      (await list({ resourceGroupId: `rg-dev-${acct}` })).images!.image!.map((i) => i.imageId),
      [ids[1]],
    );
    assert.equal((await list({ tag: [new E.DescribeImagesRequestTag({ key: 'batch', value: 'odd' })] })).totalCount, 6);
    assert.equal((await list({ OSType: 'windows' })).totalCount, 1);
    assert.equal((await list({ snapshotId: `s-running-system-${acct}` })).totalCount, 12);
    assert.equal((await list({ usage: 'instance' })).totalCount, 2, 'the two Ubuntu/CentOS images the seeded instances run');
  });

  test('answers an empty list with 200 for ids that do not exist', async () => {
    const body = await list({ imageId: 'm-doesnotexist', status: 'ALL' });
    assert.equal(body.totalCount, 0);
    assert.deepEqual(body.images!.image, []);
  });

  test('rejects an unknown Status and ALL combined with another status', async () => {
    assert.equal((await sdkError(list({ status: 'Broken' }))).code, 'InvalidParameter');
    assert.equal((await sdkError(list({ status: 'ALL,Available' }))).code, 'InvalidParameter');
    assert.equal((await sdkError(list({ imageOwnerAlias: 'nobody' }))).code, 'InvalidImageOwnerAlias.ValueNotSupported');
  });

  test('finds the seeded Ubuntu x64 system images the Go acceptance tests look for', async () => {
    const body = await list({ imageOwnerAlias: 'system', pageSize: 100 });
    const ubuntu = body.images!.image!.filter((i) => /^ubuntu_[0-9]+_[0-9]+_x64*/.test(i.imageId!));
    assert.ok(ubuntu.length >= 2);
    assert.ok(body.images!.image!.some((i) => i.architecture === 'arm64'));
    assert.ok(ubuntu.every((i) => i.status === 'Available' && i.usable === true && i.imageOwnerAlias === 'system'));
  });

  test('InstanceType keeps the images that type can boot (architecture and boot mode); an unknown type is refused', async () => {
    const all = (await list({ pageSize: 100, status: 'Available' })).images!.image!;
    const g8i = (await list({ pageSize: 100, status: 'Available', instanceType: 'ecs.g8i.large' })).images!.image!;
    assert.ok(g8i.length > 0);
    assert.ok(
      g8i.every((i) => ['x86_64', 'i386'].includes(i.architecture!)),
      'an x86 type boots no arm64 image',
    );
    assert.ok(all.some((i) => i.architecture === 'arm64') && !g8i.some((i) => i.architecture === 'arm64'));
    assert.ok(
      g8i.some((i) => /^ubuntu_[0-9]+_[0-9]+_x64/.test(i.imageId!)),
      'the official tests find their Ubuntu image',
    );
    const old = (await list({ pageSize: 100, status: 'Available', instanceType: 'ecs.t6-c1m1.large' })).images!.image!;
    assert.ok(
      old.every((i) => i.bootMode !== 'UEFI'),
      'an older generation boots no UEFI-only image',
    );
    const err = await sdkError(
      h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, instanceType: 'ecs.nope.large' })),
    );
    assert.equal(err.code, 'InvalidInstanceType.ValueNotSupported');
  });

  test('DryRun checks the request only; IsSupportIoOptimized=false matches nothing (every image supports it)', async () => {
    const dry = await sdkError(h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, dryRun: true })));
    assert.equal(dry.code, 'DryRunOperation');
    assert.equal((await list({ isSupportIoOptimized: false })).totalCount, 0);
    assert.ok((await list({ isSupportIoOptimized: true })).totalCount! > 0);
    assert.equal((await list({ isSupportCloudinit: false })).totalCount, 0);
  });

  test('returns every Image field with the JSON types of the SDK model', async () => {
    const raw = await fetchRawImage(h, ids[3]!);
    const expectTypes: Record<string, string> = {
      ImageId: 'string',
      ImageName: 'string',
      Description: 'string',
      ImageFamily: 'string',
      ImageVersion: 'string',
      ImageOwnerAlias: 'string',
      ImageOwnerId: 'number',
      Status: 'string',
      Progress: 'string',
      Usable: 'boolean',
      CreationTime: 'string',
      Size: 'number',
      Architecture: 'string',
      Platform: 'string',
      OSType: 'string',
      OSName: 'string',
      OSNameEn: 'string',
      BootMode: 'string',
      Usage: 'string',
      IsCopied: 'boolean',
      IsSelfShared: 'string',
      IsSubscribed: 'boolean',
      IsSupportCloudinit: 'boolean',
      IsSupportIoOptimized: 'boolean',
      IsPublic: 'boolean',
      LoginAsNonRootSupported: 'boolean',
      ProductCode: 'string',
      SupplierName: 'string',
      LicenseType: 'string',
      ResourceGroupId: 'string',
      Features: 'object',
      SecureBootOptions: 'object',
      DetectionOptions: 'object',
      DiskDeviceMappings: 'object',
      Tags: 'object',
    };
    for (const [k, t] of Object.entries(expectTypes)) assert.equal(typeof raw[k], t, `${k} should be ${t}`);
    assert.match(raw.CreationTime as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(raw.Progress, '100%');
    assert.equal(raw.Description, '');
    const m = (raw.DiskDeviceMappings as { DiskDeviceMapping: Record<string, unknown>[] }).DiskDeviceMapping[0]!;
    assert.equal(typeof m.Size, 'string');
    assert.equal(typeof m.RemainTime, 'number');
    assert.equal(typeof m.Encrypted, 'boolean');
    assert.deepEqual((raw.Tags as { Tag: unknown[] }).Tag, [{ TagKey: 'batch', TagValue: 'odd' }]);
    assert.equal(typeof (raw.Features as Record<string, unknown>).NvmeSupport, 'string');
  });
});

/** The image as raw JSON (the SDK model would hide type mismatches). */
async function fetchRawImage(h: Harness, id: string): Promise<Record<string, unknown>> {
  const { callAction } = await import('../test-support/clients.js');
  const r = await callAction(h.client(), 'DescribeImages', { RegionId: REGION, ImageId: id, Status: 'ALL' });
  return (r.body.Images as { Image: Record<string, unknown>[] }).Image[0]!;
}
