import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InstanceDetail } from '../../ecs/index.js';
import { nullState } from '../../framework/testing/fixtures.js';
import { fromHardwareOptions, planHardwareOptions, toRunHardwareOptions } from './hardware-options.js';
import { toModifyInstanceAttributeInput } from './mapping.js';
import { instanceSchema, type InstanceState } from './schema.js';

const empty = nullState(instanceSchema);
const cpu = (core_count: number | null, threads_per_core: number | null = null, topology_type: string | null = null) => [
  { core_count, threads_per_core, topology_type },
];

test('RunInstances gets only the written CPU, image and network options', () => {
  assert.deepEqual(toRunHardwareOptions({ ...empty }), { CpuOptions: undefined, ImageOptions: undefined, NetworkOptions: undefined });
  assert.deepEqual(
    toRunHardwareOptions({
      ...empty,
      cpu_options: cpu(2, null, 'DiscreteCoreToHTMapping'),
      image_options: [{ login_as_non_root: true }],
      enable_jumbo_frame: false,
    }),
    {
      CpuOptions: { Core: 2, ThreadsPerCore: undefined, TopologyType: 'DiscreteCoreToHTMapping' },
      ImageOptions: { LoginAsNonRoot: true },
      NetworkOptions: { EnableJumboFrame: false },
    },
  );
});

test('the state reads the CPU and image options of DescribeInstances and the jumbo flag of DescribeInstanceAttribute', () => {
  const i = {
    CpuOptions: { CoreCount: 3, ThreadsPerCore: 1, TopologyType: '' },
    ImageOptions: { LoginAsNonRoot: true },
  } as InstanceDetail;
  assert.deepEqual(fromHardwareOptions(i, true), {
    enable_jumbo_frame: true,
    cpu_options: cpu(3, 1, ''),
    image_options: [{ login_as_non_root: true }],
  });
});

test('ModifyInstanceAttribute carries EnableJumboFrame only when it changed', () => {
  const plan = { ...empty, enable_jumbo_frame: false };
  assert.deepEqual(toModifyInstanceAttributeInput('i-1', plan, new Set(['enable_jumbo_frame']))?.EnableJumboFrame, false);
  assert.equal(toModifyInstanceAttributeInput('i-1', plan, new Set(['instance_name'])), undefined);
});

test('plan: written options that differ replace; a type change leaves unwritten CPU options and the jumbo flag unknown', () => {
  const prior = {
    ...empty,
    instance_type: 'ecs.g8i.large',
    cpu_options: cpu(1, 2, ''),
    image_options: [{ login_as_non_root: false }],
    enable_jumbo_frame: true,
  } as InstanceState;
  const run = (config: Parameters<typeof planHardwareOptions>[0], type = 'ecs.g8i.large') => {
    const replaced: string[] = [];
    const plan = { ...prior, instance_type: type };
    planHardwareOptions(config, plan, prior, (a) => replaced.push(a));
    return { replaced, cpu: plan.cpu_options, jumbo: plan.enable_jumbo_frame };
  };
  // Written equal to the instance, or not written: nothing happens.
  assert.deepEqual(run({ cpu_options: cpu(1), image_options: [{ login_as_non_root: false }] }).replaced, []);
  assert.deepEqual(run({}).replaced, []);
  assert.deepEqual(run({ cpu_options: cpu(null, 1) }).replaced, ['cpu_options']);
  assert.deepEqual(run({ image_options: [{ login_as_non_root: true }] }).replaced, ['image_options']);
  // A type change: written CPU options replace (ECS resets them); unwritten ones and the flag become unknown.
  assert.deepEqual(run({ cpu_options: cpu(1) }, 'ecs.g8i.xlarge').replaced, ['cpu_options']);
  assert.deepEqual(run({}, 'ecs.g8i.xlarge'), { replaced: [], cpu: undefined, jumbo: undefined });
  assert.equal(run({ enable_jumbo_frame: true }, 'ecs.g8i.xlarge').jumbo, true);
});
