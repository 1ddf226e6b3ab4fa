import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeImage } from '../../ecs/index.js';
import { tagChanges } from '../common/index.js';
import {
  afterCreateInput,
  alignMappings,
  autoSnapshots,
  createImageInput,
  createToken,
  imageToState,
  modifyImageInput,
} from './mapping.js';
import { nullConfig, nullState } from '../../framework/testing/fixtures.js';
import { imageSchema, type ImageConfig, type ImageState } from './schema.js';

const DEFAULTS = { architecture: 'x86_64', force: false, delete_auto_snapshot: false } as const;
const config = (over: Partial<ImageConfig>) => nullConfig(imageSchema, { ...DEFAULTS, ...over });
const state = (over: Partial<ImageState>) => nullState(imageSchema, { ...DEFAULTS, ...over });
const noComputed = { format: null, progress: null, import_oss_bucket: null, import_oss_object: null, remain_time: null };

const apiImage = (over: Record<string, unknown> = {}) =>
  decodeImage({
    ImageId: 'm-1',
    ImageName: 'img',
    Description: '',
    Status: 'Available',
    Usable: true,
    CreationTime: '2024-01-01T00:00:00Z',
    Architecture: 'x86_64',
    Platform: 'Ubuntu',
    ResourceGroupId: 'rg-1',
    Features: { NvmeSupport: 'supported' },
    Tags: {
      Tag: [
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'acs:sys', TagValue: 'x' },
      ],
    },
    DiskDeviceMappings: {
      DiskDeviceMapping: [
        { Device: '/dev/xvda', Type: 'system', SnapshotId: 's-1', Size: '40', Progress: '100%', RemainTime: 0 },
        { Device: '/dev/xvdb', Type: 'data', SnapshotId: 's-2', Size: '100', Progress: '100%', RemainTime: 0 },
      ],
    },
    ...over,
  });

test('CreateImage input sends only configured arguments, the name from the deprecated alias, and always the architecture', () => {
  const input = createImageInput(
    config({ instance_id: 'i-1', name: 'old-name', tags: { k: 'v' }, license_type: 'BYOL', features: [{ nvme_support: 'supported' }] }),
  );
  // license_type and nvme_support are not CreateImage parameters: they follow in ModifyImageAttribute.
  assert.deepEqual(input, {
    InstanceId: 'i-1',
    ImageName: 'old-name',
    Architecture: 'x86_64',
    Tag: [{ Key: 'k', Value: 'v' }],
  });
  const disks = createImageInput(
    config({ disk_device_mapping: [{ snapshot_id: 's-1', size: null, device: null, disk_type: 'system', ...noComputed }] }),
  );
  assert.deepEqual(disks.DiskDeviceMapping, [{ SnapshotId: 's-1', DiskType: 'system' }]);
});

test('license_type and nvme_support are set by one ModifyImageAttribute after create, and only when configured', () => {
  assert.deepEqual(afterCreateInput('m-1', config({ license_type: 'BYOL', features: [{ nvme_support: 'supported' }] })), {
    ImageId: 'm-1',
    LicenseType: 'BYOL',
    Features: { NvmeSupport: 'supported' },
  });
  assert.deepEqual(afterCreateInput('m-1', config({ license_type: 'Auto' })), { ImageId: 'm-1', LicenseType: 'Auto' });
  assert.equal(afterCreateInput('m-1', config({ features: [{ nvme_support: null } as never] })), undefined);
  assert.equal(afterCreateInput('m-1', config({})), undefined);
});

test('the ClientToken is stable for equal requests, differs for different ones and when salted', () => {
  const a = createToken({ InstanceId: 'i-1', ImageName: 'x' });
  assert.equal(a, createToken({ ImageName: 'x', InstanceId: 'i-1' }));
  assert.notEqual(a, createToken({ InstanceId: 'i-1', ImageName: 'y' }));
  assert.notEqual(a, createToken({ InstanceId: 'i-1', ImageName: 'x' }, 'm-old'));
  assert.ok(a.length <= 64);
});

test('state from the API skips system tags, keeps unset tags null and keeps what the API cannot tell', () => {
  const s = imageToState(apiImage(), state({ id: 'm-1', instance_id: 'i-1' }));
  assert.deepEqual(s.tags, { a: '1' });
  assert.equal(s.instance_id, 'i-1');
  assert.equal(s.description, null);
  const none = imageToState(apiImage({ Tags: { Tag: [] } }), state({ id: 'm-1' }));
  assert.equal(none.tags, null);
  const empty = imageToState(apiImage({ Tags: { Tag: [] } }), state({ id: 'm-1', tags: {} }));
  assert.deepEqual(empty.tags, {});
});

test('disk mappings and features are always filled from the API (Optional+Computed blocks)', () => {
  const s = imageToState(apiImage(), state({ id: 'm-1' }));
  assert.equal(s.disk_device_mapping.length, 2);
  assert.equal(s.disk_device_mapping[1]!.size, 100);
  assert.deepEqual(s.features, [{ nvme_support: 'supported' }]);
  const noFeatures = imageToState(apiImage({ Features: { NvmeSupport: '' } } as never), state({ id: 'm-1' }));
  assert.deepEqual(noFeatures.features, [], 'an image without features gets an empty list, never null');
  const written = imageToState(
    apiImage({ Features: { NvmeSupport: '' } } as never),
    state({ id: 'm-1', features: [{ nvme_support: null }] }),
  );
  assert.deepEqual(written.features, [{ nvme_support: null }], 'a written block keeps its count');
});

test('mappings align with the configured ones by device or snapshot, whatever order the API uses', () => {
  const api = apiImage().DiskDeviceMappings.DiskDeviceMapping;
  const out = alignMappings([{ snapshot_id: 's-2' }, { device: '/dev/xvda' }], api);
  assert.deepEqual(
    out.map((m) => m.snapshot_id),
    ['s-2', 's-1'],
  );
  const extra = alignMappings([{ device: '/dev/xvda' }], api);
  assert.equal(extra.length, 2, 'a disk the config does not have shows up as drift');
});

test('ModifyImageAttribute carries only the changed, configured fields', () => {
  const prior = state({ id: 'm-1', image_name: 'a', description: 'd', boot_mode: 'BIOS' });
  assert.equal(modifyImageInput('m-1', config({ image_name: 'a' }), prior), undefined);
  assert.deepEqual(modifyImageInput('m-1', config({ image_name: 'b', description: null, boot_mode: 'UEFI' }), prior), {
    ImageId: 'm-1',
    ImageName: 'b',
    BootMode: 'UEFI',
  });
});

test('tag changes remove only dropped keys and upsert only added or changed ones', () => {
  assert.deepEqual(tagChanges({ a: '1', b: '2', c: '3' }, { a: '1', b: '9', d: '4' }), { remove: ['c'], upsert: { b: '9', d: '4' } });
  assert.deepEqual(tagChanges(null, null), { remove: [], upsert: {} });
  assert.deepEqual(tagChanges({ a: '1' }, null), { remove: ['a'], upsert: {} });
});

test('delete_auto_snapshot only targets snapshots made from an instance', () => {
  assert.deepEqual(autoSnapshots({ instance_id: 'i-1', snapshot_id: null }, apiImage()), ['s-1', 's-2']);
  assert.deepEqual(autoSnapshots({ instance_id: null, snapshot_id: 's-1' }, apiImage()), []);
});
