import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { modifyInstanceAutoReleaseTimeSpec } from '../../spec/ecs/instance-launch-options.js';
import { findInstanceType, findZone, hasSpotCapacity } from '../zones/catalogue.js';
import { ownInstance } from './lifecycle-common.js';
import { updateInstance, type InstanceExtra } from './repository.js';
import type { RunInput } from './run-instances-input.js';

const MINUTE = 60_000;
const THREE_YEARS = 3 * 366 * 24 * 60 * MINUTE;

/**
 * An AutoReleaseTime as DescribeInstances reports it (`yyyy-MM-ddTHH:mmZ`, seconds dropped as ECS
 * does): it must be a real UTC time 30 minutes to 3 years after now.
 */
export function checkAutoReleaseTime(ctx: HandlerContext, text: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw apiError('InvalidAutoReleaseTime.Malformed', `AutoReleaseTime "${text}" is not a UTC time yyyy-MM-ddTHH:mm:ssZ.`);
  const minute = Math.floor(ms / MINUTE) * MINUTE;
  const now = ctx.now().getTime();
  if (minute < now + 30 * MINUTE || minute > now + THREE_YEARS)
    throw apiError(
      'InvalidAutoReleaseTime.Malformed',
      `AutoReleaseTime "${text}" must be 30 minutes to 3 years after the current time (${new Date(now).toISOString()}).`,
    );
  return new Date(minute).toISOString().slice(0, 16) + 'Z';
}

const requirePostPaid = (chargeType: string, what: string) => {
  if (chargeType === 'PrePaid') throw apiError('ChargeTypeViolation', `${what} applies to pay-as-you-go (PostPaid) instances only.`);
};

/** CreditSpecification is for burstable types (the t families, with CPU credits) only. */
export function checkCreditSpecification(instanceType: string, value: string): void {
  if (findInstanceType(instanceType)?.baselineCredit === undefined)
    throw apiError(
      'InvalidParameter.CreditSpecification',
      `CreditSpecification "${value}" applies to burstable instance types (such as ecs.t6-c1m2.large) only; "${instanceType}" is not one.`,
    );
}

/** InternetMaxBandwidthIn: 1 to 10 Mbit/s, or up to InternetMaxBandwidthOut when that is above 10; needs public bandwidth. */
export function checkBandwidthIn(bandwidthIn: number, bandwidthOut: number): void {
  const max = Math.max(10, bandwidthOut);
  if (bandwidthOut <= 0)
    throw apiError('InvalidParameter', 'InternetMaxBandwidthIn needs public bandwidth: set InternetMaxBandwidthOut above 0.');
  if (bandwidthIn < 1 || bandwidthIn > max)
    throw apiError(
      'InvalidParameter',
      `InternetMaxBandwidthIn ${bandwidthIn} is not valid with InternetMaxBandwidthOut ${bandwidthOut}: 1 to ${max} Mbit/s.`,
    );
}

/** PasswordInherit=true: not with Password, and the image must carry a preset password (public images do not). */
export function checkPasswordInherit(inherit: boolean | undefined, password: string | undefined, imageOwner: string): void {
  if (inherit !== true) return;
  if (password !== undefined) throw apiError('InvalidParameter', 'PasswordInherit=true cannot be given with Password.');
  if (imageOwner === 'system')
    throw apiError('InvalidParameter', 'PasswordInherit=true needs an image with a preset password; public images have none.');
}

/** The inbound bandwidth DescribeInstances reports: the one set, else 10 or the outbound one above 10; -1 without public bandwidth. */
export const bandwidthInOf = (bandwidthOut: number, set: number | undefined): number =>
  bandwidthOut <= 0 ? -1 : (set ?? Math.max(10, bandwidthOut));

/**
 * The RunInstances checks of this family's launch options, and what they store in `extra`: automatic
 * release (pay-as-you-go), spot retention and interruption (spot strategies only, in a zone with
 * spot capacity for the type), the burstable mode, the inbound bandwidth, and PasswordInherit
 * (not with Password; the image must carry a password: public images do not).
 */
export function launchOptions(
  ctx: HandlerContext,
  input: RunInput,
  at: { chargeType: string; zoneId: string; instanceType: string; imageOwner: string },
): InstanceExtra {
  const spot = input.SpotStrategy !== undefined && input.SpotStrategy !== 'NoSpot';
  if (spot) {
    const zone = findZone(ctx.regionId, at.zoneId);
    const type = findInstanceType(at.instanceType);
    if (!zone || !type || !hasSpotCapacity(zone, type))
      throw apiError(
        'OperationDenied.NoStock',
        `No spot capacity for ${at.instanceType} in zone ${at.zoneId}; call DescribeAvailableResource with SpotStrategy for the zones that have it.`,
      );
  }
  const { SpotDuration: duration, SpotInterruptionBehavior: behavior } = input;
  if (!spot && (duration !== undefined || behavior !== undefined))
    throw apiError(
      'InvalidParameter',
      'SpotDuration and SpotInterruptionBehavior apply to spot instances only (SpotStrategy other than NoSpot).',
    );
  if (duration !== undefined && duration > 1)
    throw apiError('InvalidParameter', `SpotDuration ${duration} is not sold: 0 (no guaranteed time) or 1 hour.`);
  const release = input.AutoReleaseTime;
  if (release !== undefined) requirePostPaid(at.chargeType, 'AutoReleaseTime');
  const credit = input.CreditSpecification;
  if (credit !== undefined) checkCreditSpecification(at.instanceType, credit);
  const bandwidthIn = input.InternetMaxBandwidthIn;
  if (bandwidthIn !== undefined) checkBandwidthIn(bandwidthIn, input.InternetMaxBandwidthOut ?? 0);
  checkPasswordInherit(input.PasswordInherit, input.Password, at.imageOwner);
  const burstable = findInstanceType(at.instanceType)?.baselineCredit !== undefined;
  return {
    autoReleaseTime: release === undefined ? undefined : checkAutoReleaseTime(ctx, release),
    spotDuration: spot ? (duration ?? 1) : undefined,
    spotInterruptionBehavior: spot ? (behavior ?? 'Terminate') : undefined,
    creditSpecification: credit ?? (burstable ? 'Standard' : undefined),
    internetMaxBandwidthIn: bandwidthIn,
    passwordInherited: input.PasswordInherit === true || undefined,
  };
}

/** ModifyInstanceAutoReleaseTime: set (pay-as-you-go only) or, without AutoReleaseTime, cancel the automatic release. */
export const modifyInstanceAutoReleaseTime: HandlerOf<typeof modifyInstanceAutoReleaseTimeSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  const release = input.AutoReleaseTime;
  if (release !== undefined) requirePostPaid(inst.instanceChargeType || 'PostPaid', 'AutoReleaseTime');
  const extra = { ...inst.extra, autoReleaseTime: release === undefined ? undefined : checkAutoReleaseTime(ctx, release) };
  updateInstance(ctx.db, inst.id, { extra });
  return {};
};
