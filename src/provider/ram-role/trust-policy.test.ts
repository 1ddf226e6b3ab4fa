import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { assembleTrustPolicy, trustPolicyParts } from './resource.js';
import { ramRoleSchema } from './schema.js';

test('the deprecated arguments make a one-statement policy that reads back to the same arguments', () => {
  const doc = assembleTrustPolicy(['acs:ram::1:root'], ['ecs.aliyuncs.com'], '1');
  assert.deepEqual(JSON.parse(doc), {
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::1:root'], Service: ['ecs.aliyuncs.com'] } }],
    Version: '1',
  });
  assert.deepEqual(trustPolicyParts(doc), { ramUsers: ['acs:ram::1:root'], services: ['ecs.aliyuncs.com'], version: '1' });
  assert.deepEqual(JSON.parse(assembleTrustPolicy([], ['ecs.aliyuncs.com'], '1')).Statement[0].Principal, {
    Service: ['ecs.aliyuncs.com'],
  });
});

test('a policy written by hand reads back its first statement: a single principal string becomes a list', () => {
  const doc = JSON.stringify({
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs.aliyuncs.com' } }],
  });
  assert.deepEqual(trustPolicyParts(doc), { ramUsers: [], services: ['ecs.aliyuncs.com'], version: '1' });
  assert.deepEqual(trustPolicyParts('not json'), { ramUsers: [], services: [], version: null });
});

test('ram_users and services conflict with the policy document, as upstream', () => {
  const errors = validationErrors(ramRoleSchema, { role_name: 'r', assume_role_policy_document: '{}', services: ['ecs.aliyuncs.com'] });
  assert.ok(
    errors.some(
      (e) =>
        /services cannot be set together with assume_role_policy_document/.test(e) ||
        /assume_role_policy_document cannot be set together with services/.test(e),
    ),
    JSON.stringify(errors),
  );
});
