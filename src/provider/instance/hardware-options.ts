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
  is_outdated: attr.bool({
    optional: true,
    requiresReplace: true,
    description:
      'Launch a non-I/O-optimized instance (RunInstances `IoOptimized = none`), which only retired instance types are; ECS refuses it for every type on sale. Kept from the configuration; a change replaces the instance (upstream ignores changes).',
    meta: { ecs: 'IoOptimized' },
  }),
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
      "CPU options chosen at launch. If not written, read from the instance (the type's defaults). A change applies in place while the instance is stopped (ModifyInstanceAttribute; ECS then takes only the type's default `core_count`); after an `instance_type` change (which resets them) the written ones are sent again.",
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
        requiresReplace: true,
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
    IoOptimized: plan.is_outdated ? 'none' : undefined,
    CpuOptions: any ? cpuOptions : undefined,
    ImageOptions: image?.login_as_non_root != null ? { LoginAsNonRoot: image.login_as_non_root } : undefined,
    NetworkOptions: plan.enable_jumbo_frame != null ? { EnableJumboFrame: plan.enable_jumbo_frame } : undefined,
  };
}

/** State of the hardware options from DescribeInstances and DescribeInstanceAttribute's jumbo frame flag. */
export function fromHardwareOptions(i: InstanceDetail, jumboFrame: boolean, prior: { is_outdated?: boolean | null }) {
  return {
    is_outdated: prior.is_outdated ?? null,
    enable_jumbo_frame: jumboFrame,
    cpu_options: [
      { core_count: i.CpuOptions.CoreCount, threads_per_core: i.CpuOptions.ThreadsPerCore, topology_type: i.CpuOptions.TopologyType },
    ],
    image_options: [{ login_as_non_root: i.ImageOptions.LoginAsNonRoot }],
  };
}

type Written<T> = readonly ({ readonly [K in keyof T]?: T[K] | null } | undefined)[] | null | undefined;

const writesAny = (config: Written<object>) => Object.values(config?.[0] ?? {}).some((x) => x !== null && x !== undefined);

/**
 * Plan rule: an `instance_type` change makes ECS reset the CPU options to the new type's defaults: the fields
 * the configuration does not write, and the jumbo frame flag when not written, become unknown
 * (written CPU options are sent again after the type change, see {@link cpuOptionsChange}).
 */
export function planHardwareOptions(
  config: { cpu_options?: Written<CpuOptions>; enable_jumbo_frame?: boolean | null },
  plan: Planned,
  prior: InstanceState,
): void {
  if (typeof plan.instance_type !== 'string' || plan.instance_type === prior.instance_type) return;
  const written = config.cpu_options?.[0];
  // The framework plans a value (or block list) left undefined as unknown.
  (plan as { cpu_options?: unknown }).cpu_options = writesAny(config.cpu_options)
    ? [
        {
          core_count: written?.core_count ?? undefined,
          threads_per_core: written?.threads_per_core ?? undefined,
          topology_type: written?.topology_type ?? undefined,
        },
      ]
    : undefined;
  if (config.enable_jumbo_frame == null) plan.enable_jumbo_frame = undefined;
}

/**
 * ModifyInstanceAttribute CpuOptions for an update (sent while the instance is stopped), or
 * undefined: after an `instance_type` change, every known (written) field; otherwise the fields
 * that differ from the prior state.
 */
export function cpuOptionsChange(plan: Planned, prior: Planned, changed: ReadonlySet<string>) {
  const p = plan.cpu_options?.[0];
  if (!p) return undefined;
  const typeChanged = changed.has('instance_type');
  if (!typeChanged && !changed.has('cpu_options')) return undefined;
  const before = typeChanged ? undefined : prior.cpu_options?.[0];
  const pick = <T>(now: T | null | undefined, was: T | null | undefined) => (now != null && now !== was ? now : undefined);
  const input = {
    Core: pick(p.core_count, before?.core_count),
    ThreadsPerCore: pick(p.threads_per_core, before?.threads_per_core),
    TopologyType: (pick(p.topology_type, before?.topology_type) || undefined) as NonNullable<
      RunInstanceInput['CpuOptions']
    >['TopologyType'],
  };
  return Object.values(input).some((x) => x !== undefined) ? input : undefined;
}

type CpuOptions = InstanceState['cpu_options'][number];
