import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { fromSecurityGroup, toCreateSecurityGroupInput } from './mapping.js';
import { securityGroupSchema } from './schema.js';

const empty = nullState(securityGroupSchema);

test('the create request uses name as the group name when security_group_name is unset', () => {
  assert.deepEqual(toCreateSecurityGroupInput({ ...empty, name: 'web', vpc_id: 'vpc-1', tags: { a: 'b' } }), {
    VpcId: 'vpc-1',
    SecurityGroupName: 'web',
    Description: undefined,
    SecurityGroupType: undefined,
    ResourceGroupId: undefined,
    Tag: [{ Key: 'a', Value: 'b' }],
  });
});

test('state from a described group fills both name aliases, the type and the inner access policy', () => {
  const s = fromSecurityGroup(
    {
      SecurityGroupId: 'sg-1',
      SecurityGroupName: 'web',
      Description: '',
      SecurityGroupType: 'normal',
      VpcId: 'vpc-1',
      ResourceGroupId: 'rg',
      CreationTime: 't',
      Tags: { k: 'v' },
    },
    'Accept',
    empty,
  );
  assert.deepEqual(
    [s.name, s.security_group_name, s.security_group_type, s.inner_access_policy, s.description, s.tags],
    ['web', 'web', 'normal', 'Accept', null, { k: 'v' }],
  );
});

const invalid: [string, Record<string, unknown>, RegExp][] = [
  ['a name starting with a digit', { security_group_name: '1web' }, /^security_group_name: .*starting with a letter/],
  ['an unknown type', { security_group_type: 'premium' }, /^security_group_type: .*must be one of "normal", "enterprise", got "premium"/],
  ['an unknown inner policy', { inner_access_policy: 'Allow' }, /^inner_access_policy: .*must be one of "Accept", "Drop"/],
  ['a one-character description', { description: 'x' }, /^description: .*2 to 256/],
];
for (const [name, patch, expected] of invalid) {
  test(`validation rejects ${name}, naming the attribute and the allowed values`, () => {
    const errors = validationErrors(securityGroupSchema, { vpc_id: 'vpc-1', ...patch });
    assert.ok(
      errors.some((e) => expected.test(e)),
      `got ${JSON.stringify(errors)}`,
    );
  });
}
