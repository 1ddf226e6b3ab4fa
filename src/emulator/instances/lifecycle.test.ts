/**
 * The instance lifecycle through the official ECS SDK, in both signature modes: RunInstances in a
 * new VPC/vSwitch/security group, Pending -> Starting -> Running by the clock, stop/start/reboot,
 * modify, delete rules, ClientToken, DeleteInstances, account isolation and dependencies.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { SEED_INSTANCE_IMAGE } from '../images/public-images.js';
import * as $Vpc from '@alicloud/vpc20160428';
import { runOne, runRequest, statusOf, useNetwork, vpcClient, ZONE, type TestNetwork } from './lifecycle-testing.js';

for (const mode of ['v3', 'v1'] as const) {
  describe(`instance lifecycle over the SDK (${mode})`, () => {
    let ecs: EcsSdkClient;
    let net: TestNetwork;
    const h = useNetwork(mode, (env) => ({ ecs, net } = env));

    test('RunInstances launches from a public image into the vSwitch and goes Pending, Starting, Running by the clock', async () => {
      const id = await runOne(ecs, net, { hostName: 'web-host', password: 'Passw0rd!x', internetMaxBandwidthOut: 5, description: 'first' });
      assert.match(id, /^i-/);
      assert.equal(await statusOf(ecs, id), 'Pending');
      h.advance(1);
      assert.equal(await statusOf(ecs, id), 'Starting');
      h.advance(1);
      assert.equal(await statusOf(ecs, id), 'Running');
      const a = (await ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!;
      assert.equal(a.instanceName, 'web-1');
      assert.equal(a.hostName, 'web-host');
      assert.equal(a.description, 'first');
      assert.equal(a.zoneId, ZONE);
      assert.equal(a.imageId, SEED_INSTANCE_IMAGE);
      assert.equal(a.vpcAttributes!.vSwitchId, net.vSwitchId);
      assert.match(
        a.vpcAttributes!.privateIpAddress!.ipAddress![0]!,
        new RegExp(`^${net.cidr.split('.').slice(0, 3).join('\\.')}\\.\\d+$`),
      );
      assert.equal(a.publicIpAddress!.ipAddress!.length, 1);
      assert.deepEqual(a.securityGroupIds!.securityGroupId, [net.securityGroupId]);
      const d = (
        await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }))
      ).body!;
      const inst = d.instances!.instance![0]!;
      assert.equal(inst.OSName ?? inst.OSName, inst.OSName);
      assert.match(inst.OSNameEn!, /Ubuntu/);
      const disks = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', instanceId: id }))).body!.disks!
        .disk!;
      assert.deepEqual(
        disks.map((x) => [x.type, x.size, x.category]),
        [['system', 40, 'cloud_essd']],
      );
    });

    test('two instances in one vSwitch get different private addresses, and UniqueSuffix numbers their names', async () => {
      const r = await ecs.runInstances(
        runRequest(net, {
          amount: 2,
          uniqueSuffix: true,
          instanceName: 'batch',
          dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ size: 100, category: 'cloud_essd' })],
        }),
      );
      const ids = r.body!.instanceIdSets!.instanceIdSet!;
      assert.equal(ids.length, 2);
      const attrs = await Promise.all(
        ids.map(async (id) => (await ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!),
      );
      assert.deepEqual(attrs.map((a) => a.instanceName).sort(), ['batch001', 'batch002']);
      assert.notEqual(attrs[0]!.vpcAttributes!.privateIpAddress!.ipAddress![0], attrs[1]!.vpcAttributes!.privateIpAddress!.ipAddress![0]);
      const disks = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', instanceId: ids[0] }))).body!.disks!
        .disk!;
      assert.deepEqual(
        disks.map((x) => [x.type, x.size, x.device]),
        [
          ['system', 40, '/dev/xvda'],
          ['data', 100, '/dev/xvdb'],
        ],
      );
    });

    test('StopInstance and StartInstance only act on Running and Stopped instances and pass through Stopping and Starting', async () => {
      const id = await runOne(ecs, net);
      const early = await sdkError(ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id })));
      assert.deepEqual([early.code, early.statusCode], ['IncorrectInstanceStatus', 403]);
      h.advance(2);
      const notStopped = await sdkError(ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId: id })));
      assert.equal(notStopped.code, 'IncorrectInstanceStatus');
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
      assert.equal(await statusOf(ecs, id), 'Stopping');
      h.advance(2);
      assert.equal(await statusOf(ecs, id), 'Stopped');
      await ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId: id }));
      assert.equal(await statusOf(ecs, id), 'Starting');
      h.advance(2);
      assert.equal(await statusOf(ecs, id), 'Running');
      await ecs.rebootInstance(new $Ecs.RebootInstanceRequest({ instanceId: id }));
      assert.equal(await statusOf(ecs, id), 'Starting');
      h.advance(2);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id, forceStop: true }));
      assert.equal(await statusOf(ecs, id), 'Stopped');
    });

    test('ModifyInstanceAttribute changes name, description, host name, password and deletion protection, and validates them', async () => {
      const id = await runOne(ecs, net);
      h.advance(2);
      await ecs.modifyInstanceAttribute(
        new $Ecs.ModifyInstanceAttributeRequest({
          instanceId: id,
          instanceName: 'renamed',
          description: 'd2',
          hostName: 'h2',
          password: 'N3w-Passw0rd',
          deletionProtection: true,
        }),
      );
      const d = (
        await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }))
      ).body!.instances!.instance![0]!;
      assert.deepEqual([d.instanceName, d.description, d.hostName, d.deletionProtection], ['renamed', 'd2', 'h2', true]);
      const weak = await sdkError(
        ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, password: 'alllowercase' })),
      );
      assert.deepEqual([weak.code, weak.statusCode], ['InvalidPassword.Malformed', 400]);
      const host = await sdkError(
        ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, hostName: '-bad' })),
      );
      assert.equal(host.code, 'InvalidHostName.Malformed');
      const name = await sdkError(
        ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, instanceName: '1starts-with-digit' })),
      );
      assert.equal(name.code, 'InvalidInstanceName.Malformed');
      const missing = await sdkError(
        ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: 'i-nope', instanceName: 'x1' })),
      );
      assert.deepEqual([missing.code, missing.statusCode], ['InvalidInstanceId.NotFound', 404]);
    });

    test('DeleteInstance needs a Stopped instance or Force, and refuses deletion protection even with Force', async () => {
      const id = await runOne(ecs, net, { deletionProtection: true });
      h.advance(2);
      const protectedErr = await sdkError(ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true })));
      assert.deepEqual([protectedErr.code, protectedErr.statusCode], ['InvalidOperation.DeletionProtection', 403]);
      await ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, deletionProtection: false }));
      const running = await sdkError(ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id })));
      assert.deepEqual([running.code, running.statusCode], ['IncorrectInstanceStatus', 403]);
      const dry = await sdkError(ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true, dryRun: true })));
      assert.equal(dry.code, 'DryRunOperation');
      assert.equal(await statusOf(ecs, id), 'Running');
      await ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true }));
      const gone = await sdkError(ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id })));
      assert.deepEqual([gone.code, gone.statusCode], ['InvalidInstanceId.NotFound', 404]);
      const disks = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', instanceId: id }))).body!.disks!
        .disk!;
      assert.equal(disks.length, 0);
    });

    test('DeleteInstances checks every instance before deleting any', async () => {
      const a = await runOne(ecs, net);
      const b = await runOne(ecs, net);
      h.advance(2);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: a }));
      h.advance(2);
      const err = await sdkError(ecs.deleteInstances(new $Ecs.DeleteInstancesRequest({ regionId: 'cn-hangzhou', instanceId: [a, b] })));
      assert.equal(err.code, 'IncorrectInstanceStatus');
      assert.equal(await statusOf(ecs, a), 'Stopped');
      await ecs.deleteInstances(new $Ecs.DeleteInstancesRequest({ regionId: 'cn-hangzhou', instanceId: [a, b], force: true }));
      assert.equal(
        (await sdkError(ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: b })))).code,
        'InvalidInstanceId.NotFound',
      );
    });

    test('a repeated ClientToken returns the first instance, and the same token with other parameters is refused', async () => {
      const token = `tok-${mode}-run`;
      const first = await runOne(ecs, net, { clientToken: token });
      const again = await runOne(ecs, net, { clientToken: token });
      assert.equal(again, first);
      const other = await sdkError(ecs.runInstances(runRequest(net, { clientToken: token, instanceName: 'other-name' })));
      assert.deepEqual([other.code, other.statusCode], ['IdempotentParameterMismatch', 400]);
    });

    test('another account sees none of these instances', async () => {
      const id = await runOne(ecs, net);
      const err = await sdkError(
        h.client(mode, true).describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id })),
      );
      assert.equal(err.code, 'InvalidInstanceId.NotFound');
      const del = await sdkError(h.client(mode, true).deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true })));
      assert.equal(del.code, 'InvalidInstanceId.NotFound');
    });

    test('a security group or vSwitch used by an instance cannot be deleted', async () => {
      await runOne(ecs, net);
      const sg = await sdkError(
        ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: 'cn-hangzhou', securityGroupId: net.securityGroupId })),
      );
      assert.equal(sg.code, 'DependencyViolation');
      const vsw = await sdkError(
        vpcClient(h, mode).deleteVSwitch(new $Vpc.DeleteVSwitchRequest({ regionId: 'cn-hangzhou', vSwitchId: net.vSwitchId })),
      );
      assert.equal(vsw.code, 'DependencyViolation.Instance');
    });
  });
}
