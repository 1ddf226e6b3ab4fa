/**
 * IPv6 addresses of an instance's primary interface through the official ECS and VPC SDKs in both
 * signature modes: RunInstances Ipv6AddressCount / Ipv6Address.N in a vSwitch with an IPv6 /64,
 * DescribeInstances `Ipv6Sets`, AssignIpv6Addresses / UnassignIpv6Addresses (what
 * `alicloud_instance`'s ipv6_addresses / ipv6_address_count send), and the refusals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne, vpcClient, ZONE } from './lifecycle-testing.js';
import { ipv6Number, ipv6Text } from './ipv6-addresses.js';

test('IPv6 text round-trips to RFC 5952 form; malformed text is no address', () => {
  const cases: [string, string][] = [
    ['2408:4005:3ff:105::8', '2408:4005:3ff:105::8'],
    ['2408:4005:03ff:0105:0:0:0:0008', '2408:4005:3ff:105::8'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ];
  for (const [input, text] of cases) assert.equal(ipv6Text(ipv6Number(input)!), text, input);
  for (const bad of ['1::2::3', '1:2:3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '10.0.0.1']) assert.equal(ipv6Number(bad), undefined, bad);
});

describeInNetwork('IPv6 addresses over the SDK', (env) => {
  let vSwitchId = '';
  let block = '';
  let plain = {} as typeof env.net;
  const ipv6Subnet = async () => {
    if (vSwitchId) return;
    // The ECS calls run in both signature modes; the VPC set-up needs only one.
    const vpc = vpcClient(env.h, 'v3');
    plain = env.net;
    const vpcId = (
      await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '192.168.0.0/16', enableIpv6: true }))
    ).body!.vpcId!;
    env.h.advance(2);
    vSwitchId = (
      await vpc.createVSwitch(
        new $Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId, zoneId: ZONE, cidrBlock: '192.168.1.0/24', ipv6CidrBlock: 5 }),
      )
    ).body!.vSwitchId!;
    block = (await vpc.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou', vSwitchId }))).body!.vSwitches!
      .vSwitch![0]!.ipv6CidrBlock!;
    env.h.advance(2);
    const sg = (
      await env.ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId, securityGroupName: 'v6' }))
    ).body!.securityGroupId!;
    env.net = { ...env.net, vSwitchId, securityGroupId: sg };
  };
  const host = (n: number) => `${block.split('::')[0]}::${n.toString(16)}`;
  const primary = async (id: string) => {
    const r = await env.ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
    );
    const eni = r.body!.instances!.instance![0]!.networkInterfaces!.networkInterface![0]!;
    return { eni: eni.networkInterfaceId!, ipv6: eni.ipv6Sets!.ipv6Set!.map((s) => s.ipv6Address!) };
  };
  const assign = (eni: string, over: Partial<ConstructorParameters<typeof $Ecs.AssignIpv6AddressesRequest>[0]>) =>
    env.ecs.assignIpv6Addresses(new $Ecs.AssignIpv6AddressesRequest({ regionId: 'cn-hangzhou', networkInterfaceId: eni, ...over }));
  const unassign = (eni: string, ips: string[]) =>
    env.ecs.unassignIpv6Addresses(
      new $Ecs.UnassignIpv6AddressesRequest({ regionId: 'cn-hangzhou', networkInterfaceId: eni, ipv6Address: ips }),
    );

  test('RunInstances takes a count or given addresses; assign and unassign change them; DescribeInstances lists them', async () => {
    await ipv6Subnet();
    assert.match(block, /::\/64$/);
    const counted = await runOne(env.ecs, env.net, { ipv6AddressCount: 2 });
    const given = await runOne(env.ecs, env.net, { ipv6Address: [host(100), host(8)] });
    env.h.advance(2);
    assert.deepEqual((await primary(counted)).ipv6, [host(1), host(2)]);
    const { eni, ipv6 } = await primary(given);
    assert.deepEqual(ipv6, [host(100), host(8)]);
    const added = await assign(eni, { ipv6Address: [host(0x40)] });
    assert.deepEqual(added.body!.ipv6Sets!.ipv6Address, [host(0x40)]);
    const picked = (await assign(eni, { ipv6AddressCount: 1 })).body!.ipv6Sets!.ipv6Address!;
    assert.deepEqual(picked, [host(3)], 'the first free host of the /64');
    await unassign(eni, [host(100), host(3)]);
    assert.deepEqual((await primary(given)).ipv6, [host(8), host(0x40)]);
  });

  test('no IPv6 block, an address outside the block or in use, too many, or an unknown address is refused', async () => {
    await ipv6Subnet();
    const id = await runOne(env.ecs, env.net, { ipv6AddressCount: 1 });
    env.h.advance(2);
    const { eni, ipv6 } = await primary(id);
    const noV6 = await sdkError(runOne(env.ecs, plain, { ipv6AddressCount: 1 }));
    assert.deepEqual([noV6.code, noV6.statusCode], ['InvalidVSwitchId.Ipv6NotTurnOn', 403]);
    const outside = await sdkError(assign(eni, { ipv6Address: ['2001:db8::1'] }));
    assert.deepEqual([outside.code, outside.statusCode], ['InvalidIpv6Address.Mismatch', 400]);
    const taken = await sdkError(runOne(env.ecs, env.net, { ipv6Address: [ipv6[0]!] }));
    assert.equal(taken.code, 'InvalidIpv6Address.Duplicated');
    const many = await sdkError(assign(eni, { ipv6AddressCount: 10 }));
    assert.deepEqual([many.code, many.statusCode], ['InvalidOperation.Ipv6CountExceeded', 403]);
    const unknown = await sdkError(unassign(eni, [host(0xfff)]));
    assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidIpv6Address.NotFound', 404]);
    assert.deepEqual((await primary(id)).ipv6, ipv6, 'nothing changed');
  });
});
