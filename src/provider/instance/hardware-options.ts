/**
 * Hardware options of `alicloud_instance`: the `cpu_options` and `image_options` blocks and
 * `enable_jumbo_frame` (schema, RunInstances mapping, read, plan rules and the in-place update),
 * called from the instance's schema, mapping and resource. Names and flags follow the official
 * provider, except where a description says otherwise.
 */
import { attr, block, v, type PlanOf } from '../../framework/index.js';
import type { InstanceDetail, RunInstanceInput } from '../../ecs/index.js';
import { CPU_TOPOLOGY_TYPES } from '../../spec/ecs/instance-hardware-options.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

export const hardwareOptionAttributes = {
  enable_jumbo_frame: attr.bool({
    optional: true,
    computed: true,
    useStateForUnknown: true,
    description:
      'Whether the instance runs with jumbo frames (MTU 8500 on every interface). Only types that have them (eighth generation, such as `ecs.g8i`) take `true`, and run with them unless set to `false`. Read from DescribeInstanceAttribute; a change applies in place (ModifyInstanceAttribute).',
    meta: { ecs: 'NetworkOptions.EnableJumboFrame' },
  }),
} as const;

export const hardwareOptionBlocks = {
  cpu_options: block.list({
    computed: true,
    maxItems: 1,
    description:
      "CPU options chosen at launch. If not written, read from the instance (the type's defaults). A change of a written value, or an `instance_type` change with written values (ECS resets CPU options to the new type's defaults), replaces the instance; upstream sends them at creation only and ignores later changes.",
    attributes: {
      core_count: attr.int({
        optional: true,
        computed: true,
        useStateForUnknown: true,
        validators: [v.range(1, 256)],
        description: 'Physical CPU cores: 1 to half the vCPUs of the type (families from the sixth generation, such as `ecs.g7`).',
        meta: { ecs: 'CpuOptions.Core' },
      }),
      threads_per_core: attr.int({
        optional: true,
        computed: true,
        useStateForUnknown: true,
        validators: [v.range(1, 2)],
        description: 'Threads per core: `1` turns hyper-threading off, `2` is the default (families from the seventh generation).',
        meta: { ecs: 'CpuOptions.ThreadsPerCore' },
      }),
      topology_type: attr.string({
        optional: true,
        computed: true,
        useStateForUnknown: true,
        validators: [v.oneOf(...CPU_TOPOLOGY_TYPES)],
        description: `CPU topology (eighth-generation families): ${CPU_TOPOLOGY_TYPES.map((t) => `\`${t}\``).join(' or ')}; empty when not chosen.`,
        meta: { ecs: 'CpuOptions.TopologyType' },
      }),
    },
  }),
  image_options: block.list({
    computed: true,
    maxItems: 1,
    description:
      'Image options chosen at launch (a list of at most one block here; upstream a set, written the same way). If not written, read from the instance.',
    attributes: {
      login_as_non_root: attr.bool({
        optional: true,
        computed: true,
        useStateForUnknown: true,
        description: 'Log on as `ecs-user` instead of `root` (Linux images only). A change replaces the instance.',
        meta: { ecs: 'ImageOptions.LoginAsNonRoot' },
      }),
    },
  }),
} as const;

/** RunInstances parameters of the hardware options (only what the configuration writes). */
export function toRunHardwareOptions(plan: Planned): Partial<RunInstanceInput> {
  const cpu = plan.cpu_options?.[0];
  const image = plan.image_options?.[0];
  const cpuOptions = {
    Core: cpu?.core_count ?? undefined,
    ThreadsPerCore: cpu?.threads_per_core ?? undefined,
    TopologyType: (cpu?.topology_type || undefined) as NonNullable<RunInstanceInput['CpuOptions']>['TopologyType'],
  };
  const any = Object.values(cpuOptions).some((x) => x !== undefined);
  return {
    CpuOptions: any ? cpuOptions : undefined,
    ImageOptions: image?.login_as_non_root != null ? { LoginAsNonRoot: image.login_as_non_root } : undefined,
    NetworkOptions: plan.enable_jumbo_frame != null ? { EnableJumboFrame: plan.enable_jumbo_frame } : undefined,
  };
}

/** State of the hardware options from DescribeInstances and DescribeInstanceAttribute's jumbo frame flag. */
export function fromHardwareOptions(i: InstanceDetail, jumboFrame: boolean) {
  return {
    enable_jumbo_frame: jumboFrame,
    cpu_options: [
      { core_count: i.CpuOptions.CoreCount, threads_per_core: i.CpuOptions.ThreadsPerCore, topology_type: i.CpuOptions.TopologyType },
    ],
    image_options: [{ login_as_non_root: i.ImageOptions.LoginAsNonRoot }],
  };
}

type Written<T> = readonly ({ readonly [K in keyof T]?: T[K] | null } | undefined)[] | null | undefined;

/** Whether a written block sets a field to something other than the prior block's value. */
function writtenDiffers<T extends object>(config: Written<T>, prior: readonly T[] | null | undefined): boolean {
  const c = config?.[0];
  if (!c) return false;
  const p = (prior?.[0] ?? {}) as Record<string, unknown>;
  return Object.entries(c).some(([k, x]) => x !== null && x !== undefined && x !== p[k]);
}

const writesAny = (config: Written<object>) => Object.values(config?.[0] ?? {}).some((x) => x !== null && x !== undefined);

/**
 * Plan rules: a written CPU or image option that differs from the instance replaces it, as does
 * an `instance_type` change with written CPU options (ECS resets them); an `instance_type` change
 * otherwise leaves the CPU options and the jumbo frame flag (both defaults of the type) unknown.
 */
export function planHardwareOptions(
  config: { cpu_options?: Written<CpuOptions>; image_options?: Written<ImageOptions>; enable_jumbo_frame?: boolean | null },
  plan: Planned,
  prior: InstanceState,
  requireReplace: (attribute: 'cpu_options' | 'image_options') => void,
): void {
  const typeChanged = typeof plan.instance_type === 'string' && plan.instance_type !== prior.instance_type;
  if (writtenDiffers(config.cpu_options, prior.cpu_options) || (typeChanged && writesAny(config.cpu_options)))
    requireReplace('cpu_options');
  if (writtenDiffers(config.image_options, prior.image_options)) requireReplace('image_options');
  if (!typeChanged) return;
  // The framework plans a block list left undefined as unknown.
  if (!writesAny(config.cpu_options)) (plan as { cpu_options?: unknown }).cpu_options = undefined;
  if (config.enable_jumbo_frame == null) plan.enable_jumbo_frame = undefined;
}

type CpuOptions = InstanceState['cpu_options'][number];
type ImageOptions = InstanceState['image_options'][number];
