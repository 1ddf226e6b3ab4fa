/**
 * ECS (2014-05-26) hardware options of one instance chosen at launch: the CPU options
 * (RunInstances `CpuOptions.Core`, `CpuOptions.ThreadsPerCore`, `CpuOptions.TopologyType`;
 * DescribeInstances `CpuOptions.{CoreCount,ThreadsPerCore,TopologyType}`), the image options
 * (`ImageOptions.LoginAsNonRoot`, log on as `ecs-user`; DescribeInstances `ImageOptions.LoginAsNonRoot`)
 * and jumbo frames (`NetworkOptions.EnableJumboFrame`, changed with ModifyInstanceAttribute
 * `EnableJumboFrame`, reported by DescribeInstanceAttribute `EnableJumboFrame`). Parameter and field
 * names follow the `@alicloud/ecs20140526` models; the error codes of this table are guesses (no
 * fact sheet or official source names them).
 */
import type { ErrorSpec, ObjectParam, ScalarParam } from './types.js';
import { r } from './shape.js';

export const CPU_TOPOLOGY_TYPES = ['ContinuousCoreToHTMapping', 'DiscreteCoreToHTMapping'] as const;

/** CpuOptions as RunInstances and (instance Stopped; Core only its type's default) ModifyInstanceAttribute take them. */
export const cpuOptionsParam = {
  kind: 'object',
  name: 'CpuOptions',
  fields: [
    { kind: 'scalar', name: 'Core', type: 'integer', min: 1, max: 256, errorCode: 'InvalidCpuOptions.ValueNotSupported' },
    { kind: 'scalar', name: 'ThreadsPerCore', type: 'integer', min: 1, max: 2, errorCode: 'InvalidCpuOptions.ValueNotSupported' },
    {
      kind: 'scalar',
      name: 'TopologyType',
      type: 'string',
      enum: CPU_TOPOLOGY_TYPES,
      emptyIsAbsent: true,
      errorCode: 'InvalidCpuOptions.ValueNotSupported',
    },
  ],
  description: 'Physical cores (1 to half the vCPUs), threads per core (1 or 2) and HT topology, for the types that allow each.',
} as const satisfies ObjectParam;

/** RunInstances parameters of this table (spread into runInstancesSpec's params). */
export const hardwareOptionParams = [
  cpuOptionsParam,
  { kind: 'object', name: 'ImageOptions', fields: [{ kind: 'scalar', name: 'LoginAsNonRoot', type: 'boolean' }] },
  { kind: 'object', name: 'NetworkOptions', fields: [{ kind: 'scalar', name: 'EnableJumboFrame', type: 'boolean' }] },
] as const satisfies readonly ObjectParam[];

/** ModifyInstanceAttribute's jumbo frame switch (spread into its params). */
export const enableJumboFrameParam = { kind: 'scalar', name: 'EnableJumboFrame', type: 'boolean' } as const satisfies ScalarParam;

/** DescribeInstances fields of this table (spread into the Instance shape's defaults). */
export const hardwareOptionFields = {
  CpuOptions: r.object(r.defaults({ CoreCount: r.integer, ThreadsPerCore: r.integer, TopologyType: r.string })),
  ImageOptions: r.object(r.defaults({ LoginAsNonRoot: r.boolean })),
};

/** The codes RunInstances answers for them. */
export const RUN_INSTANCES_HARDWARE_ERRORS = [
  'InvalidCpuOptions.ValueNotSupported',
  'InvalidParameter.LoginAsNonRoot',
  'InvalidInstanceType.JumboFrameNotSupported',
  'InvalidIoOptimizedValue.ValueNotSupported',
] as const;

/** Codes of this table (guesses). */
export const hardwareOptionErrors: readonly ErrorSpec[] = [
  {
    code: 'InvalidCpuOptions.ValueNotSupported',
    status: 400,
    message: 'The specified CpuOptions are not supported by the instance type.',
  },
  {
    code: 'InvalidParameter.LoginAsNonRoot',
    status: 400,
    message: 'ImageOptions.LoginAsNonRoot is not supported by the specified image.',
  },
  {
    code: 'InvalidIoOptimizedValue.ValueNotSupported',
    status: 400,
    message: 'The specified IoOptimized is not supported: every instance type on sale is I/O optimized.',
  },
  {
    code: 'InvalidInstanceType.JumboFrameNotSupported',
    status: 400,
    message: 'The specified instance type does not support jumbo frames.',
  },
];
