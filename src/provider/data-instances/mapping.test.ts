import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Instance } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { diskFixture } from '../test-support/disk-fixture.js';
import { describeInstancesFilter, toInstanceResult } from './mapping.js';
import { instancesDataSchema } from './schema.js';

// Only the DescribeInstances fields the mapping reads.
const instance = {
  InstanceId: 'i-1',
  RegionId: 'cn-hangzhou',
  ZoneId: 'cn-hangzhou-i',
  ResourceGroupId: 'rg-1',
  Status: 'Running',
  InstanceName: 'web',
  Description: '',
  InstanceType: 'ecs.g6.large',
  VpcAttributes: { VpcId: 'vpc-1', VSwitchId: 'vsw-1', PrivateIpAddress: { IpAddress: ['10.0.0.5'] } },
  InnerIpAddress: { IpAddress: [] },
  PublicIpAddress: { IpAddress: [] },
  EipAddress: { IpAddress: '' },
  ImageId: 'ubuntu',
  SecurityGroupIds: { SecurityGroupId: ['sg-1'] },
  KeyPairName: '',
  CreationTime: '2026-01-01T00:00Z',
  InstanceChargeType: 'PostPaid',
  InternetChargeType: 'PayByTraffic',
  InternetMaxBandwidthOut: 0,
  SpotStrategy: 'NoSpot',
  Tags: { Tag: [{ TagKey: 'env', TagValue: 'dev' }] },
} as unknown as Instance;

test('Creating (the official status name) is sent as the Pending ECS reports; other filters pass as given', () => {
  assert.equal(describeInstancesFilter({ status: 'Creating' }).Status, 'Pending');
  assert.equal(describeInstancesFilter({ status: 'Stopped' }).Status, 'Stopped');
  assert.deepEqual(describeInstancesFilter({ ids: [], tags: { a: 'b' }, availability_zone: 'z' }), {
    InstanceIds: undefined,
    InstanceName: undefined,
    ImageId: undefined,
    ResourceGroupId: undefined,
    Status: undefined,
    VpcId: undefined,
    VSwitchId: undefined,
    ZoneId: 'z',
    Tag: [{ Key: 'a', Value: 'b' }],
  });
});

test('with details an instance carries its RAM role and disks; without, both are empty', () => {
  const disks = [
    diskFixture({ DiskId: 'd-sys', Type: 'system', Device: '/dev/xvda', Size: 40, DiskName: 'sys' }),
    diskFixture({ DiskId: 'd-data', Type: 'data', Device: '/dev/xvdb', Size: 20, Category: 'cloud_auto' }),
  ];
  const r = toInstanceResult(instance, { roles: new Map([['i-1', 'EcsRole']]), disks: new Map([['i-1', disks]]) });
  assert.equal(r.ram_role_name, 'EcsRole');
  assert.deepEqual(r.disk_device_mappings, [
    { device: '/dev/xvda', size: 40, category: 'cloud_essd', type: 'system', disk_id: 'd-sys', disk_name: 'sys' },
    { device: '/dev/xvdb', size: 20, category: 'cloud_auto', type: 'data', disk_id: 'd-data', disk_name: '' },
  ]);
  assert.deepEqual([r.private_ip, r.tags], ['10.0.0.5', { env: 'dev' }]);
  const bare = toInstanceResult(instance);
  assert.deepEqual([bare.ram_role_name, bare.disk_device_mappings], ['', []]);
});

test('status accepts the official list (Creating included) and refuses others', () => {
  assert.deepEqual(validationErrors(instancesDataSchema, { status: 'Creating' }), []);
  assert.ok(validationErrors(instancesDataSchema, { status: 'Deleted' }).some((e) => /^status: .*"Creating"/.test(e)));
});
