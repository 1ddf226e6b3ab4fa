/**
 * Elastic network interfaces through the official ECS SDK in both signature modes: RunInstances
 * `NetworkInterface.N` (a Primary entry carrying the network and the primary interface's options,
 * Secondary entries creating more interfaces), DescribeNetworkInterfaces (filters, paging),
 * DescribeInstances NetworkInterfaces, release with the instance, and the refusals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne, vpcClient, ZONE, type TestNetwork } from './lifecycle-testing.js';

type Nic = ConstructorParameters<typeof $Ecs.RunInstancesRequestNetworkInterface>[0];

/** RunInstances over with the network given in a Primary entry instead of the top-level parameters. */
const viaPrimary = (net: TestNetwork, primary: Nic, secondaries: Nic[] = []) => ({
  vSwitchId: undefined,
  securityGroupIds: undefined,
  networkInterface: [
    new $Ecs.RunInstancesRequestNetworkInterface({
      instanceType: 'Primary',
      vSwitchId: net.vSwitchId,
      securityGroupIds: [net.securityGroupId],
      ...primary,
    }),
    ...secondaries.map((s) => new $Ecs.RunInstancesRequestNetworkInterface(s)),
  ],
});

describeInNetwork('network interfaces over the SDK', (env) => {
  const enis = async (over: Partial<ConstructorParameters<typeof $Ecs.DescribeNetworkInterfacesRequest>[0]>) =>
    (await env.ecs.describeNetworkInterfaces(new $Ecs.DescribeNetworkInterfacesRequest({ regionId: 'cn-hangzhou', ...over }))).body!;

  test('a Primary entry sets the primary options; Secondary entries get their own id, address, vSwitch and groups', async () => {
    const vpc = vpcClient(env.h, 'v3');
    const second = (
      await vpc.createVSwitch(
        new $Vpc.CreateVSwitchRequest({
          regionId: 'cn-hangzhou',
          vpcId: env.net.vpcId,
          zoneId: ZONE,
          cidrBlock: `${env.net.cidr.split('.1.0/')[0]}.3.0/24`,
        }),
      )
    ).body!.vSwitchId!;
    env.h.advance(2);
    const id = await runOne(
      env.ecs,
      env.net,
      viaPrimary(env.net, { sourceDestCheck: true, networkInterfaceTrafficMode: 'Standard', networkCardIndex: 0 }, [
        { vSwitchId: second, sourceDestCheck: true },
        { instanceType: 'Secondary' },
      ]),
    );
    env.h.advance(2);
    const all = await enis({ instanceId: id });
    assert.equal(all.totalCount, 3);
    const [p, s1, s2] = all.networkInterfaceSets!.networkInterfaceSet!;
    assert.deepEqual(
      [p!.type, p!.status, p!.vSwitchId, p!.sourceDestCheck, p!.networkInterfaceTrafficMode, p!.attachment!.networkCardIndex],
      ['Primary', 'InUse', env.net.vSwitchId, true, 'Standard', 0],
    );
    assert.match(s1!.networkInterfaceId!, /^eni-/);
    assert.notEqual(s1!.networkInterfaceId, s2!.networkInterfaceId);
    assert.deepEqual([s1!.type, s1!.vSwitchId, s1!.sourceDestCheck, s1!.attachment!.deviceIndex], ['Secondary', second, true, 1]);
    assert.deepEqual(
      [s2!.vSwitchId, s2!.sourceDestCheck, s2!.securityGroupIds!.securityGroupId],
      [env.net.vSwitchId, false, [env.net.securityGroupId]],
    );
    // Addresses: the instance's and its secondaries' are distinct and taken from their vSwitches.
    assert.notEqual(s2!.privateIpAddress, p!.privateIpAddress);
    assert.match(s1!.privateIpAddress!, /\.3\.\d+$/);
    const next = await runOne(env.ecs, env.net);
    env.h.advance(2);
    const nextIp = (await enis({ instanceId: next })).networkInterfaceSets!.networkInterfaceSet![0]!.privateIpAddress;
    assert.ok(![p, s1, s2].some((e) => e!.privateIpAddress === nextIp));
    // DescribeInstances lists all three, primary first.
    const inst = (
      await env.ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }))
    ).body!.instances!.instance![0]!;
    assert.deepEqual(
      inst.networkInterfaces!.networkInterface!.map((n) => [n.networkInterfaceId, n.type]),
      [p, s1, s2].map((e) => [e!.networkInterfaceId, e!.type]),
    );
    // Filters and paging.
    assert.deepEqual(
      (await enis({ vSwitchId: second })).networkInterfaceSets!.networkInterfaceSet!.map((e) => e.networkInterfaceId),
      [s1!.networkInterfaceId],
    );
    assert.equal((await enis({ instanceId: id, type: 'Secondary' })).totalCount, 2);
    assert.equal((await enis({ networkInterfaceId: [p!.networkInterfaceId!, s2!.networkInterfaceId!] })).totalCount, 2);
    const page = await enis({ instanceId: id, maxResults: 2 });
    assert.equal(page.networkInterfaceSets!.networkInterfaceSet!.length, 2);
    const rest = await enis({ instanceId: id, maxResults: 2, nextToken: page.nextToken! });
    assert.deepEqual(
      rest.networkInterfaceSets!.networkInterfaceSet!.map((e) => e.networkInterfaceId),
      [s2!.networkInterfaceId],
    );
    assert.equal(rest.nextToken, '');
    // A vSwitch or security group used only by a secondary interface is in use.
    const usedVsw = await sdkError(vpc.deleteVSwitch(new $Vpc.DeleteVSwitchRequest({ regionId: 'cn-hangzhou', vSwitchId: second })));
    assert.equal(usedVsw.code, 'DependencyViolation.Instance');
    const onlyEni = (
      await env.ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId: env.net.vpcId }))
    ).body!.securityGroupId!;
    const holder = await runOne(env.ecs, env.net, viaPrimary(env.net, {}, [{ instanceType: 'Secondary', securityGroupIds: [onlyEni] }]));
    const usedSg = await sdkError(
      env.ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: 'cn-hangzhou', securityGroupId: onlyEni })),
    );
    assert.equal(usedSg.code, 'DependencyViolation');
    // Nor does an instance with secondary interfaces move to another VPC.
    const otherVpc = (await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '192.168.0.0/16' }))).body!
      .vpcId!;
    env.h.advance(2);
    const otherVsw = (
      await vpc.createVSwitch(
        new $Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId: otherVpc, zoneId: ZONE, cidrBlock: '192.168.1.0/24' }),
      )
    ).body!.vSwitchId!;
    const otherSg = (await env.ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId: otherVpc })))
      .body!.securityGroupId!;
    env.h.advance(2);
    await env.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: holder }));
    env.h.advance(2);
    const move = await sdkError(
      env.ecs.modifyInstanceVpcAttribute(
        new $Ecs.ModifyInstanceVpcAttributeRequest({
          instanceId: holder,
          vpcId: otherVpc,
          vSwitchId: otherVsw,
          securityGroupId: [otherSg],
        }),
      ),
    );
    assert.equal(move.code, 'IncorrectInstanceStatus');
    assert.match(move.message!, /secondary network interfaces/);
    await env.ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: holder, force: true }));
    // Released with the instance.
    await env.ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true }));
    assert.equal((await enis({ networkInterfaceId: [s1!.networkInterfaceId!] })).totalCount, 0);
    await vpc.deleteVSwitch(new $Vpc.DeleteVSwitchRequest({ regionId: 'cn-hangzhou', vSwitchId: second }));
    await env.ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: 'cn-hangzhou', securityGroupId: onlyEni }));
  });

  test('refusals: top-level network beside a Primary entry, too many interfaces, ERI and card rules, foreign zone', async () => {
    const sec: Nic = { instanceType: 'Secondary' };
    const conflict = await sdkError(runOne(env.ecs, env.net, { ...viaPrimary(env.net, {}), vSwitchId: env.net.vSwitchId }));
    assert.deepEqual([conflict.code, conflict.statusCode], ['InvalidParameter.Conflict', 400]);
    // ecs.g7.large holds 3 interfaces.
    const many = await sdkError(runOne(env.ecs, env.net, viaPrimary(env.net, {}, [sec, sec, sec])));
    assert.deepEqual([many.code, many.statusCode], ['InvalidOperation.EniCountExceeded', 403]);
    const eri = await sdkError(runOne(env.ecs, env.net, viaPrimary(env.net, { networkInterfaceTrafficMode: 'HighPerformance' })));
    assert.equal(eri.code, 'InvalidParameter');
    assert.match(eri.message!, /HighPerformance/);
    const queues = await sdkError(runOne(env.ecs, env.net, viaPrimary(env.net, { queuePairNumber: 2 })));
    assert.match(queues.message!, /QueuePairNumber/);
    const card = await sdkError(runOne(env.ecs, env.net, viaPrimary(env.net, {}, [{ networkCardIndex: 1 }])));
    assert.match(card.message!, /NetworkCardIndex/);
    const zone = await sdkError(runOne(env.ecs, env.net, viaPrimary(env.net, {}, [{ vSwitchId: env.net.oldZoneVSwitchId }])));
    assert.equal(zone.code, 'InvalidParameter.Mismatch');
    const mode = await sdkError(runOne(env.ecs, env.net, viaPrimary(env.net, { networkInterfaceTrafficMode: 'Fast' })));
    assert.equal(mode.code, 'InvalidParameter');
    const enisLeft = await env.ecs.describeNetworkInterfaces(
      new $Ecs.DescribeNetworkInterfacesRequest({ regionId: 'cn-hangzhou', vpcId: env.net.vpcId, type: 'Secondary' }),
    );
    assert.equal(enisLeft.body!.totalCount, 0, 'a refused launch creates no interface');
  });

  test('a type change keeps every interface: a type holding fewer is refused', async () => {
    const sec: Nic = { instanceType: 'Secondary' };
    // ecs.g7.xlarge holds 4 interfaces, ecs.g7.large 3.
    const id = await runOne(env.ecs, env.net, { ...viaPrimary(env.net, {}, [sec, sec, sec]), instanceType: 'ecs.g7.xlarge' });
    env.h.advance(2);
    await env.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    env.h.advance(2);
    const smaller = await sdkError(
      env.ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g7.large' })),
    );
    assert.deepEqual([smaller.code, smaller.statusCode], ['InvalidOperation.EniCountExceeded', 403]);
    assert.match(smaller.message!, /holds 3 network interfaces and the instance "i-[a-z0-9]+" has 4/);
    await env.ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g7.2xlarge' }));
    const after = (await enis({ instanceId: id })).networkInterfaceSets!.networkInterfaceSet!;
    assert.equal(after.length, 4);
  });
});
