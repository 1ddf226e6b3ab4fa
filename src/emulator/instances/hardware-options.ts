import { apiError } from '../context.js';
import { findInstanceType } from '../zones/catalogue.js';
import type { InstanceExtra } from './repository.js';
import type { RunInput } from './run-instances-input.js';

/**
 * Which families take which CPU option ("Customize CPU options"): the enterprise x86 families from
 * the sixth generation on take a core count; hyper-threading can be turned off (ThreadsPerCore=1)
 * from the seventh; the HT topology is chosen on the eighth. Shared (t6), older (sn1ne), GPU and
 * big-data families take none.
 */
const CORE_FAMILIES: ReadonlySet<string> = new Set(['ecs.c6', 'ecs.g6', 'ecs.g7', 'ecs.g8i']);
const THREAD_FAMILIES: ReadonlySet<string> = new Set(['ecs.g7', 'ecs.g8i']);
const TOPOLOGY_FAMILIES: ReadonlySet<string> = new Set(['ecs.g8i']);
/** Jumbo frames (MTU 8500): some eighth-generation and later types; on by default there. */
const JUMBO_FAMILIES: ReadonlySet<string> = new Set(['ecs.g8i']);

const familyOf = (instanceType: string) => findInstanceType(instanceType)?.family ?? '';
/** Physical cores of a type: half its vCPUs (two threads per core), at least one. */
const coresOf = (instanceType: string) => Math.max(1, Math.floor((findInstanceType(instanceType)?.cpu ?? 2) / 2));

const cpuError = (message: string) => apiError('InvalidCpuOptions.ValueNotSupported', message);

type CpuInput = { Core?: number; ThreadsPerCore?: number; TopologyType?: string };

/** Each CPU option only on the families that allow it; a core count of 1 to the type's physical cores. */
function checkCpuOptions(instanceType: string, cpu: CpuInput): void {
  const family = familyOf(instanceType);
  if (cpu.Core !== undefined) {
    if (!CORE_FAMILIES.has(family)) throw cpuError(`Instance type ${instanceType} does not allow CpuOptions.Core to be set.`);
    if (cpu.Core > coresOf(instanceType))
      throw cpuError(`CpuOptions.Core ${cpu.Core} is not valid for ${instanceType}: 1 to ${coresOf(instanceType)} cores.`);
  }
  if (cpu.ThreadsPerCore !== undefined && !THREAD_FAMILIES.has(family))
    throw cpuError(`Instance type ${instanceType} does not allow CpuOptions.ThreadsPerCore to be set (hyper-threading stays on).`);
  if (cpu.TopologyType !== undefined && !TOPOLOGY_FAMILIES.has(family))
    throw cpuError(`Instance type ${instanceType} does not allow CpuOptions.TopologyType to be set; eighth-generation types do.`);
}

/**
 * ModifyInstanceAttribute CpuOptions: the instance must be Stopped; Core takes only the type's
 * default (the physical cores), ThreadsPerCore and TopologyType as at launch. Returns the extra to store.
 */
export function modifiedCpuOptions(instanceType: string, extra: InstanceExtra, cpu: CpuInput): InstanceExtra {
  checkCpuOptions(instanceType, cpu);
  if (cpu.Core !== undefined && cpu.Core !== coresOf(instanceType))
    throw cpuError(`CpuOptions.Core of a created ${instanceType} instance can only be set back to its default, ${coresOf(instanceType)}.`);
  return {
    ...extra,
    cpuCoreCount: cpu.Core ?? extra.cpuCoreCount,
    cpuThreadsPerCore: cpu.ThreadsPerCore ?? extra.cpuThreadsPerCore,
    cpuTopologyType: cpu.TopologyType ?? extra.cpuTopologyType,
  };
}

/** Whether the type runs with jumbo frames when nothing was asked. */
export const jumboFrameDefault = (instanceType: string): boolean => JUMBO_FAMILIES.has(familyOf(instanceType));

/** EnableJumboFrame=true only on a type that has jumbo frames (false is always allowed: MTU 1500). */
export function checkJumboFrame(instanceType: string, enable: boolean | undefined): void {
  if (enable === true && !jumboFrameDefault(instanceType))
    throw apiError(
      'InvalidInstanceType.JumboFrameNotSupported',
      `Instance type ${instanceType} does not support jumbo frames; they are offered on eighth-generation types such as ecs.g8i.large.`,
    );
}

/**
 * The RunInstances checks of CpuOptions, ImageOptions and NetworkOptions, and what they store:
 * a core count of 1 to the type's physical cores, ThreadsPerCore 1 or 2 and a TopologyType only on
 * the families that allow each; IoOptimized=none refused (retired types only); LoginAsNonRoot not on
 * a Windows image; jumbo frames only on a type that has them.
 */
export function hardwareOptions(input: RunInput, instanceType: string, osType: string): InstanceExtra {
  const cpu = input.CpuOptions ?? {};
  checkCpuOptions(instanceType, cpu);
  // Non-I/O-optimized instances belong to retired types; none is sold (DescribeAvailableResource lists no zone for them either).
  if (input.IoOptimized === 'none')
    throw apiError(
      'InvalidIoOptimizedValue.ValueNotSupported',
      `IoOptimized=none is not sold: ${instanceType}, like every type on sale, is I/O optimized.`,
    );
  const nonRoot = input.ImageOptions?.LoginAsNonRoot;
  if (nonRoot === true && osType === 'windows')
    throw apiError(
      'InvalidParameter.LoginAsNonRoot',
      'ImageOptions.LoginAsNonRoot=true needs a Linux image; Windows images have no ecs-user.',
    );
  const jumbo = input.NetworkOptions?.EnableJumboFrame;
  checkJumboFrame(instanceType, jumbo);
  return {
    cpuCoreCount: cpu.Core,
    cpuThreadsPerCore: cpu.ThreadsPerCore,
    cpuTopologyType: cpu.TopologyType,
    loginAsNonRoot: nonRoot === true || undefined,
    jumboFrame: jumbo,
  };
}

/**
 * DescribeInstances `CpuOptions`: the launch choices while the type still allows them, else the
 * type's defaults (ModifyInstanceSpec brings the new type's defaults, as ECS does).
 */
export function cpuOptionsView(instanceType: string, x: InstanceExtra) {
  const family = familyOf(instanceType);
  const cores = coresOf(instanceType);
  const core = CORE_FAMILIES.has(family) && x.cpuCoreCount !== undefined && x.cpuCoreCount <= cores ? x.cpuCoreCount : cores;
  return {
    CoreCount: core,
    ThreadsPerCore: THREAD_FAMILIES.has(family) ? (x.cpuThreadsPerCore ?? 2) : 2,
    TopologyType: TOPOLOGY_FAMILIES.has(family) ? (x.cpuTopologyType ?? '') : '',
  };
}

/** DescribeInstanceAttribute `EnableJumboFrame`: the choice made, else the type's default; never on a type without them. */
export const jumboFrameOf = (instanceType: string, x: InstanceExtra): boolean => jumboFrameDefault(instanceType) && (x.jumboFrame ?? true);

/** What ModifyInstanceSpec does to the CPU options: a new type starts from its own defaults. */
export const CPU_OPTIONS_RESET: InstanceExtra = { cpuCoreCount: undefined, cpuThreadsPerCore: undefined, cpuTopologyType: undefined };
