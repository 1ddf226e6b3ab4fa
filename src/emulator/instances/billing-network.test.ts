/**
 * ModifyInstanceChargeType, ModifyInstanceVpcAttribute and ModifyInstanceNetworkSpec through the
 * official ECS SDK in both signature modes: the in-place updates `alicloud_instance` makes, their
 * status rules and error codes, and what DescribeInstances shows afterwards.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Vpc from '@alicloud/vpc20160428';
import * as $Ecs from '@alicloud/ecs20140526';
import { startHarness, type Harness } from '../images/testing.js';
import { sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { ZONE, makeNetwork, runOne, statusOf, vpcClient, type TestNetwork } from './lifecycle-testing.js';

async function describeOne(ecs: EcsSdkClient, id: string) {
  const r = await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }));
  return r.body!.instances!.instance![0]!;
}

for (const mode of ['v3', 'v1'] as const) {
  describe(`instance billing and network changes over the SDK (${mode})`, () => {
    let h: Harness;
    let ecs: EcsSdkClient;
    let net: TestNetwork;
    let otherVSwitch: string;
    before(async () => {
      h = await startHarness();
      ecs = h.client(mode);
      net = await makeNetwork(h, mode, ecs);
      const third = net.cidr.replace(/\.1\.0\/24$/, '.3.0/24');
      otherVSwitch = (
        await vpcClient(h, mode).createVSwitch(
          new $Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId: net.vpcId, zoneId: ZONE, cidrBlock: third }),
        )
      ).body!.vSwitchId!;
      h.advance(2);
    });
    after(async () => {
      await h.stop();
    });

    const chargeType = (id: string, over: Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceChargeTypeRequest>[0]> = {}) =>
      ecs.modifyInstanceChargeType(
        new $Ecs.ModifyInstanceChargeTypeRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]), autoPay: true, ...over }),
      );

    test('ModifyInstanceChargeType switches a running instance to PrePaid with an expiry and back, and refuses the same type', async () => {
      const id = await runOne(ecs, net);
      h.advance(2);
      const r = await chargeType(id, { instanceChargeType: 'PrePaid', period: 2, periodUnit: 'Month' });
      assert.equal(r.body!.feeOfInstances!.feeOfInstance![0]!.instanceId, id);
      const pre = await describeOne(ecs, id);
      assert.deepEqual([pre.instanceChargeType, pre.status], ['PrePaid', 'Running']);
      assert.notEqual(pre.expiredTime, '2099-12-31T15:59Z');
      const same = await sdkError(chargeType(id, { instanceChargeType: 'PrePaid', period: 1 }));
      assert.deepEqual([same.code, same.statusCode], ['InvalidInstanceChargeType.ValueNotSupported', 400]);
      // An unexpired subscription is not released without TerminateSubscription.
      const del = await sdkError(ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true })));
      assert.deepEqual([del.code, del.statusCode], ['ChargeTypeViolation', 403]);
      await chargeType(id, { instanceChargeType: 'PostPaid' });
      const post = await describeOne(ecs, id);
      assert.deepEqual([post.instanceChargeType, post.expiredTime], ['PostPaid', '2099-12-31T15:59Z']);
      await ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true }));
    });

    test('ModifyInstanceChargeType refuses periods ECS does not sell, unknown ids and a pending instance', async () => {
      const id = await runOne(ecs, net);
      const pending = await sdkError(chargeType(id, { instanceChargeType: 'PrePaid', period: 1 }));
      assert.equal(pending.code, 'InvalidStatus.ValueNotSupported');
      h.advance(2);
      const period = await sdkError(chargeType(id, { instanceChargeType: 'PrePaid', period: 10 }));
      assert.deepEqual([period.code, period.statusCode], ['InvalidPeriod', 400]);
      const week = await sdkError(chargeType(id, { instanceChargeType: 'PrePaid', period: 5, periodUnit: 'Week' }));
      assert.equal(week.code, 'InvalidPeriod');
      const missing = await sdkError(chargeType('i-doesnotexist00000000', { instanceChargeType: 'PrePaid', period: 1 }));
      assert.deepEqual([missing.code, missing.statusCode], ['InvalidInstanceId.NotFound', 404]);
      const dry = await sdkError(chargeType(id, { instanceChargeType: 'PrePaid', period: 1, dryRun: true }));
      assert.equal(dry.code, 'DryRunOperation');
      assert.equal((await describeOne(ecs, id)).instanceChargeType, 'PostPaid');
    });

    test('ModifyInstanceVpcAttribute moves a stopped instance to another vSwitch and address; a running one is refused', async () => {
      const id = await runOne(ecs, net);
      h.advance(2);
      const ip = net.cidr.replace(/\.1\.0\/24$/, '.3.10');
      const move = (over: Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceVpcAttributeRequest>[0]> = {}) =>
        ecs.modifyInstanceVpcAttribute(new $Ecs.ModifyInstanceVpcAttributeRequest({ instanceId: id, vSwitchId: otherVSwitch, ...over }));
      const running = await sdkError(move({ privateIpAddress: ip }));
      assert.deepEqual([running.code, running.statusCode], ['IncorrectInstanceStatus', 403]);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
      h.advance(2);
      assert.equal(await statusOf(ecs, id), 'Stopped');
      const outside = await sdkError(move({ privateIpAddress: '10.250.0.5' }));
      assert.equal(outside.code, 'InvalidPrivateIpAddress.Mismatch');
      const malformed = await sdkError(move({ privateIpAddress: '10.1.2' }));
      assert.equal(malformed.code, 'InvalidPrivateIpAddress.Malformed');
      const otherZone = await sdkError(move({ vSwitchId: net.oldZoneVSwitchId }));
      assert.equal(otherZone.code, 'InvalidVSwitchId.Mismatch');
      const unknown = await sdkError(move({ vSwitchId: 'vsw-doesnotexist' }));
      assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidVSwitchId.NotFound', 404]);
      await move({ privateIpAddress: ip });
      const moved = await describeOne(ecs, id);
      assert.deepEqual(
        [moved.vpcAttributes!.vSwitchId, moved.vpcAttributes!.privateIpAddress!.ipAddress, moved.status],
        [otherVSwitch, [ip], 'Stopped'],
      );
      // A second change needs a start in between, as ECS documents.
      const again = await sdkError(move({ vSwitchId: net.vSwitchId }));
      assert.equal(again.code, 'IncorrectInstanceStatus');
      await ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId: id }));
      h.advance(2);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
      h.advance(2);
      // The address is now taken: another instance cannot move onto it.
      const other = await runOne(ecs, net);
      h.advance(2);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: other }));
      h.advance(2);
      const dup = await sdkError(
        ecs.modifyInstanceVpcAttribute(
          new $Ecs.ModifyInstanceVpcAttributeRequest({ instanceId: other, vSwitchId: otherVSwitch, privateIpAddress: ip }),
        ),
      );
      assert.equal(dup.code, 'InvalidPrivateIpAddress.Duplicated');
      await move({ vSwitchId: net.vSwitchId });
      const back = await describeOne(ecs, id);
      assert.equal(back.vpcAttributes!.vSwitchId, net.vSwitchId);
      assert.match(back.vpcAttributes!.privateIpAddress!.ipAddress![0]!, /\.1\.\d+$/);
    });

    test('ModifyInstanceNetworkSpec changes the traffic billing and bandwidth; a subscription gets a public IP on its own', async () => {
      const id = await runOne(ecs, net);
      h.advance(2);
      const spec = (over: Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceNetworkSpecRequest>[0]>) =>
        ecs.modifyInstanceNetworkSpec(new $Ecs.ModifyInstanceNetworkSpecRequest({ instanceId: id, ...over }));
      await spec({ networkChargeType: 'PayByBandwidth', internetMaxBandwidthOut: 5 });
      let now = await describeOne(ecs, id);
      assert.deepEqual([now.internetChargeType, now.internetMaxBandwidthOut, now.publicIpAddress!.ipAddress], ['PayByBandwidth', 5, []]);
      await spec({ internetMaxBandwidthOut: 0 });
      await chargeType(id, { instanceChargeType: 'PrePaid', period: 1 });
      await spec({ internetMaxBandwidthOut: 10 });
      now = await describeOne(ecs, id);
      assert.equal(now.publicIpAddress!.ipAddress!.length, 1);
      const bad = await sdkError(spec({ networkChargeType: 'PayByHour' }));
      assert.deepEqual([bad.code, bad.statusCode], ['InvalidInternetChargeType.ValueNotSupported', 400]);
    });
  });
}
