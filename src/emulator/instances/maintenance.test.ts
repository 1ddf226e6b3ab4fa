/**
 * Maintenance attributes through the official ECS SDK in both signature modes:
 * DescribeInstanceMaintenanceAttributes (ECS defaults for an instance never changed) and
 * ModifyInstanceMaintenanceAttributes (only what is given changes; window rules; codes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from './lifecycle-testing.js';

describeInNetwork('instance maintenance attributes over the SDK', (env) => {
  const attributesOf = async (id: string) => {
    const r = await env.ecs.describeInstanceMaintenanceAttributes(
      new $Ecs.DescribeInstanceMaintenanceAttributesRequest({ regionId: 'cn-hangzhou', instanceId: [id] }),
    );
    assert.equal(r.body!.totalCount, 1);
    const a = r.body!.maintenanceAttributes!.maintenanceAttribute![0]!;
    const w = a.maintenanceWindows!.maintenanceWindow!.map((x) => `${x.startTime}-${x.endTime}`);
    return [a.actionOnMaintenance!.value, a.notifyOnMaintenance, ...w];
  };
  type Over = Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceMaintenanceAttributesRequest>[0]>;
  const modify = (ids: string[], over: Over) =>
    env.ecs.modifyInstanceMaintenanceAttributes(
      new $Ecs.ModifyInstanceMaintenanceAttributesRequest({ regionId: 'cn-hangzhou', instanceId: ids, ...over }),
    );
  const window = (startTime?: string, endTime?: string) => [
    new $Ecs.ModifyInstanceMaintenanceAttributesRequestMaintenanceWindow({ startTime, endTime }),
  ];

  test('defaults, then each attribute changes alone and the others keep their value', async () => {
    const id = await runOne(env.ecs, env.net);
    const other = await runOne(env.ecs, env.net);
    assert.deepEqual(await attributesOf(id), ['AutoRecover', false]);
    await modify([id, other], {
      actionOnMaintenance: 'Stop',
      notifyOnMaintenance: true,
      maintenanceWindow: window('02:00:00', '04:00:00'),
    });
    assert.deepEqual(await attributesOf(id), ['Stop', true, '02:00:00-04:00:00']);
    await modify([id], { maintenanceWindow: window('22:00:00', '01:00:00') });
    assert.deepEqual(await attributesOf(id), ['Stop', true, '22:00:00-01:00:00']);
    await modify([id], { actionOnMaintenance: 'AutoRedeploy', notifyOnMaintenance: false });
    assert.deepEqual(await attributesOf(id), ['AutoRedeploy', false, '22:00:00-01:00:00']);
    assert.deepEqual(await attributesOf(other), ['Stop', true, '02:00:00-04:00:00']);
  });

  test('windows that are not whole hours, empty or half given, unknown actions and instances are refused; nothing changes', async () => {
    const id = await runOne(env.ecs, env.net);
    for (const [over, code] of [
      [{ maintenanceWindow: window('02:30:00', '04:00:00') }, 'InvalidParameter'],
      [{ maintenanceWindow: window('03:00:00', '03:00:00') }, 'InvalidParameter'],
      [{ maintenanceWindow: window('03:00:00') }, 'MissingParameter'],
      [{ actionOnMaintenance: 'Reboot' }, 'InvalidParameter'],
    ] as [Over, string][]) {
      const e = await sdkError(modify([id], over));
      assert.equal(e.code, code, JSON.stringify(over));
    }
    const missing = await sdkError(modify([id, 'i-doesnotexist00000000'], { actionOnMaintenance: 'Stop' }));
    assert.deepEqual([missing.code, missing.statusCode], ['InvalidInstanceId.NotFound', 404]);
    assert.deepEqual(await attributesOf(id), ['AutoRecover', false]);
  });
});
