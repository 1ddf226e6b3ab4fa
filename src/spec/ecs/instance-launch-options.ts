/**
 * ECS (2014-05-26) launch options of one instance beyond the basics: automatic release
 * (RunInstances `AutoReleaseTime`, ModifyInstanceAutoReleaseTime; pay-as-you-go only, UTC
 * `yyyy-MM-ddTHH:mm:ssZ`, 30 minutes to 3 years ahead, seconds dropped), spot retention and
 * interruption (`SpotDuration` hours 0 or 1, `SpotInterruptionBehavior` Terminate|Stop), and the
 * burstable performance mode (`CreditSpecification` Standard|Unlimited, burstable t5/t6 types).
 * DescribeInstances reports `AutoReleaseTime` (minute precision), `SpotDuration`,
 * `SpotInterruptionBehavior` and `CreditSpecification`. Parameter names follow the
 * `@alicloud/ecs20140526` request models; codes marked "guess" are named by no fact sheet.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';

/** UTC release time as ECS takes it; seconds other than 00 are dropped by ECS. */
export const AUTO_RELEASE_TIME_PATTERN = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z';
export const SPOT_INTERRUPTION_BEHAVIORS = ['Terminate', 'Stop'] as const;
export const CREDIT_SPECIFICATIONS = ['Standard', 'Unlimited'] as const;

const autoReleaseTime = {
  kind: 'scalar',
  name: 'AutoReleaseTime',
  type: 'string',
  pattern: AUTO_RELEASE_TIME_PATTERN,
  errorCode: 'InvalidAutoReleaseTime.Malformed',
  emptyIsAbsent: true,
  description: 'UTC `yyyy-MM-ddTHH:mm:ssZ`, 30 minutes to 3 years from now; pay-as-you-go instances only.',
} as const satisfies ScalarParam;

/** The RunInstances parameters of this table (spread into runInstancesSpec's params). */
export const launchOptionParams = [
  autoReleaseTime,
  {
    kind: 'scalar',
    name: 'SpotDuration',
    type: 'integer',
    min: 0,
    max: 6,
    errorCode: 'InvalidParameter',
    description: 'Hours a spot instance is kept before it may be reclaimed: 0 or 1 (the default) are sold.',
  },
  {
    kind: 'scalar',
    name: 'SpotInterruptionBehavior',
    type: 'string',
    enum: SPOT_INTERRUPTION_BEHAVIORS,
    emptyIsAbsent: true,
    errorCode: 'InvalidParameter',
  },
  {
    kind: 'scalar',
    name: 'CreditSpecification',
    type: 'string',
    enum: CREDIT_SPECIFICATIONS,
    emptyIsAbsent: true,
    errorCode: 'InvalidParameter.CreditSpecification',
  },
] as const satisfies readonly ScalarParam[];

/** DescribeInstances fields of this table (spread into the Instance shape's defaults). */
export const launchOptionFields = {
  AutoReleaseTime: r.string,
  SpotDuration: r.integer,
  SpotInterruptionBehavior: r.string,
};

export const modifyInstanceAutoReleaseTimeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceAutoReleaseTime',
  mutating: true,
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'InstanceId', type: 'string', required: true },
    // Empty or absent cancels the automatic release.
    autoReleaseTime,
    ...ownerParams,
  ],
  errors: ['InvalidInstanceId.NotFound', 'InvalidAutoReleaseTime.Malformed', 'ChargeTypeViolation', 'IncorrectInstanceStatus'],
  response: r.response({}),
});

export const instanceLaunchOptionActions: readonly ActionSpec[] = [modifyInstanceAutoReleaseTimeSpec];

/** Codes of this table (guesses: no fact sheet or official source names them). */
export const instanceLaunchOptionErrors: readonly ErrorSpec[] = [
  {
    code: 'InvalidAutoReleaseTime.Malformed',
    status: 400,
    message: 'The specified AutoReleaseTime is not valid: UTC yyyy-MM-ddTHH:mm:ssZ, 30 minutes to 3 years from now.',
  },
  {
    code: 'InvalidParameter.CreditSpecification',
    status: 400,
    message: 'The specified CreditSpecification is not valid: Standard or Unlimited, for burstable instance types only.',
  },
];
