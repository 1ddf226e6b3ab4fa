import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeImage } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { selectImages, toDescribeImagesFilter, toImageResults } from './mapping.js';
import { imagesSchema } from './schema.js';

const image = (id: string, name: string, created: string, extra: Record<string, unknown> = {}) =>
  decodeImage({ ImageId: id, ImageName: name, CreationTime: created, Status: 'Available', IsSupportIoOptimized: true, ...extra });

test('the DescribeImages filter maps owners, statuses and tags, defaulting to Available', () => {
  const f = toDescribeImagesFilter({ owners: 'system', tags: { env: 'prod' }, architecture: 'x86_64' });
  assert.deepEqual(
    [f.ImageOwnerAlias, f.Status, f.Tag, f.Architecture],
    ['system', ['Available'], [{ Key: 'env', Value: 'prod' }], 'x86_64'],
  );
  assert.deepEqual(toDescribeImagesFilter({ status: 'Available, Deprecated' }).Status, ['Available', 'Deprecated']);
});

test('name_regex skips images without a name, and most_recent keeps only the newest match', () => {
  const all = [
    image('m-1', 'ubuntu_22_04_x64', '2024-01-01T00:00:00Z'),
    image('m-2', '', '2025-01-01T00:00:00Z'),
    image('m-3', 'ubuntu_24_04_x64', '2024-06-01T00:00:00Z'),
    image('m-4', 'centos', '2026-01-01T00:00:00Z'),
  ];
  assert.deepEqual(
    selectImages(all, { name_regex: '^ubuntu_[0-9]+_[0-9]+_x64*' }).map((i) => i.ImageId),
    ['m-1', 'm-3'],
  );
  assert.deepEqual(
    selectImages(all, { name_regex: '^ubuntu', most_recent: true }).map((i) => i.ImageId),
    ['m-3'],
  );
  assert.deepEqual(selectImages(all, { is_support_io_optimized: false }), []);
});

test('image results take tags and disk mappings from the same DescribeImages response', () => {
  const [b] = toImageResults([
    image('m-1', 'u', '2024-01-01T00:00:00Z', {
      Tags: { Tag: [{ TagKey: 'k', TagValue: 'v' }] },
      DiskDeviceMappings: { DiskDeviceMapping: [{ Device: '/dev/xvda', Size: '20', SnapshotId: 's-1' }] },
    }),
  ]);
  assert.deepEqual(
    [b!.id, b!.image_id, b!.name, b!.state, b!.tags, b!.disk_device_mappings],
    ['m-1', 'm-1', 'u', 'Available', { k: 'v' }, [{ device: '/dev/xvda', size: '20', snapshot_id: 's-1' }]],
  );
});

test('validation needs one of name_regex, owners or image_owner_id and rejects a broken regex or status', () => {
  assert.ok(validationErrors(imagesSchema, {}).some((e) => /name_regex, owners, image_owner_id/.test(e)));
  assert.ok(validationErrors(imagesSchema, { name_regex: '([' }).some((e) => /^name_regex: .*valid regular expression/.test(e)));
  assert.ok(validationErrors(imagesSchema, { owners: 'system', status: 'Gone' }).some((e) => /^status: .*statuses among Creating/.test(e)));
  assert.ok(validationErrors(imagesSchema, { owners: 'me' }).some((e) => /^owners: .*"system", "self", "others", "marketplace"/.test(e)));
  assert.deepEqual(validationErrors(imagesSchema, { name_regex: '^ubuntu', owners: 'system' }), []);
});

test('instance_type, the support flags and the official CreateOS name reach DescribeImages', () => {
  const f = toDescribeImagesFilter({ instance_type: 'ecs.g8i.large', is_support_io_optimized: true, action_type: 'CreateOS', owners: '' });
  assert.deepEqual(
    [f.InstanceType, f.IsSupportIoOptimized, f.ActionType, f.ImageOwnerAlias],
    ['ecs.g8i.large', true, 'ChangeOS', undefined],
  );
});
