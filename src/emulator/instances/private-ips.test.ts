/**
 * AssignPrivateIpAddresses and UnassignPrivateIpAddresses on an instance's primary interface
 * through the official ECS SDK in both signature modes: what `alicloud_instance`'s
 * secondary_private_ips / secondary_private_ip_address_count send, what DescribeInstances shows,
 * the vSwitch bookkeeping (an address in use is refused) and the error codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from './lifecycle-testing.js';

describeInNetwork('secondary private IPs over the SDK', (env) => {
  const primary = async (id: string) => {
    const r = await env.ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
    );
    const eni = r.body!.instances!.instance![0]!.networkInterfaces!.networkInterface![0]!;
    const sets = eni.privateIpSets!.privateIpSet!;
    return {
      eni: eni.networkInterfaceId!,
      primary: sets.filter((s) => s.primary).map((s) => s.privateIpAddress),
      secondary: sets.filter((s) => !s.primary).map((s) => s.privateIpAddress!),
    };
  };
  const assign = (eni: string, over: Partial<ConstructorParameters<typeof $Ecs.AssignPrivateIpAddressesRequest>[0]>) =>
    env.ecs.assignPrivateIpAddresses(
      new $Ecs.AssignPrivateIpAddressesRequest({ regionId: 'cn-hangzhou', networkInterfaceId: eni, ...over }),
    );
  const unassign = (eni: string, ips: string[]) =>
    env.ecs.unassignPrivateIpAddresses(
      new $Ecs.UnassignPrivateIpAddressesRequest({ regionId: 'cn-hangzhou', networkInterfaceId: eni, privateIpAddress: ips }),
    );
  const ipIn = (n: number) => env.net.cidr.replace(/\.0\/24$/, `.${n}`);

  test('given addresses and a count join the primary interface, DescribeInstances lists them, unassign removes them', async () => {
    const id = await runOne(env.ecs, env.net);
    env.h.advance(2);
    const start = await primary(id);
    assert.match(start.eni, /^eni-/);
    assert.deepEqual([start.primary.length, start.secondary], [1, []]);
    const given = await assign(start.eni, { privateIpAddress: [ipIn(200), ipIn(201)] });
    assert.deepEqual(given.body!.assignedPrivateIpAddressesSet!.privateIpSet!.privateIpAddress, [ipIn(200), ipIn(201)]);
    const picked = (await assign(start.eni, { secondaryPrivateIpAddressCount: 2 })).body!.assignedPrivateIpAddressesSet!.privateIpSet!
      .privateIpAddress!;
    assert.equal(picked.length, 2);
    assert.ok(
      picked.every((ip) => ip.startsWith(env.net.cidr.replace(/\.0\/24$/, '.'))),
      `${picked} are in ${env.net.cidr}`,
    );
    assert.deepEqual((await primary(id)).secondary, [ipIn(200), ipIn(201), ...picked]);
    await unassign(start.eni, [ipIn(201), picked[0]!]);
    assert.deepEqual((await primary(id)).secondary, [ipIn(200), picked[1]]);
    // The secondary address stays taken in the vSwitch: neither another interface nor RunInstances gets it.
    const other = await runOne(env.ecs, env.net);
    env.h.advance(2);
    const dup = await sdkError(assign((await primary(other)).eni, { privateIpAddress: [ipIn(200)] }));
    assert.equal(dup.code, 'InvalidPrivateIpAddress.Duplicated');
    const run = await sdkError(runOne(env.ecs, env.net, { privateIpAddress: ipIn(200) }));
    assert.equal(run.code, 'InvalidPrivateIpAddress.Duplicated');
  });

  test('bad requests are refused before anything changes', async () => {
    const id = await runOne(env.ecs, env.net);
    const { eni } = await primary(id);
    const pending = await sdkError(assign(eni, { secondaryPrivateIpAddressCount: 1 }));
    assert.deepEqual([pending.code, pending.statusCode], ['InvalidOperation.InvalidEniState', 403]);
    env.h.advance(2);
    const both = await sdkError(assign(eni, { secondaryPrivateIpAddressCount: 1, privateIpAddress: [ipIn(210)] }));
    assert.equal(both.code, 'InvalidParameter');
    const outside = await sdkError(assign(eni, { privateIpAddress: ['192.168.0.9'] }));
    assert.equal(outside.code, 'InvalidPrivateIpAddress');
    await assign(eni, { secondaryPrivateIpAddressCount: 9 });
    const tooMany = await sdkError(assign(eni, { secondaryPrivateIpAddressCount: 2 }));
    assert.deepEqual([tooMany.code, tooMany.statusCode], ['InvalidOperation.Ipv4CountExceeded', 403]);
    const notHeld = await sdkError(unassign(eni, [ipIn(250)]));
    assert.deepEqual([notHeld.code, notHeld.statusCode], ['InvalidIp.Address.NotFound', 404]);
    const unknown = await sdkError(assign('eni-doesnotexist', { secondaryPrivateIpAddressCount: 1 }));
    assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidEniId.NotFound', 404]);
    assert.equal((await primary(id)).secondary.length, 9);
  });
});
