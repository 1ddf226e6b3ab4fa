import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InstanceDetail } from '../../ecs/index.js';
import { Diagnostics, formatPath } from '../../framework/index.js';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { diskFixture } from '../test-support/disk-fixture.js';
import { checkLaunchOptions, fromLaunchOptions, fromPrivatePool, toRunLaunchOptions } from './launch-options.js';
import { instanceSchema } from './schema.js';

const empty = nullState(instanceSchema);
const described = (over: Partial<InstanceDetail>) =>
  ({
    AutoReleaseTime: '',
    SpotDuration: 0,
    SpotInterruptionBehavior: '',
    InternetMaxBandwidthIn: -1,
    CreditSpecification: '',
    DeploymentSetId: '',
    DeploymentSetGroupNo: 0,
    HpcClusterId: '',
    ...over,
  }) as InstanceDetail;
const tagged = (type: string, tags: Record<string, string>) =>
  diskFixture({ Type: type, Tags: { Tag: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) } });

test('RunInstances carries the launch options; spot options only with a spot strategy, empty release time never', () => {
  const plan = {
    ...empty,
    auto_release_time: '2030-01-02T03:04:00Z',
    internet_max_bandwidth_in: 20,
    spot_strategy: 'SpotAsPriceGo',
    spot_duration: 0,
    spot_interruption_behavior: 'Stop',
    password_inherit: true,
    credit_specification: 'Unlimited',
    deployment_set_id: 'ds-1',
    hpc_cluster_id: 'hpc-1',
  };
  assert.deepEqual(toRunLaunchOptions(plan), {
    AutoReleaseTime: '2030-01-02T03:04:00Z',
    InternetMaxBandwidthIn: 20,
    SpotDuration: 0,
    SpotInterruptionBehavior: 'Stop',
    PasswordInherit: true,
    CreditSpecification: 'Unlimited',
    DeploymentSetId: 'ds-1',
    HpcClusterId: 'hpc-1',
  });
  const none = toRunLaunchOptions({ ...plan, auto_release_time: '', spot_strategy: 'NoSpot', deployment_set_id: '' });
  assert.deepEqual(
    [none.AutoReleaseTime, none.SpotDuration, none.SpotInterruptionBehavior, none.DeploymentSetId],
    [undefined, undefined, undefined, undefined],
  );
});

test('state: release time with seconds (the configured spelling kept within its minute), system disk tags, no inbound bandwidth without public IP', () => {
  const disks = [tagged('data', { only: 'data' }), tagged('system', { team: 'a' })];
  const s = fromLaunchOptions(
    described({
      AutoReleaseTime: '2030-01-02T03:04Z',
      SpotDuration: 1,
      SpotInterruptionBehavior: 'Terminate',
      DeploymentSetId: 'ds-1',
      DeploymentSetGroupNo: 2,
      HpcClusterId: 'hpc-1',
    }),
    disks,
    {},
  );
  assert.deepEqual(s, {
    volume_tags: { team: 'a' },
    auto_release_time: '2030-01-02T03:04:00Z',
    internet_max_bandwidth_in: null,
    spot_duration: 1,
    spot_interruption_behavior: 'Terminate',
    password_inherit: null,
    credit_specification: '',
    deployment_set_id: 'ds-1',
    deployment_set_group_no: '2',
    hpc_cluster_id: 'hpc-1',
  });
  const kept = fromLaunchOptions(described({ AutoReleaseTime: '2030-01-02T03:04Z', InternetMaxBandwidthIn: 10 }), [], {
    auto_release_time: '2030-01-02T03:04:59Z',
    password_inherit: true,
  });
  assert.deepEqual(
    [kept.auto_release_time, kept.internet_max_bandwidth_in, kept.password_inherit, kept.volume_tags],
    ['2030-01-02T03:04:59Z', 10, true, {}],
  );
  assert.equal(fromLaunchOptions(described({}), [], { auto_release_time: '' }).auto_release_time, '');
  const outside = fromLaunchOptions(described({}), [], { deployment_set_id: '' });
  assert.deepEqual([outside.deployment_set_id, outside.deployment_set_group_no, outside.hpc_cluster_id], ['', '', null]);
  assert.equal(fromLaunchOptions(described({}), [], { auto_release_time: '2030-01-02T03:04:00Z' }).auto_release_time, null);
});

test('plan-time checks name the attribute and what is allowed', () => {
  const errors = (c: Parameters<typeof checkLaunchOptions>[0]) => {
    const d = new Diagnostics();
    checkLaunchOptions(c, d);
    return d.errors().map((e) => `${formatPath(e.attribute ?? [])}: ${e.detail}`);
  };
  assert.match(
    errors({ auto_release_time: '2030-01-02T03:04:00Z', instance_charge_type: 'PrePaid' })[0]!,
    /^auto_release_time: .*pay-as-you-go/,
  );
  assert.match(errors({ internet_max_bandwidth_in: 5, internet_max_bandwidth_out: 0 })[0]!, /^internet_max_bandwidth_in: .*above 0/);
  assert.match(errors({ internet_max_bandwidth_in: 30, internet_max_bandwidth_out: 20 })[0]!, /1 to 20 Mbit/);
  assert.deepEqual(errors({ internet_max_bandwidth_in: 10, internet_max_bandwidth_out: 1 }), []);
  assert.match(
    errors({ spot_strategy: null, spot_interruption_behavior: 'Stop' })[0]!,
    /^spot_interruption_behavior: .*spot instances only/,
  );
  assert.match(errors({ spot_strategy: 'SpotAsPriceGo', spot_duration: 4 })[0]!, /^spot_duration: .*0 .* or 1 hour/);
  assert.deepEqual(errors({ spot_strategy: undefined, spot_duration: 1 }), []);
  assert.match(errors({ credit_specification: 'Unlimited', instance_type: 'ecs.g7.large' })[0]!, /^credit_specification: .*burstable/);
  assert.deepEqual(errors({ credit_specification: 'Unlimited', instance_type: 'ecs.t6-c1m2.large' }), []);
});

test('schema: password_inherit conflicts with password; auto_release_time and spot_interruption_behavior values are checked', () => {
  const seed = { image_id: 'ubuntu_22_04_x64', instance_type: 'ecs.g7.large', security_groups: ['sg-1'] };
  assert.ok(validationErrors(instanceSchema, { ...seed, password: 'Secret123!', password_inherit: true }).some((e) => /password/.test(e)));
  assert.ok(validationErrors(instanceSchema, { ...seed, auto_release_time: '2030-01-02 03:04' }).some((e) => /^auto_release_time/.test(e)));
  assert.ok(
    validationErrors(instanceSchema, { ...seed, spot_interruption_behavior: 'Hibernate' }).some((e) =>
      /^spot_interruption_behavior/.test(e),
    ),
  );
  assert.deepEqual(validationErrors(instanceSchema, { ...seed, auto_release_time: '', volume_tags: { team: 'a' } }), []);
});

test('private pool options: sent when set (the id never with None), read back, kept when not read', () => {
  assert.deepEqual(
    toRunLaunchOptions({ ...empty, private_pool_options_match_criteria: 'Target', private_pool_options_id: 'eap-1' }).PrivatePoolOptions,
    {
      MatchCriteria: 'Target',
      Id: 'eap-1',
    },
  );
  assert.deepEqual(
    toRunLaunchOptions({ ...empty, private_pool_options_match_criteria: 'None', private_pool_options_id: 'eap-1' }).PrivatePoolOptions,
    {
      MatchCriteria: 'None',
      Id: undefined,
    },
  );
  assert.equal(toRunLaunchOptions(empty).PrivatePoolOptions, undefined);
  assert.deepEqual(fromPrivatePool({ matchCriteria: 'Open', id: '' }, {}), {
    private_pool_options_match_criteria: 'Open',
    private_pool_options_id: '',
  });
  assert.deepEqual(fromPrivatePool(undefined, { private_pool_options_match_criteria: 'None' }), {
    private_pool_options_match_criteria: 'None',
    private_pool_options_id: null,
  });
});
