/**
 * Hardware options through the official ECS SDK in both signature modes: RunInstances'
 * CpuOptions / ImageOptions / NetworkOptions as DescribeInstances and DescribeInstanceAttribute
 * report them (and the type's defaults when none are given), the per-family rules, and
 * ModifyInstanceAttribute EnableJumboFrame in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from './lifecycle-testing.js';

describeInNetwork('instance hardware options over the SDK', (env) => {
  const view = async (id: string) => {
    const r = await env.ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
    );
    const i = r.body!.instances!.instance![0]!;
    const a = (await env.ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!;
    const c = i.cpuOptions!;
    return { cpu: [c.coreCount, c.threadsPerCore, c.topologyType], nonRoot: i.imageOptions?.loginAsNonRoot, jumbo: a.enableJumboFrame };
  };

  test('defaults by type; given options are reported as set', async () => {
    const plain = await runOne(env.ecs, env.net, { instanceType: 'ecs.g7.xlarge' });
    assert.deepEqual(await view(plain), { cpu: [2, 2, ''], nonRoot: false, jumbo: false });
    const g8i = await runOne(env.ecs, env.net, { instanceType: 'ecs.g8i.xlarge' });
    assert.deepEqual(await view(g8i), { cpu: [2, 2, ''], nonRoot: false, jumbo: true });
    const tuned = await runOne(env.ecs, env.net, {
      instanceType: 'ecs.g8i.2xlarge',
      cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ core: 3, threadsPerCore: 1, topologyType: 'DiscreteCoreToHTMapping' }),
      imageOptions: new $Ecs.RunInstancesRequestImageOptions({ loginAsNonRoot: true }),
      networkOptions: new $Ecs.RunInstancesRequestNetworkOptions({ enableJumboFrame: false }),
    });
    assert.deepEqual(await view(tuned), { cpu: [3, 1, 'DiscreteCoreToHTMapping'], nonRoot: true, jumbo: false });
  });

  test('options a type does not allow are refused with the parameter named', async () => {
    for (const [over, code, text] of [
      [
        { instanceType: 'ecs.t6-c1m2.large', cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ core: 1 }) },
        'InvalidCpuOptions.ValueNotSupported',
        /Core/,
      ],
      [
        { instanceType: 'ecs.g7.large', cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ core: 2 }) },
        'InvalidCpuOptions.ValueNotSupported',
        /1 to 1 cores/,
      ],
      [
        { instanceType: 'ecs.g6.large', cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ threadsPerCore: 1 }) },
        'InvalidCpuOptions.ValueNotSupported',
        /ThreadsPerCore/,
      ],
      [
        { instanceType: 'ecs.g7.large', cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ topologyType: 'DiscreteCoreToHTMapping' }) },
        'InvalidCpuOptions.ValueNotSupported',
        /TopologyType/,
      ],
      [
        { instanceType: 'ecs.g8i.large', cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ threadsPerCore: 3 }) },
        'InvalidCpuOptions.ValueNotSupported',
        /ThreadsPerCore/,
      ],
      [
        { instanceType: 'ecs.g7.large', networkOptions: new $Ecs.RunInstancesRequestNetworkOptions({ enableJumboFrame: true }) },
        'InvalidInstanceType.JumboFrameNotSupported',
        /jumbo/,
      ],
      [{ ioOptimized: 'none' }, 'InvalidIoOptimizedValue.ValueNotSupported', /I\/O optimized/],
    ] as const) {
      const e = await sdkError(runOne(env.ecs, env.net, over));
      assert.deepEqual([e.code, e.statusCode], [code, 400], e.message);
      assert.match(e.message, text);
    }
  });

  test('ModifyInstanceAttribute turns jumbo frames off and on where the type has them', async () => {
    const id = await runOne(env.ecs, env.net, { instanceType: 'ecs.g8i.large' });
    await env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, enableJumboFrame: false }));
    assert.equal((await view(id)).jumbo, false);
    await env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, enableJumboFrame: true }));
    assert.equal((await view(id)).jumbo, true);
    const other = await runOne(env.ecs, env.net, { instanceType: 'ecs.g7.large' });
    const e = await sdkError(
      env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: other, enableJumboFrame: true })),
    );
    assert.equal(e.code, 'InvalidInstanceType.JumboFrameNotSupported');
    await env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: other, enableJumboFrame: false }));
    assert.equal((await view(other)).jumbo, false);
  });
  test('ModifyInstanceAttribute changes threads and topology of a stopped instance; Core only back to the default', async () => {
    const id = await runOne(env.ecs, env.net, {
      instanceType: 'ecs.g8i.2xlarge',
      cpuOptions: new $Ecs.RunInstancesRequestCpuOptions({ core: 2 }),
    });
    env.h.advance(2);
    const modify = (o: ConstructorParameters<typeof $Ecs.ModifyInstanceAttributeRequestCpuOptions>[0]) =>
      env.ecs.modifyInstanceAttribute(
        new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, cpuOptions: new $Ecs.ModifyInstanceAttributeRequestCpuOptions(o) }),
      );
    const running = await sdkError(modify({ threadsPerCore: 1 }));
    assert.deepEqual([running.code, running.statusCode], ['IncorrectInstanceStatus', 403]);
    await env.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    env.h.advance(2);
    await modify({ threadsPerCore: 1, topologyType: 'ContinuousCoreToHTMapping' });
    assert.deepEqual((await view(id)).cpu, [2, 1, 'ContinuousCoreToHTMapping']);
    const core = await sdkError(modify({ core: 3 }));
    assert.match(core.message, /default, 4/);
    await modify({ core: 4 });
    assert.deepEqual((await view(id)).cpu, [4, 1, 'ContinuousCoreToHTMapping']);
  });
});
