import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InstanceDetail } from '../../ecs/index.js';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import {
  fromInstance,
  toBase64UserData,
  userDataState,
  toCreditAfterTypeChange,
  toModifyInstanceAttributeInput,
  toRunInstanceInput,
} from './mapping.js';
import { instanceSchema } from './schema.js';
import { diskFixture } from '../test-support/disk-fixture.js';

const systemDisk = diskFixture({ Type: 'system', Category: 'cloud_essd', Size: 40, Device: '/dev/xvda' });

const empty = nullState(instanceSchema);
const seed = { image_id: 'ubuntu_22_04_x64', instance_type: 'ecs.sn1ne.large', security_groups: ['sg-1'] };
const detail: InstanceDetail = {
  InstanceId: 'i-1',
  InstanceName: 'vm',
  Description: '',
  HostName: 'vm',
  Status: 'Running',
  ZoneId: 'cn-hangzhou-h',
  ImageId: 'ubuntu_22_04_x64',
  InstanceType: 'ecs.sn1ne.large',
  Cpu: 2,
  Memory: 4096,
  OSType: 'linux',
  OSName: 'Ubuntu',
  CreationTime: '2026-01-01T00:00Z',
  ResourceGroupId: 'rg',
  InstanceChargeType: 'PostPaid',
  InternetChargeType: 'PayByTraffic',
  InternetMaxBandwidthOut: 10,
  PrimaryNetworkInterfaceId: 'eni-1',
  MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
  SecondaryPrivateIps: ['172.17.3.9', '172.17.3.7'],
  Ipv6Addresses: ['2408:4005:3ff:105::64', '2408:4005:3ff:105::8'],
  DeletionProtection: false,
  KeyPairName: '',
  ExpiredTime: '2099-12-31T15:59Z',
  StartTime: '2026-01-01T00:00Z',
  StoppedMode: 'Not-applicable',
  SpotStrategy: 'NoSpot',
  SpotPriceLimit: 0,
  CreditSpecification: '',
  AutoReleaseTime: '',
  SpotDuration: 0,
  SpotInterruptionBehavior: '',
  InternetMaxBandwidthIn: 10,
  CpuOptions: { CoreCount: 1, ThreadsPerCore: 2, TopologyType: '' },
  ImageOptions: { LoginAsNonRoot: false },
  DeploymentSetId: '',
  DeploymentSetGroupNo: 0,
  HpcClusterId: '',
  SecurityGroupIds: ['sg-2', 'sg-1'],
  VpcId: 'vpc-1',
  VSwitchId: 'vsw-1',
  PrivateIp: '172.17.3.5',
  PublicIp: '47.1.2.3',
  Tags: {},
};

test('the RunInstances request carries the system disk as an object and the size as a string', () => {
  const r = toRunInstanceInput({
    ...empty,
    ...seed,
    system_disk_category: 'cloud_essd',
    system_disk_size: 40,
    internet_max_bandwidth_out: 10,
    availability_zone: 'z',
  });
  assert.deepEqual(r.SystemDisk, { Category: 'cloud_essd', Size: '40' });
  assert.deepEqual([r.ZoneId, r.SecurityGroupIds, r.InternetMaxBandwidthOut], ['z', ['sg-1'], 10]);
  assert.deepEqual(toRunInstanceInput({ ...empty, ...seed }).SystemDisk, { Category: undefined, Size: undefined });
});

test('state from DescribeInstances keeps the unreadable password and the system disk from DescribeDisks', () => {
  const s = fromInstance({ instance: detail, disks: [systemDisk], roleName: '' }, { ...empty, password: 'Secret123!' });
  assert.equal(s.password, 'Secret123!');
  assert.deepEqual([s.system_disk_category, s.system_disk_size], ['cloud_essd', 40]);
  assert.deepEqual(s.security_groups, ['sg-1', 'sg-2']);
  assert.deepEqual([s.secondary_private_ips, s.secondary_private_ip_address_count], [['172.17.3.7', '172.17.3.9'], 2]);
  assert.deepEqual([s.ipv6_addresses, s.ipv6_address_count], [['2408:4005:3ff:105::64', '2408:4005:3ff:105::8'], 2]);
  assert.deepEqual([s.http_endpoint, s.http_tokens, s.http_put_response_hop_limit], ['enabled', 'required', 2]);
  assert.deepEqual([s.public_ip, s.private_ip, s.status, s.description], ['47.1.2.3', '172.17.3.5', 'Running', null]);
});

test('ModifyInstanceAttribute carries only the changed attributes, and nothing when none of its attributes changed', () => {
  const plan = { ...empty, ...seed, instance_name: 'new', description: 'd', deletion_protection: true };
  assert.deepEqual(toModifyInstanceAttributeInput('i-1', plan, new Set(['instance_name', 'deletion_protection'])), {
    InstanceId: 'i-1',
    InstanceName: 'new',
    Description: undefined,
    HostName: undefined,
    Password: undefined,
    DeletionProtection: true,
    SecurityGroupIds: undefined,
    UserData: undefined,
    CreditSpecification: undefined,
  });
  assert.equal(toModifyInstanceAttributeInput('i-1', plan, new Set(['tags', 'status'])), undefined);
  const credit = toModifyInstanceAttributeInput('i-1', { ...plan, credit_specification: 'Unlimited' }, new Set(['credit_specification']));
  assert.equal(credit?.CreditSpecification, 'Unlimited');
  assert.equal(
    toCreditAfterTypeChange('i-1', { ...plan, credit_specification: 'Unlimited' }, new Set(['credit_specification'])),
    undefined,
  );
});

test('with a type change the burstable mode is set after the change, not before (ECS refuses it on a type that is not burstable)', () => {
  const plan = { ...empty, ...seed, instance_type: 'ecs.t6-c1m2.large', credit_specification: 'Unlimited' };
  const changed = new Set(['instance_type', 'credit_specification']);
  assert.equal(toModifyInstanceAttributeInput('i-1', plan, changed), undefined);
  assert.deepEqual(toCreditAfterTypeChange('i-1', plan, changed), { InstanceId: 'i-1', CreditSpecification: 'Unlimited' });
  assert.equal(toCreditAfterTypeChange('i-1', { ...plan, credit_specification: null }, changed), undefined);
});

const invalid: [string, Record<string, unknown>, RegExp][] = [
  ['a password with only lower-case letters and digits', { password: 'abcdefgh1' }, /^password: .*must mix at least three/],
  ['a too short password', { password: 'Ab1!' }, /^password: .*must be 8 to 30 characters long, got 4/],
  ['a bandwidth above 100', { internet_max_bandwidth_out: 101 }, /^internet_max_bandwidth_out: .*must be between 0 and 100, got 101/],
  ['an unknown system disk category', { system_disk_category: 'ssd' }, /^system_disk_category: .*must be one of .*"cloud_essd"/],
  ['a status other than Running or Stopped', { status: 'Starting' }, /^status: .*must be one of "Running", "Stopped"/],
  ['a system disk of 10 GiB', { system_disk_size: 10 }, /^system_disk_size: .*must be between 20 and 2048/],
  ['no security group', { security_groups: [] }, /^security_groups: .*1 to 16/],
];
for (const [name, patch, expected] of invalid) {
  test(`validation rejects ${name}`, () => {
    const errors = validationErrors(instanceSchema, { ...seed, ...patch });
    assert.ok(
      errors.some((e) => expected.test(e)),
      `got ${JSON.stringify(errors)}`,
    );
  });
}

test('user data is sent base64-encoded, and a value that already is base64 is kept', () => {
  assert.equal(
    toRunInstanceInput({ ...empty, ...seed, user_data: '#!/bin/sh\necho hi' }).UserData,
    Buffer.from('#!/bin/sh\necho hi').toString('base64'),
  );
  assert.equal(toBase64UserData('IyEvYmluL3No'), 'IyEvYmluL3No');
  assert.equal(fromInstance({ instance: detail, disks: [], roleName: '' }, { ...empty, user_data: 'x' }).user_data, 'x');
});

test('user data read back: the configured text while ECS holds its encoding, else what ECS holds', () => {
  const plain = '#!/bin/sh\necho hi';
  const encoded = Buffer.from(plain).toString('base64');
  assert.equal(userDataState(encoded, plain), plain);
  assert.equal(userDataState(encoded, encoded), encoded);
  assert.equal(userDataState(encoded, null), encoded, 'an import reads the base64 value');
  assert.equal(userDataState('ZHJpZnQ=', plain), 'ZHJpZnQ=', 'a change outside Terraform shows');
  assert.equal(userDataState('', plain), null, 'removed outside Terraform');
  assert.equal(userDataState('', ''), '');
  assert.equal(userDataState(undefined, plain), plain, 'not read: kept');
  assert.equal(
    fromInstance({ instance: detail, disks: [], roleName: '', userData: encoded }, { ...empty, user_data: plain }).user_data,
    plain,
  );
});

test('validation accepts the seed instance configuration', () => {
  assert.deepEqual(
    validationErrors(instanceSchema, {
      ...seed,
      availability_zone: 'cn-hangzhou-h',
      instance_name: 'terraform-example',
      internet_max_bandwidth_out: 10,
      vswitch_id: 'vsw-1',
    }),
    [],
  );
});

test('a subscription asks RunInstances for AutoRenew only under AutoRenewal; a pay-as-you-go one never', () => {
  const pre = { ...empty, ...seed, instance_charge_type: 'PrePaid', period: 1, renewal_status: 'AutoRenewal', auto_renew_period: 3 };
  assert.deepEqual([toRunInstanceInput(pre).AutoRenew, toRunInstanceInput(pre).AutoRenewPeriod], [true, 3]);
  const normal = toRunInstanceInput({ ...pre, renewal_status: 'Normal' });
  assert.deepEqual([normal.AutoRenew, normal.AutoRenewPeriod], [undefined, undefined]);
  assert.equal(toRunInstanceInput({ ...pre, instance_charge_type: 'PostPaid' }).AutoRenew, undefined);
});

test('renewal is read for a subscription (the period only under AutoRenewal) and kept from configuration for pay-as-you-go', () => {
  const prior = { ...empty, renewal_status: 'AutoRenewal', auto_renew_period: 6 };
  const post = fromInstance({ instance: detail, disks: [], roleName: 'r1' }, prior);
  assert.deepEqual([post.renewal_status, post.auto_renew_period, post.role_name], ['AutoRenewal', 6, 'r1']);
  const pre = { instance: { ...detail, InstanceChargeType: 'PrePaid' }, disks: [], roleName: '' };
  const auto = fromInstance({ ...pre, renewal: { renewalStatus: 'AutoRenewal', duration: 2, periodUnit: 'Month' } }, prior);
  assert.deepEqual([auto.renewal_status, auto.auto_renew_period, auto.role_name], ['AutoRenewal', 2, '']);
  const normal = fromInstance({ ...pre, renewal: { renewalStatus: 'NotRenewal', duration: 0, periodUnit: '' } }, prior);
  assert.deepEqual([normal.renewal_status, normal.auto_renew_period], ['NotRenewal', 6]);
  assert.deepEqual([fromInstance({ ...pre }, {}).renewal_status, fromInstance({ ...pre }, {}).auto_renew_period], ['Normal', 1]);
});

test('RunInstances asks for IPv6 addresses by list or by count, never both, and for none when neither is set', () => {
  const base = { ...empty, ...seed };
  const pick = (over: Partial<typeof base>) => {
    const r = toRunInstanceInput({ ...base, ...over });
    return [r.Ipv6Address, r.Ipv6AddressCount];
  };
  assert.deepEqual(pick({ ipv6_addresses: ['2408:4005:3ff:105::8'] }), [['2408:4005:3ff:105::8'], undefined]);
  assert.deepEqual(pick({ ipv6_address_count: 2 }), [undefined, 2]);
  assert.deepEqual(pick({ ipv6_address_count: 0 }), [undefined, undefined]);
  assert.deepEqual(pick({}), [undefined, undefined]);
});
