import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { CREATE_SECONDS, REGION, useHarness, type Harness } from './testing.js';

const describeOne = async (h: Harness, imageId: string) =>
  (await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId, status: 'ALL' }))).body!.images!.image![0]!;

for (const mode of ['v3', 'v1'] as const) {
  describe(`CreateImage through the SDK (${mode} signatures)`, () => {
    const h = useHarness();
    const acct = h.accounts[0];

    test('creates an image from a Running instance with one new snapshot per disk, marked Usage=image', async () => {
      const c = h.client(mode);
      const r = await c.createImage(
        new E.CreateImageRequest({ regionId: REGION, instanceId: `i-running-${acct}`, imageName: `from-instance-${mode}` }),
      );
      assert.match(r.body!.imageId!, /^m-[a-z0-9]{20}$/);
      const img = await describeOne(h, r.body!.imageId!);
      const maps = img.diskDeviceMappings!.diskDeviceMapping!;
      assert.deepEqual(
        maps.map((m) => [m.device, m.type, m.size]),
        [
          ['/dev/xvda', 'system', '40'],
          ['/dev/xvdb', 'data', '100'],
        ],
      );
      assert.equal(img.platform, 'Ubuntu');
      const snaps = await c.describeSnapshots(
        new E.DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify(maps.map((m) => m.snapshotId)) }),
      );
      assert.equal(snaps.body!.totalCount, 2);
      assert.ok(snaps.body!.snapshots!.snapshot!.every((s) => s.usage === 'image' && !String(s.snapshotId).startsWith('s-running')));
    });

    test('creates an image from a Stopped instance too', async () => {
      const r = await h
        .client(mode)
        .createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-stopped-${acct}`, imageName: `from-stopped-${mode}` }));
      assert.ok(r.body!.imageId);
    });

    test('creates an image from a system-disk snapshot with Platform Others Linux by default', async () => {
      const r = await h
        .client(mode)
        .createImage(
          new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: `from-snap-${mode}` }),
        );
      const img = await describeOne(h, r.body!.imageId!);
      assert.equal(img.platform, 'Others Linux');
      assert.equal(img.architecture, 'x86_64');
      assert.deepEqual(
        img.diskDeviceMappings!.diskDeviceMapping!.map((m) => [m.device, m.snapshotId, m.size]),
        [['/dev/xvda', `s-running-system-${acct}`, '40']],
      );
    });

    test('creates an image from DiskDeviceMapping with a system and a data disk and auto-assigned devices', async () => {
      const r = await h.client(mode).createImage(
        new E.CreateImageRequest({
          regionId: REGION,
          imageName: `from-mapping-${mode}`,
          platform: 'Ubuntu',
          architecture: 'x86_64',
          diskDeviceMapping: [
            new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}`, diskType: 'system', size: 50 }),
            new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-data-${acct}`, diskType: 'data' }),
            new E.CreateImageRequestDiskDeviceMapping({ diskType: 'data', size: 30 }),
          ],
        }),
      );
      const img = await describeOne(h, r.body!.imageId!);
      assert.deepEqual(
        img.diskDeviceMappings!.diskDeviceMapping!.map((m) => [m.device, m.type, m.snapshotId, m.size]),
        [
          ['/dev/xvda', 'system', `s-running-system-${acct}`, '50'],
          ['/dev/xvdb', 'data', `s-running-data-${acct}`, '100'],
          ['/dev/xvdc', 'data', '', '30'],
        ],
      );
      assert.equal(img.size, 50);
      assert.equal(img.platform, 'Ubuntu');
    });

    test('prefers InstanceId over DiskDeviceMapping over SnapshotId', async () => {
      const c = h.client(mode);
      const a = await c.createImage(
        new E.CreateImageRequest({
          regionId: REGION,
          instanceId: `i-stopped-${acct}`,
          snapshotId: `s-running-system-${acct}`,
          imageName: `prec-a-${mode}`,
        }),
      );
      assert.equal((await describeOne(h, a.body!.imageId!)).diskDeviceMappings!.diskDeviceMapping!.length, 2);
      const b = await c.createImage(
        new E.CreateImageRequest({
          regionId: REGION,
          snapshotId: `s-running-system-${acct}`,
          imageName: `prec-b-${mode}`,
          diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-stopped-system-${acct}` })],
        }),
      );
      assert.equal(
        (await describeOne(h, b.body!.imageId!)).diskDeviceMappings!.diskDeviceMapping![0]!.snapshotId,
        `s-stopped-system-${acct}`,
      );
    });

    test('returns the same ImageId for a repeated ClientToken and refuses the token with other parameters', async () => {
      const c = h.client(mode);
      const req = () =>
        new E.CreateImageRequest({
          regionId: REGION,
          snapshotId: `s-stopped-system-${acct}`,
          imageName: `idem-${mode}`,
          clientToken: `tok-${mode}`,
        });
      const first = await c.createImage(req());
      const second = await c.createImage(req());
      assert.equal(second.body!.imageId, first.body!.imageId);
      const list = await c.describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageName: `idem-${mode}`, status: 'ALL' }));
      assert.equal(list.body!.totalCount, 1);
      const err = await sdkError(
        c.createImage(
          new E.CreateImageRequest({
            regionId: REGION,
            snapshotId: `s-stopped-system-${acct}`,
            imageName: `idem2-${mode}`,
            clientToken: `tok-${mode}`,
          }),
        ),
      );
      assert.equal(err.code, 'IdempotentParameterMismatch');
      assert.equal(err.statusCode, 400);
    });
  });
}

describe('CreateImage lifecycle', () => {
  const h = useHarness();

  test('goes Waiting, then Creating with rising Progress, then Available, and Usable a moment later', async () => {
    const acct = h.accounts[0];
    const id = (
      await h.client().createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-running-${acct}`, imageName: 'lifecycle' }))
    ).body!.imageId!;
    let img = await describeOne(h, id);
    assert.deepEqual([img.status, img.progress, img.usable], ['Waiting', '0%', false]);
    const hidden = await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: id }));
    assert.equal(hidden.body!.totalCount, 0, 'DescribeImages without Status shows Available images only');
    h.advance(CREATE_SECONDS * 0.55);
    img = await describeOne(h, id);
    assert.equal(img.status, 'Creating');
    assert.equal(img.progress, '50%');
    assert.equal(img.usable, false);
    h.advance(CREATE_SECONDS * 0.45 + 0.1);
    img = await describeOne(h, id);
    assert.deepEqual(
      [img.status, img.progress, img.usable],
      ['Available', '100%', false],
      'Available comes before Usable (default lag 0.5 s)',
    );
    h.advance(0.5);
    img = await describeOne(h, id);
    assert.deepEqual([img.status, img.progress, img.usable], ['Available', '100%', true]);
    assert.equal(img.diskDeviceMappings!.diskDeviceMapping![0]!.progress, '100%');
  });

  test('ends in CreateFailed when the name carries the emulator:fail marker', async () => {
    const acct = h.accounts[0];
    const id = (
      await h
        .client()
        .createImage(
          new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: 'doomed-emulator:fail' }),
        )
    ).body!.imageId!;
    h.advance(CREATE_SECONDS);
    const img = await describeOne(h, id);
    assert.deepEqual([img.status, img.usable], ['CreateFailed', false]);
  });
});

describe('CreateImage validation', () => {
  const h = useHarness();
  const acct = h.accounts[0];

  const cases: [name: string, fields: () => Record<string, unknown>, code: string, status: number][] = [
    ['no source', () => ({ imageName: 'nosource' }), 'MissingParameter', 400],
    ['instance not found', () => ({ instanceId: 'i-nope' }), 'InvalidInstanceId.NotFound', 404],
    ['security-locked instance', () => ({ instanceId: `i-locked-${acct}` }), 'InstanceLockedForSecurity', 400],
    ['snapshot not found', () => ({ snapshotId: 's-nope' }), 'InvalidSnapshotId.NotFound', 404],
    ['snapshot from 2013', () => ({ snapshotId: `s-old-system-${acct}` }), 'InvalidSnapshot.TooOld', 403],
    ['data-disk snapshot as SnapshotId', () => ({ snapshotId: `s-running-data-${acct}` }), 'OperationDenied', 403],
    [
      'name starting with a digit',
      () => ({ snapshotId: `s-running-system-${acct}`, imageName: '1abc' }),
      'InvalidImageName.Malformed',
      400,
    ],
    ['name with a space', () => ({ snapshotId: `s-running-system-${acct}`, imageName: 'a b' }), 'InvalidImageName.Malformed', 400],
    ['name of one character', () => ({ snapshotId: `s-running-system-${acct}`, imageName: 'a' }), 'InvalidImageName.Malformed', 400],
    [
      'name starting with aliyun',
      () => ({ snapshotId: `s-running-system-${acct}`, imageName: 'aliyunimage' }),
      'InvalidImageName.Malformed',
      400,
    ],
    [
      'name starting with acs:',
      () => ({ snapshotId: `s-running-system-${acct}`, imageName: 'acs:image' }),
      'InvalidImageName.Malformed',
      400,
    ],
    [
      'name longer than 128',
      () => ({ snapshotId: `s-running-system-${acct}`, imageName: 'a'.repeat(129) }),
      'InvalidImageName.Malformed',
      400,
    ],
    [
      'description with http://',
      () => ({ snapshotId: `s-running-system-${acct}`, description: 'http://x' }),
      'InvalidDescription.Malformed',
      400,
    ],
    [
      'description of one character',
      () => ({ snapshotId: `s-running-system-${acct}`, description: 'x' }),
      'InvalidDescription.Malformed',
      400,
    ],
    [
      'description longer than 256',
      () => ({ snapshotId: `s-running-system-${acct}`, description: 'x'.repeat(257) }),
      'InvalidDescription.Malformed',
      400,
    ],
    ['unknown platform', () => ({ snapshotId: `s-running-system-${acct}`, platform: 'Windows 95' }), 'InvalidPlatform.Malformed', 400],
    [
      'unknown architecture',
      () => ({ snapshotId: `s-running-system-${acct}`, architecture: 'sparc' }),
      'InvalidArchitecture.Malformed',
      400,
    ],
    [
      'image version longer than 40',
      () => ({ snapshotId: `s-running-system-${acct}`, imageVersion: 'v'.repeat(41) }),
      'InvalidImageVersion.Malformed',
      400,
    ],
    ['unknown boot mode', () => ({ snapshotId: `s-running-system-${acct}`, bootMode: 'Legacy' }), 'InvalidBootMode.ValueNotSupported', 400],
    [
      'unknown resource group',
      () => ({ snapshotId: `s-running-system-${acct}`, resourceGroupId: 'rg-nope' }),
      'InvalidResourceGroup.NotFound',
      404,
    ],
    [
      'client token longer than 64',
      () => ({ snapshotId: `s-running-system-${acct}`, clientToken: 't'.repeat(65) }),
      'InvalidParameter',
      400,
    ],
    [
      'duplicate tag keys',
      () => ({
        snapshotId: `s-running-system-${acct}`,
        tag: [new E.CreateImageRequestTag({ key: 'k', value: '1' }), new E.CreateImageRequestTag({ key: 'k', value: '2' })],
      }),
      'Duplicate.TagKey',
      400,
    ],
    [
      'tag key starting with aliyun',
      () => ({ snapshotId: `s-running-system-${acct}`, tag: [new E.CreateImageRequestTag({ key: 'aliyun-x', value: '1' })] }),
      'InvalidTagKey.Malformed',
      400,
    ],
    [
      'tag value starting with acs:',
      () => ({ snapshotId: `s-running-system-${acct}`, tag: [new E.CreateImageRequestTag({ key: 'k', value: 'acs:x' })] }),
      'InvalidTagValue.Malformed',
      400,
    ],
    [
      '21 tags',
      () => ({
        snapshotId: `s-running-system-${acct}`,
        tag: Array.from({ length: 21 }, (_, i) => new E.CreateImageRequestTag({ key: `k${i}`, value: 'v' })),
      }),
      'NumberExceed.Tags',
      400,
    ],
    [
      'mapping without a system disk',
      () => ({ diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-data-${acct}` })] }),
      'OperationDenied',
      400,
    ],
    [
      'mapping with two system disks',
      () => ({
        diskDeviceMapping: [
          new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}` }),
          new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-stopped-system-${acct}` }),
        ],
      }),
      'OperationDenied',
      400,
    ],
    [
      'mapping with 17 data disks',
      () => ({
        diskDeviceMapping: [
          new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}` }),
          ...Array.from({ length: 17 }, () => new E.CreateImageRequestDiskDeviceMapping({ diskType: 'data', size: 20 })),
        ],
      }),
      'OperationDenied',
      400,
    ],
    [
      'mapping size below the snapshot size',
      () => ({ diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}`, size: 30 })] }),
      'InvalidSize.ValueNotSupported',
      400,
    ],
    [
      'mapping size above 32768',
      () => ({ diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}`, size: 40000 })] }),
      'InvalidSize.ValueNotSupported',
      400,
    ],
    [
      'mapping device outside /dev/xvd[a-z]',
      () => ({
        diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}`, device: '/dev/sda' })],
      }),
      'InvalidDevice.Malformed',
      400,
    ],
    [
      'system disk not on /dev/xvda',
      () => ({
        diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}`, device: '/dev/xvdb' })],
      }),
      'InvalidDevice.Malformed',
      400,
    ],
    [
      'two disks on one device',
      () => ({
        diskDeviceMapping: [
          new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}` }),
          new E.CreateImageRequestDiskDeviceMapping({ diskType: 'data', size: 20, device: '/dev/xvdc' }),
          new E.CreateImageRequestDiskDeviceMapping({ diskType: 'data', size: 20, device: '/dev/xvdc' }),
        ],
      }),
      'InvalidDevice.InUse',
      400,
    ],
    [
      'unknown disk type',
      () => ({
        diskDeviceMapping: [new E.CreateImageRequestDiskDeviceMapping({ snapshotId: `s-running-system-${acct}`, diskType: 'root' })],
      }),
      'InvalidDiskType.ValueNotSupported',
      400,
    ],
  ];
  for (const [name, fields, code, status] of cases) {
    test(`rejects ${name} with ${code}`, async () => {
      const err = await sdkError(h.client().createImage(new E.CreateImageRequest({ regionId: REGION, ...fields() })));
      assert.equal(err.code, code, err.message);
      assert.equal(err.statusCode, status);
    });
  }

  test('accepts names starting with a Chinese character and containing . : _ -', async () => {
    const r = await h
      .client()
      .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: '镜像v1.0:a_b-c' }));
    const img = (
      await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: r.body!.imageId, status: 'ALL' }))
    ).body!.images!.image![0]!;
    assert.equal(img.imageName, '镜像v1.0:a_b-c');
  });

  test('rejects an ImageName already used in the region with InvalidImageName.Duplicated', async () => {
    const c = h.client();
    await c.createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: 'twice' }));
    const err = await sdkError(
      c.createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: 'twice' })),
    );
    assert.equal(err.code, 'InvalidImageName.Duplicated');
  });

  test('refuses an instance that is still starting with IncorrectInstanceStatus', async () => {
    h.emu.db
      .prepare("UPDATE instances SET status = 'Pending', status_since = ? WHERE id = ?")
      .run(Date.now() + 60_000, `i-stopped-${acct}`);
    const err = await sdkError(h.client().createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-stopped-${acct}` })));
    assert.equal(err.code, 'IncorrectInstanceStatus');
    h.emu.db.prepare("UPDATE instances SET status = 'Stopped' WHERE id = ?").run(`i-stopped-${acct}`);
  });

  test('refuses a snapshot that is not accomplished with InvalidSnapshotId.NotReady', async () => {
    const id = (await h.client().createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-running-${acct}` }))).body!
      .imageId!;
    const snap = (await describeOne(h, id)).diskDeviceMappings!.diskDeviceMapping![0]!.snapshotId!;
    const err = await sdkError(h.client().createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: snap })));
    assert.equal(err.code, 'InvalidSnapshotId.NotReady');
    assert.equal(err.statusCode, 403);
  });

  test('answers DryRunOperation without creating anything', async () => {
    const err = await sdkError(
      h
        .client()
        .createImage(
          new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: 'dry', dryRun: true }),
        ),
    );
    assert.equal(err.code, 'DryRunOperation');
    const list = await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageName: 'dry', status: 'ALL' }));
    assert.equal(list.body!.totalCount, 0);
  });
});

describe('CreateImage from an instance: Platform and OS', () => {
  const h = useHarness();
  const acct = h.accounts[0];

  test('takes Platform and OS names recorded on the instance at launch over those of its source image', async () => {
    const { updateInstance } = await import('../instances/repository.js');
    updateInstance(h.emu.db, `i-running-${acct}`, {
      platform: 'AlmaLinux',
      osType: 'linux',
      osName: 'AlmaLinux 9.2 64位',
      osNameEn: 'AlmaLinux 9.2 64 bit',
    });
    const id = (
      await h
        .client()
        .createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-running-${acct}`, imageName: 'os-from-instance' }))
    ).body!.imageId!;
    const img = await describeOne(h, id);
    assert.equal(img.platform, 'AlmaLinux');
    assert.equal(img.OSName, 'AlmaLinux 9.2 64位');
    assert.equal(img.OSNameEn, 'AlmaLinux 9.2 64 bit');
    assert.equal(img.OSType, 'linux');
  });

  test('falls back to the source image when the instance recorded no platform, and an explicit Platform wins over both', async () => {
    const { updateInstance, getInstance } = await import('../instances/repository.js');
    const { findImageAnyOwner } = await import('./repository.js');
    updateInstance(h.emu.db, `i-stopped-${acct}`, { platform: '', osName: '' });
    const source = findImageAnyOwner(h.emu.db, acct, getInstance(h.emu.db, acct, REGION, `i-stopped-${acct}`)!.imageId)!;
    const a = (
      await h
        .client()
        .createImage(new E.CreateImageRequest({ regionId: REGION, instanceId: `i-stopped-${acct}`, imageName: 'os-from-image' }))
    ).body!.imageId!;
    assert.equal((await describeOne(h, a)).platform, source.platform);
    const b = (
      await h.client().createImage(
        new E.CreateImageRequest({
          regionId: REGION,
          instanceId: `i-stopped-${acct}`,
          imageName: 'os-explicit',
          platform: 'Windows Server 2022',
        }),
      )
    ).body!.imageId!;
    const img = await describeOne(h, b);
    assert.equal(img.platform, 'Windows Server 2022');
    assert.equal(img.OSType, 'windows');
  });
});
