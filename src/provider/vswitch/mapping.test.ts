import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VSwitch } from '../../ecs/index.js';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { fromVSwitch, toCreateVSwitchInput } from './mapping.js';
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

const invalid: [string, Record<string, unknown>, RegExp][] = [
  ['a mask of 30', { cidr_block: '172.17.3.0/30' }, /^cidr_block: .*mask of 16 to 29/],
  ['a VPC id without prefix', { vpc_id: 'abc' }, /^vpc_id: .*vpc-abc123/],
  ['no zone at all', { zone_id: null }, /zone_id, availability_zone/],
  ['both zone aliases', { availability_zone: 'z' }, /cannot be set together/],
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
