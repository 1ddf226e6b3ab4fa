import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VSwitch } from '../../ecs/index.js';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { fromVSwitch, ipv6SubnetNumber, toCreateVSwitchInput } from './mapping.js';
import { vswitchSchema } from './schema.js';

const empty = nullState(vswitchSchema);
const remote: VSwitch = {
  VSwitchId: 'vsw-1',
  VpcId: 'vpc-1',
  ZoneId: 'cn-hangzhou-h',
  CidrBlock: '172.17.3.0/24',
  VSwitchName: 'sub',
  Description: 'd',
  Status: 'Available',
  ResourceGroupId: 'rg-1',
  CreationTime: '2026-01-01T00:00:00Z',
  IsDefault: false,
  AvailableIpAddressCount: 252,
  Tags: {},
  Ipv6CidrBlock: '',
  EnabledIpv6: false,
  RouteTableId: 'vtb-1',
};

test('the create request takes the zone from zone_id or the deprecated availability_zone', () => {
  const base = { ...empty, vpc_id: 'vpc-1', cidr_block: '172.17.3.0/24' };
  assert.equal(toCreateVSwitchInput({ ...base, zone_id: 'z-1' }).ZoneId, 'z-1');
  assert.equal(toCreateVSwitchInput({ ...base, availability_zone: 'z-2', name: 'n' }).ZoneId, 'z-2');
  assert.equal(toCreateVSwitchInput({ ...base, zone_id: 'z', name: 'n' }).VSwitchName, 'n');
});

test('state from a described vSwitch fills both aliases of the name and of the zone', () => {
  const s = fromVSwitch(remote, empty);
  assert.deepEqual(
    [s.zone_id, s.availability_zone, s.vswitch_name, s.name, s.description, s.tags],
    ['cn-hangzhou-h', 'cn-hangzhou-h', 'sub', 'sub', 'd', null],
  );
});

test('IPv6: the subnet number is the low byte of the fourth group; a configured enable_ipv6 is kept', () => {
  assert.equal(ipv6SubnetNumber('2408:4005:3ff:105::/64'), 5);
  const on = fromVSwitch({ ...remote, Ipv6CidrBlock: '2408:4005:3ff:1ff::/64', EnabledIpv6: true }, empty);
  assert.deepEqual([on.enable_ipv6, on.ipv6_cidr_block_mask, on.ipv6_cidr_block], [true, 255, '2408:4005:3ff:1ff::/64']);
  assert.deepEqual(
    [fromVSwitch(remote, empty).enable_ipv6, fromVSwitch(remote, { ...empty, enable_ipv6: true }).enable_ipv6],
    [false, true],
  );
  const input = toCreateVSwitchInput({ ...empty, vpc_id: 'vpc-1', cidr_block: '172.17.3.0/24', zone_id: 'z', ipv6_cidr_block_mask: 3 });
  assert.equal(input.Ipv6CidrBlock, 3);
});

const invalid: [string, Record<string, unknown>, RegExp][] = [
  ['a mask of 30', { cidr_block: '172.17.3.0/30' }, /^cidr_block: .*mask of 16 to 29/],
  ['a VPC id without prefix', { vpc_id: 'abc' }, /^vpc_id: .*vpc-abc123/],
  ['no zone at all', { zone_id: null }, /zone_id, availability_zone/],
  ['both zone aliases', { availability_zone: 'z' }, /cannot be set together/],
  ['a subnet number above 255', { ipv6_cidr_block_mask: 256 }, /^ipv6_cidr_block_mask: /],
];
for (const [name, patch, expected] of invalid) {
  test(`validation rejects ${name}, naming the attribute`, () => {
    const errors = validationErrors(vswitchSchema, {
      vpc_id: 'vpc-1',
      cidr_block: '172.17.3.0/24',
      zone_id: 'cn-hangzhou-h',
      ...patch,
    });
    assert.ok(
      errors.some((e) => expected.test(e)),
      `got ${JSON.stringify(errors)}`,
    );
  });
}
