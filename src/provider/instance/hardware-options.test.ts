import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InstanceDetail } from '../../ecs/index.js';
import { nullState } from '../../framework/testing/fixtures.js';
import { cpuOptionsChange, fromHardwareOptions, planHardwareOptions, toRunHardwareOptions } from './hardware-options.js';
import { toModifyInstanceAttributeInput } from './mapping.js';
import { instanceSchema, type InstanceState } from './schema.js';
import { checkPrepaySpec, fromPrepaySpec } from './prepay-spec.js';
import { Diagnostics } from '../../framework/index.js';

const empty = nullState(instanceSchema);
const cpu = (core_count: number | null, threads_per_core: number | null = null, topology_type: string | null = null) => [
  { core_count, threads_per_core, topology_type },
];

test('RunInstances gets only the written CPU, image and network options', () => {
  assert.deepEqual(toRunHardwareOptions({ ...empty }), {
    IoOptimized: undefined,
    CpuOptions: undefined,
    ImageOptions: undefined,
    NetworkOptions: undefined,
  });
  assert.deepEqual(
    toRunHardwareOptions({
      ...empty,
      cpu_options: cpu(2, null, 'DiscreteCoreToHTMapping'),
      image_options: [{ login_as_non_root: true }],
      enable_jumbo_frame: false,
      is_outdated: true,
    }),
    {
      IoOptimized: 'none',
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
  assert.deepEqual(fromHardwareOptions(i, true, { is_outdated: false }), {
    is_outdated: false,
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

test('plan: a type change leaves unwritten CPU fields and the jumbo flag unknown', () => {
  const prior = { ...empty, instance_type: 'ecs.g8i.large', cpu_options: cpu(1, 2, ''), enable_jumbo_frame: true } as InstanceState;
  const run = (config: Parameters<typeof planHardwareOptions>[0], type = 'ecs.g8i.large') => {
    const plan = { ...prior, instance_type: type };
    planHardwareOptions(config, plan, prior);
    return { cpu: plan.cpu_options, jumbo: plan.enable_jumbo_frame };
  };
  assert.deepEqual(run({ cpu_options: cpu(null, 1) }), { cpu: cpu(1, 2, ''), jumbo: true });
  assert.deepEqual(run({}, 'ecs.g8i.xlarge'), { cpu: undefined, jumbo: undefined });
  assert.deepEqual(run({ cpu_options: cpu(null, 1), enable_jumbo_frame: true }, 'ecs.g8i.xlarge'), {
    cpu: [{ core_count: undefined, threads_per_core: 1, topology_type: undefined }],
    jumbo: true,
  });
});

test('the CPU options sent in place: the changed fields, or every known one after a type change', () => {
  const prior = { ...empty, instance_type: 'ecs.g8i.large', cpu_options: cpu(1, 2, '') };
  const plan = { ...prior, cpu_options: cpu(1, 1, 'DiscreteCoreToHTMapping') };
  assert.deepEqual(cpuOptionsChange(plan, prior, new Set(['cpu_options'])), {
    Core: undefined,
    ThreadsPerCore: 1,
    TopologyType: 'DiscreteCoreToHTMapping',
  });
  assert.equal(cpuOptionsChange(prior, prior, new Set(['instance_name'])), undefined);
  const retyped = {
    ...prior,
    instance_type: 'ecs.g8i.xlarge',
    cpu_options: [{ core_count: undefined, threads_per_core: 1, topology_type: undefined }],
  };
  assert.deepEqual(cpuOptionsChange(retyped as never, prior, new Set(['instance_type', 'cpu_options'])), {
    Core: undefined,
    ThreadsPerCore: 1,
    TopologyType: undefined,
  });
  assert.equal(cpuOptionsChange({ ...prior, cpu_options: undefined } as never, prior, new Set(['instance_type'])), undefined);
});

test('operator_type is refused without a subscription and kept from the configuration', () => {
  const errors = (c: Parameters<typeof checkPrepaySpec>[0]) => {
    const diags = new Diagnostics();
    checkPrepaySpec(c, diags);
    return diags.items.length;
  };
  assert.equal(errors({ operator_type: 'upgrade', instance_charge_type: null }), 1);
  assert.equal(errors({ operator_type: 'upgrade', instance_charge_type: 'PostPaid' }), 1);
  assert.equal(errors({ operator_type: 'downgrade', instance_charge_type: 'PrePaid' }), 0);
  assert.equal(errors({ operator_type: 'upgrade', instance_charge_type: undefined }), 0);
  assert.equal(fromPrepaySpec({ operator_type: 'upgrade' }).operator_type, 'upgrade');
});
