/**
 * Launch options through the official ECS SDK in both signature modes: RunInstances'
 * AutoReleaseTime / SpotDuration / SpotInterruptionBehavior / CreditSpecification /
 * InternetMaxBandwidthIn / PasswordInherit as DescribeInstances reports them, the spot capacity
 * check, ModifyInstanceAutoReleaseTime, and the in-place changes of the burstable mode
 * (ModifyInstanceAttribute) and the inbound bandwidth (ModifyInstanceNetworkSpec).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { CREATE_SECONDS } from '../images/testing.js';
import { SEED_INSTANCE_IMAGE } from '../images/public-images.js';
import { describeInNetwork, runOne, statusOf } from './lifecycle-testing.js';

const hoursAhead = (h: number, seconds = '00') => new Date(Date.now() + h * 3600_000).toISOString().slice(0, 17) + `${seconds}Z`;

describeInNetwork('instance launch options over the SDK', (env) => {
  const view = async (id: string) => {
    const r = await env.ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
    );
    const i = r.body!.instances!.instance![0]!;
    return {
      release: i.autoReleaseTime,
      duration: i.spotDuration,
      behavior: i.spotInterruptionBehavior,
      credit: i.creditSpecification,
      bandwidthIn: i.internetMaxBandwidthIn,
    };
  };

  test('a plain instance reports none; given options are reported as set and defaulted as ECS does', async () => {
    const plain = await runOne(env.ecs, env.net);
    assert.deepEqual(await view(plain), { release: '', duration: 0, behavior: '', credit: '', bandwidthIn: -1 });
    const release = hoursAhead(2, '37');
    const spot = await runOne(env.ecs, env.net, {
      spotStrategy: 'SpotAsPriceGo',
      spotInterruptionBehavior: 'Stop',
      autoReleaseTime: release,
      internetMaxBandwidthOut: 20,
      internetMaxBandwidthIn: 15,
    });
    assert.deepEqual(await view(spot), { release: release.slice(0, 16) + 'Z', duration: 1, behavior: 'Stop', credit: '', bandwidthIn: 15 });
    const burst = await runOne(env.ecs, env.net, {
      instanceType: 'ecs.t6-c1m2.large',
      spotStrategy: 'SpotAsPriceGo',
      spotDuration: 0,
      internetMaxBandwidthOut: 5,
    });
    assert.deepEqual(await view(burst), { release: '', duration: 0, behavior: 'Terminate', credit: 'Standard', bandwidthIn: 10 });
  });

  test('automatic release, burstable mode and inbound bandwidth change in place', async () => {
    const id = await runOne(env.ecs, env.net, {
      instanceType: 'ecs.t6-c1m2.large',
      creditSpecification: 'Unlimited',
      internetMaxBandwidthOut: 4,
    });
    env.h.advance(2);
    const release = hoursAhead(5);
    await env.ecs.modifyInstanceAutoReleaseTime(
      new $Ecs.ModifyInstanceAutoReleaseTimeRequest({ regionId: 'cn-hangzhou', instanceId: id, autoReleaseTime: release }),
    );
    await env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, creditSpecification: 'Standard' }));
    await env.ecs.modifyInstanceNetworkSpec(new $Ecs.ModifyInstanceNetworkSpecRequest({ instanceId: id, internetMaxBandwidthIn: 7 }));
    assert.deepEqual(await view(id), {
      release: release.slice(0, 16) + 'Z',
      duration: 0,
      behavior: '',
      credit: 'Standard',
      bandwidthIn: 7,
    });
    await env.ecs.modifyInstanceAutoReleaseTime(new $Ecs.ModifyInstanceAutoReleaseTimeRequest({ regionId: 'cn-hangzhou', instanceId: id }));
    assert.equal((await view(id)).release, '');
    const over = await sdkError(
      env.ecs.modifyInstanceNetworkSpec(new $Ecs.ModifyInstanceNetworkSpecRequest({ instanceId: id, internetMaxBandwidthIn: 11 })),
    );
    assert.deepEqual([over.code, over.statusCode], ['InvalidParameter', 400]);
    assert.equal((await view(id)).bandwidthIn, 7);
  });

  test('options that do not fit the instance are refused with their codes, and nothing is made', async () => {
    const before = (await env.ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', pageSize: 100 }))).body!
      .totalCount;
    const cases: [Parameters<typeof runOne>[2], string][] = [
      [{ autoReleaseTime: hoursAhead(0.25) }, 'InvalidAutoReleaseTime.Malformed'],
      [{ autoReleaseTime: '2030-01-01 10:00:00' }, 'InvalidAutoReleaseTime.Malformed'],
      [{ autoReleaseTime: hoursAhead(2), instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month' }, 'ChargeTypeViolation'],
      [{ spotDuration: 1 }, 'InvalidParameter'],
      [{ spotStrategy: 'SpotAsPriceGo', spotDuration: 3 }, 'InvalidParameter'],
      [{ spotStrategy: 'SpotAsPriceGo', spotInterruptionBehavior: 'Hibernate' }, 'InvalidParameter'],
      [{ spotStrategy: 'SpotAsPriceGo', vSwitchId: env.net.oldZoneVSwitchId }, 'OperationDenied.NoStock'],
      [{ creditSpecification: 'Unlimited' }, 'InvalidParameter.CreditSpecification'],
      [{ internetMaxBandwidthIn: 5 }, 'InvalidParameter'],
      [{ internetMaxBandwidthOut: 8, internetMaxBandwidthIn: 12 }, 'InvalidParameter'],
      [{ passwordInherit: true }, 'InvalidParameter'],
    ];
    for (const [over, code] of cases) {
      const e = await sdkError(runOne(env.ecs, env.net, over));
      assert.equal(e.code, code, JSON.stringify(over));
    }
    const id = await runOne(env.ecs, env.net);
    env.h.advance(2);
    const prepaid = await runOne(env.ecs, env.net, { instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month' });
    const denied = await sdkError(
      env.ecs.modifyInstanceAutoReleaseTime(
        new $Ecs.ModifyInstanceAutoReleaseTimeRequest({ regionId: 'cn-hangzhou', instanceId: prepaid, autoReleaseTime: hoursAhead(2) }),
      ),
    );
    assert.equal(denied.code, 'ChargeTypeViolation');
    const g7 = await sdkError(
      env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, creditSpecification: 'Unlimited' })),
    );
    assert.equal(g7.code, 'InvalidParameter.CreditSpecification');
    const after = (await env.ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', pageSize: 100 }))).body!
      .totalCount;
    assert.equal(after, before! + 2);
  });

  test('PasswordInherit takes the password of an own image, at launch and on ReplaceSystemDisk; never with Password or a public image', async () => {
    const src = await runOne(env.ecs, env.net, { instanceName: 'inherit-source' });
    env.h.advance(2);
    const imageId = (
      await env.ecs.createImage(new $Ecs.CreateImageRequest({ regionId: 'cn-hangzhou', instanceId: src, imageName: 'with-password' }))
    ).body!.imageId!;
    env.h.advance(CREATE_SECONDS);
    const child = await runOne(env.ecs, env.net, { imageId, passwordInherit: true });
    env.h.advance(2);
    assert.equal(await statusOf(env.ecs, child), 'Running');
    const both = await sdkError(runOne(env.ecs, env.net, { imageId, passwordInherit: true, password: 'Secret123!' }));
    assert.equal(both.code, 'InvalidParameter');
    await env.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: child }));
    env.h.advance(2);
    const replace = (image: string, over: { password?: string } = {}) =>
      env.ecs.replaceSystemDisk(new $Ecs.ReplaceSystemDiskRequest({ instanceId: child, imageId: image, passwordInherit: true, ...over }));
    assert.equal((await sdkError(replace(SEED_INSTANCE_IMAGE))).code, 'InvalidParameter');
    assert.equal((await sdkError(replace(imageId, { password: 'Secret123!' }))).code, 'InvalidParameter');
    assert.match((await replace(imageId)).body!.diskId!, /^d-/);
  });
});
