import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { diskFixture } from '../test-support/disk-fixture.js';
import { fromInstanceDisks, toRunInstanceDisks } from './disks-mapping.js';
import { instanceSchema } from './schema.js';

const seed = { image_id: 'ubuntu_22_04_x64', instance_type: 'ecs.g7.large', security_groups: ['sg-1'] };
const autoBlock = { size: 100, category: 'cloud_auto', bursting_enabled: false, provisioned_iops: 5000 };

test('RunInstances carries the AutoPL settings and the encryption algorithm of the system disk and of each data disk', () => {
  const plan = nullState(instanceSchema, {
    ...seed,
    system_disk_category: 'cloud_auto',
    system_disk_size: 40,
    system_disk_bursting_enabled: true,
    system_disk_provisioned_iops: 1000,
    system_disk_encrypted: true,
    system_disk_encrypt_algorithm: 'SM4-128',
    data_disks: [autoBlock, { size: 20, category: 'cloud_efficiency' }],
  });
  const r = toRunInstanceDisks(plan);
  assert.deepEqual(r.SystemDisk, {
    Category: 'cloud_auto',
    Size: '40',
    Encrypted: 'true',
    EncryptAlgorithm: 'SM4-128',
    BurstingEnabled: true,
    ProvisionedIops: 1000,
  });
  assert.deepEqual(
    r.DataDisk!.map((d) => [d.Category, d.BurstingEnabled, d.ProvisionedIops]),
    [
      ['cloud_auto', false, 5000],
      ['cloud_efficiency', undefined, undefined],
    ],
  );
});

test('unset AutoPL settings are not sent; set ones go whatever the category (ECS refuses them off cloud_auto, never ignored)', () => {
  const none = toRunInstanceDisks(nullState(instanceSchema, { ...seed, system_disk_category: 'cloud_auto' }));
  assert.deepEqual(none.SystemDisk, { Category: 'cloud_auto', Size: undefined });
  const essd = toRunInstanceDisks(
    nullState(instanceSchema, { ...seed, system_disk_category: 'cloud_essd', system_disk_provisioned_iops: 0 }),
  );
  assert.equal(essd.SystemDisk!.ProvisionedIops, 0);
});

test('state reads the AutoPL settings back from DescribeDisks; the zero values stay null when unset; the algorithm is kept', () => {
  const disks = [
    diskFixture({ Type: 'system', Category: 'cloud_auto', Size: 40, Device: '/dev/xvda', BurstingEnabled: true, ProvisionedIops: 20000 }),
    diskFixture({ Type: 'data', Category: 'cloud_auto', Size: 100, Device: '/dev/xvdb', BurstingEnabled: false, ProvisionedIops: 5000 }),
  ];
  const prior = nullState(instanceSchema, {
    system_disk_bursting_enabled: true,
    system_disk_provisioned_iops: 1000,
    system_disk_encrypt_algorithm: 'SM4-128',
    data_disks: [autoBlock],
  });
  const s = fromInstanceDisks(disks, prior);
  assert.deepEqual(
    [s.system_disk_bursting_enabled, s.system_disk_provisioned_iops, s.system_disk_encrypt_algorithm],
    [true, 20000, 'SM4-128'],
    'the IOPS changed outside Terraform shows',
  );
  assert.deepEqual([s.data_disks[0]!.bursting_enabled, s.data_disks[0]!.provisioned_iops], [false, 5000]);

  const plain = [diskFixture({ Type: 'system', Category: 'cloud_essd', Size: 40, Device: '/dev/xvda' })];
  const unset = fromInstanceDisks(plain, nullState(instanceSchema, {}));
  assert.deepEqual(
    [unset.system_disk_bursting_enabled, unset.system_disk_provisioned_iops, unset.system_disk_encrypt_algorithm],
    [null, null, null],
    'false and 0 (what ECS reports for no setting) keep an unset attribute null: no perpetual diff',
  );
  const zero = fromInstanceDisks(
    plain,
    nullState(instanceSchema, { system_disk_provisioned_iops: 0, system_disk_bursting_enabled: false }),
  );
  assert.deepEqual([zero.system_disk_bursting_enabled, zero.system_disk_provisioned_iops], [false, 0]);
  const drift = fromInstanceDisks(
    [diskFixture({ Type: 'system', Category: 'cloud_auto', Device: '/dev/xvda', BurstingEnabled: true, ProvisionedIops: 300 })],
    nullState(instanceSchema, {}),
  );
  assert.deepEqual([drift.system_disk_bursting_enabled, drift.system_disk_provisioned_iops], [true, 300]);
});

test('provisioned IOPS above 50000 and an empty algorithm are refused at the attribute', () => {
  assert.deepEqual(
    validationErrors(instanceSchema, {
      ...seed,
      system_disk_provisioned_iops: 50001,
      system_disk_encrypt_algorithm: '',
      data_disks: [{ ...autoBlock, provisioned_iops: -1 }],
    }).map((e) => e.split(':')[0]),
    ['system_disk_encrypt_algorithm', 'system_disk_provisioned_iops', 'data_disks[0].provisioned_iops'],
  );
});

test('system_disk_auto_snapshot_policy_id goes out as SystemDisk.AutoSnapshotPolicyId and is read back from the system disk', () => {
  const plan = nullState(instanceSchema, { ...seed, system_disk_auto_snapshot_policy_id: 'sp-1' });
  assert.equal(toRunInstanceDisks(plan).SystemDisk?.AutoSnapshotPolicyId, 'sp-1');
  assert.equal(toRunInstanceDisks(nullState(instanceSchema, seed)).SystemDisk?.AutoSnapshotPolicyId, undefined);
  const sys = diskFixture({ Type: 'system', DiskId: 'd-sys', AutoSnapshotPolicyId: 'sp-2' });
  assert.equal(fromInstanceDisks([sys], { system_disk_auto_snapshot_policy_id: 'sp-1' }).system_disk_auto_snapshot_policy_id, 'sp-2');
  // No policy on the disk reads as null (the computed attribute stays unset), never as ''.
  const none = diskFixture({ Type: 'system', DiskId: 'd-sys', AutoSnapshotPolicyId: '' });
  assert.equal(fromInstanceDisks([none], {}).system_disk_auto_snapshot_policy_id, null);
  assert.ok(validationErrors(instanceSchema, { ...seed, system_disk_auto_snapshot_policy_id: '' }).length > 0);
});

test('data_disks.auto_snapshot_policy_id goes out as DataDisk.N.AutoSnapshotPolicyId and stays as planned in state', () => {
  const plan = nullState(instanceSchema, { ...seed, data_disks: [{ size: 20, auto_snapshot_policy_id: 'sp-9' }, { size: 30 }] });
  assert.deepEqual(
    toRunInstanceDisks(plan).DataDisk!.map((d) => d.AutoSnapshotPolicyId),
    ['sp-9', undefined],
  );
  const state = fromInstanceDisks([], { data_disks: [{ size: 20, auto_snapshot_policy_id: 'sp-9' }] as never });
  assert.equal(state.data_disks[0]?.auto_snapshot_policy_id, 'sp-9');
});
