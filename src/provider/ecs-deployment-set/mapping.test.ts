import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { fromDeploymentSet, toCreateDeploymentSetInput } from './mapping.js';
import { deploymentSetSchema } from './schema.js';

const empty = nullState(deploymentSetSchema);

test('the create request sends only what is set', () => {
  assert.deepEqual(toCreateDeploymentSetInput({ ...empty, strategy: 'AvailabilityGroup', deployment_set_name: 'web', domain: 'Default' }), {
    Strategy: 'AvailabilityGroup',
    DeploymentSetName: 'web',
    Description: undefined,
    OnUnableToRedeployFailedInstance: undefined,
    Domain: 'Default',
    Granularity: undefined,
  });
});

test('state from a described set: the strategy, the capitalized domain and granularity, the fallback kept from before', () => {
  const s = fromDeploymentSet(
    {
      DeploymentSetId: 'ds-1',
      DeploymentSetName: 'web',
      DeploymentSetDescription: 'tier',
      DeploymentStrategy: 'LowLatency',
      Domain: 'default',
      Granularity: 'host',
      GroupCount: 0,
      InstanceAmount: 0,
      InstanceIds: { InstanceId: [] },
      CreationTime: 't',
      Capacities: { Capacity: [] },
    },
    { ...empty, on_unable_to_redeploy_failed_instance: 'KeepStopped' },
  );
  assert.deepEqual(s, {
    id: 'ds-1',
    strategy: 'LowLatency',
    deployment_set_name: 'web',
    description: 'tier',
    on_unable_to_redeploy_failed_instance: 'KeepStopped',
    domain: 'Default',
    granularity: 'Host',
  });
});

const invalid: [string, Record<string, unknown>, RegExp][] = [
  ['a name starting with a digit', { deployment_set_name: '1web' }, /^deployment_set_name: .*a letter first/],
  ['a URL as the name', { deployment_set_name: 'http://web' }, /^deployment_set_name: .*must not start with "http:\/\/"/],
  [
    'an unknown strategy',
    { strategy: 'Spread' },
    /^strategy: .*must be one of "Availability", "AvailabilityGroup", "LowLatency", got "Spread"/,
  ],
  [
    'an unknown fallback',
    { on_unable_to_redeploy_failed_instance: 'Retry' },
    /^on_unable_to_redeploy_failed_instance: .*"CancelMembershipAndStart", "KeepStopped"/,
  ],
  ['a one-character description', { description: 'x' }, /^description: .*2 to 256/],
  ['a domain other than Default', { domain: 'Rack' }, /^domain: .*must be one of "Default"/],
];
for (const [name, patch, expected] of invalid) {
  test(`validation rejects ${name}, naming the attribute and the allowed values`, () => {
    const errors = validationErrors(deploymentSetSchema, patch);
    assert.ok(
      errors.some((e) => expected.test(e)),
      `got ${JSON.stringify(errors)}`,
    );
  });
}
