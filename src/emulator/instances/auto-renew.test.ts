/**
 * ModifyInstanceAutoRenewAttribute and DescribeInstanceAutoRenewAttribute through the official ECS
 * SDK in both signature modes: the renewal `alicloud_instance` sets (renewal_status,
 * auto_renew_period), RunInstances' AutoRenew, and the codes for pay-as-you-go and bad lengths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from './lifecycle-testing.js';

describeInNetwork('instance auto-renewal over the SDK', (env) => {
  const renewalOf = async (
    ids: string[],
    over: Partial<ConstructorParameters<typeof $Ecs.DescribeInstanceAutoRenewAttributeRequest>[0]> = {},
  ) =>
    (
      await env.ecs.describeInstanceAutoRenewAttribute(
        new $Ecs.DescribeInstanceAutoRenewAttributeRequest({ regionId: 'cn-hangzhou', instanceId: ids.join(','), ...over }),
      )
    ).body!;
  const modify = (id: string, over: Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceAutoRenewAttributeRequest>[0]>) =>
    env.ecs.modifyInstanceAutoRenewAttribute(
      new $Ecs.ModifyInstanceAutoRenewAttributeRequest({ regionId: 'cn-hangzhou', instanceId: id, ...over }),
    );

  test('RunInstances AutoRenew starts a subscription as AutoRenewal; Modify switches it to NotRenewal and back with a new length', async () => {
    const id = await runOne(env.ecs, env.net, {
      instanceChargeType: 'PrePaid',
      period: 1,
      periodUnit: 'Month',
      autoRenew: true,
      autoRenewPeriod: 3,
    });
    const first = (await renewalOf([id])).instanceRenewAttributes!.instanceRenewAttribute![0]!;
    assert.deepEqual(
      [first.instanceId, first.renewalStatus, first.autoRenewEnabled, first.duration, first.periodUnit],
      [id, 'AutoRenewal', true, 3, 'Month'],
    );
    await modify(id, { renewalStatus: 'NotRenewal' });
    const off = (await renewalOf([id])).instanceRenewAttributes!.instanceRenewAttribute![0]!;
    assert.deepEqual([off.renewalStatus, off.autoRenewEnabled, off.duration], ['NotRenewal', false, 0]);
    await modify(id, { renewalStatus: 'AutoRenewal', duration: 2, periodUnit: 'Week' });
    const weekly = (await renewalOf([id])).instanceRenewAttributes!.instanceRenewAttribute![0]!;
    assert.deepEqual([weekly.renewalStatus, weekly.duration, weekly.periodUnit], ['AutoRenewal', 2, 'Week']);
    const filtered = await renewalOf([id], { renewalStatus: 'Normal' });
    assert.equal(filtered.totalCount, 0);
  });

  test('a pay-as-you-go instance has no renewal: Modify answers ChargeTypeViolation and Describe leaves it out', async () => {
    const post = await runOne(env.ecs, env.net);
    const pre = await runOne(env.ecs, env.net, { instanceChargeType: 'PrePaid', period: 1 });
    const err = await sdkError(modify(post, { renewalStatus: 'AutoRenewal', duration: 1 }));
    assert.deepEqual([err.code, err.statusCode], ['ChargeTypeViolation', 403]);
    const both = await renewalOf([post, pre]);
    assert.deepEqual(
      both.instanceRenewAttributes!.instanceRenewAttribute!.map((a) => [a.instanceId, a.renewalStatus]),
      [[pre, 'Normal']],
    );
  });

  test('lengths ECS does not sell, unknown ids and a missing status are refused before anything changes', async () => {
    const id = await runOne(env.ecs, env.net, { instanceChargeType: 'PrePaid', period: 1 });
    const month = await sdkError(modify(id, { renewalStatus: 'AutoRenewal', duration: 5, periodUnit: 'Month' }));
    assert.deepEqual([month.code, month.statusCode], ['InvalidDuration', 400]);
    const week = await sdkError(modify(id, { renewalStatus: 'AutoRenewal', duration: 6, periodUnit: 'Week' }));
    assert.equal(week.code, 'InvalidDuration');
    const missing = await sdkError(modify(`${id},i-doesnotexist00000000`, { renewalStatus: 'AutoRenewal', duration: 1 }));
    assert.deepEqual([missing.code, missing.statusCode], ['InvalidInstanceId.NotFound', 404]);
    const bad = await sdkError(modify(id, { renewalStatus: 'Sometimes' }));
    assert.equal(bad.code, 'InvalidRenewalStatus.ValueNotSupported');
    const none = await sdkError(modify(id, {}));
    assert.equal(none.code, 'MissingParameter');
    assert.equal((await renewalOf([id])).instanceRenewAttributes!.instanceRenewAttribute![0]!.renewalStatus, 'Normal');
  });
});
