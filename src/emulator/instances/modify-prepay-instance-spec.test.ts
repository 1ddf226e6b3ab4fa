/**
 * ModifyPrepayInstanceSpec through the official ECS SDK in both signature modes: a subscription
 * instance changes type up and down (OperatorType checked against the prices), a pay-as-you-go one
 * is refused, and ModifyInstanceSpec still refuses the subscription.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from './lifecycle-testing.js';

describeInNetwork('ModifyPrepayInstanceSpec over the SDK', (env) => {
  const typeOf = async (id: string) =>
    (await env.ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!.instanceType;
  const modify = (instanceId: string, instanceType: string, operatorType?: string) =>
    env.ecs.modifyPrepayInstanceSpec(
      new $Ecs.ModifyPrepayInstanceSpecRequest({ regionId: 'cn-hangzhou', instanceId, instanceType, operatorType }),
    );

  test('a subscription goes up and down; a direction that contradicts the prices is refused', async () => {
    const id = await runOne(env.ecs, env.net, {
      instanceType: 'ecs.g7.large',
      instanceChargeType: 'PrePaid',
      period: 1,
      periodUnit: 'Month',
    });
    env.h.advance(2);
    const wrong = await sdkError(modify(id, 'ecs.g7.xlarge', 'downgrade'));
    assert.deepEqual([wrong.code, wrong.statusCode], ['InvalidParameter.OperatorType', 400]);
    assert.equal(await typeOf(id), 'ecs.g7.large');
    const up = await modify(id, 'ecs.g7.xlarge', 'upgrade');
    assert.match(up.body!.orderId!, /^\d+$/);
    assert.equal(await typeOf(id), 'ecs.g7.xlarge');
    await modify(id, 'ecs.g7.large');
    assert.equal(await typeOf(id), 'ecs.g7.large');
    const same = await sdkError(modify(id, 'ecs.g7.large'));
    assert.equal(same.code, 'InvalidInstanceType.ValueNotSupported');
    await env.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    env.h.advance(2);
    const spec = await sdkError(
      env.ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g7.xlarge' })),
    );
    assert.equal(spec.code, 'InvalidInstanceChargeType.NotSupported');
  });

  test('a pay-as-you-go instance is refused', async () => {
    const id = await runOne(env.ecs, env.net);
    const e = await sdkError(modify(id, 'ecs.g7.xlarge'));
    assert.deepEqual([e.code, e.statusCode], ['InvalidInstanceChargeType.NotSupported', 403]);
  });
});
