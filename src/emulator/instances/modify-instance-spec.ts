import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { modifyInstanceSpecSpec } from '../../spec/ecs/instance-lifecycle.js';
import { withClientToken } from '../db/client-tokens.js';
import { findInstanceType, isInstanceTypeAvailable } from '../zones/catalogue.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { updateInstance, type InstanceRecord } from './repository.js';
import { CPU_OPTIONS_RESET } from './hardware-options.js';

/**
 * ModifyInstanceSpec for pay-as-you-go instances: a new InstanceType (sold in the instance's zone,
 * different from the current one) needs the instance Stopped and takes effect at the next start;
 * InternetMaxBandwidthOut alone may change while Running or Stopped. Not both in one call.
 * Subscription (PrePaid) instances are refused. A repeated ClientToken answers the first result.
 */
export const modifyInstanceSpec: HandlerOf<typeof modifyInstanceSpecSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  return withClientToken(ctx, 'ModifyInstanceSpec', input.ClientToken, input, () => {
    if ((inst.instanceChargeType ?? 'PostPaid') !== 'PostPaid') {
      throw apiError(
        'InvalidInstanceChargeType.NotSupported',
        `The instance "${inst.id}" is ${inst.instanceChargeType}; ModifyInstanceSpec changes PostPaid instances only (use ModifyPrepayInstanceSpec).`,
      );
    }
    if (inst.locks.some((l) => l.lockReason === 'security')) {
      throw apiError(
        'InstanceLockedForSecurity',
        `The instance "${inst.id}" is locked for security reasons; ModifyInstanceSpec is refused.`,
      );
    }
    const type = input.InstanceType;
    const bandwidth = input.InternetMaxBandwidthOut;
    if (type === undefined && bandwidth === undefined) {
      throw apiError('MissingParameter', 'ModifyInstanceSpec needs InstanceType or InternetMaxBandwidthOut.');
    }
    if (type !== undefined && bandwidth !== undefined) {
      throw apiError(
        'InvalidParameter.Conflict',
        'ModifyInstanceSpec changes either InstanceType or InternetMaxBandwidthOut in one call, not both.',
      );
    }
    if (type !== undefined) {
      checkNewInstanceType(inst, type);
      requireStatus(ctx, inst, ['Stopped'], 'changing InstanceType with ModifyInstanceSpec');
    } else {
      requireStatus(ctx, inst, ['Running', 'Stopped'], 'changing the bandwidth with ModifyInstanceSpec');
    }
    if (input.DryRun === true) throw apiError('DryRunOperation');
    if (type !== undefined) setInstanceType(ctx, inst, type);
    else updateInstance(ctx.db, inst.id, { internetMaxBandwidthOut: bandwidth });
    const result = {};
    return result;
  });
};

/** A type the instance can change to: known, sold in its zone, not the current one. */
export function checkNewInstanceType(inst: InstanceRecord, type: string): void {
  if (!findInstanceType(type))
    throw apiError(
      'InvalidInstanceType.NotFound',
      `The instance type "${type}" given in InstanceType does not exist; call DescribeInstanceTypes for the known types.`,
    );
  if (!isInstanceTypeAvailable(inst.regionId, inst.zoneId, type))
    throw apiError(
      'InvalidInstanceType.ValueUnauthorized',
      `The instance type "${type}" given in InstanceType is not sold in zone ${inst.zoneId}; call DescribeResourcesModification for the types the instance can change to.`,
    );
  if (type === inst.instanceType)
    throw apiError(
      'InvalidInstanceType.ValueNotSupported',
      `The instance "${inst.id}" already is of type "${type}"; InstanceType must name a different type.`,
    );
  const attached = 1 + (inst.extra?.secondaryEnis?.length ?? 0);
  const quota = findInstanceType(type)?.eni ?? 2;
  if (attached > quota)
    throw apiError(
      'InvalidOperation.EniCountExceeded',
      `"${type}" holds ${quota} network interfaces and the instance "${inst.id}" has ${attached}; choose a type that holds them all.`,
    );
}

/** Store the new type: a burstable type keeps its performance mode (Standard when it had none), others have none; CPU options reset. */
export function setInstanceType(ctx: HandlerContext, inst: InstanceRecord, type: string): void {
  const credit = findInstanceType(type)?.baselineCredit !== undefined ? (inst.extra?.creditSpecification ?? 'Standard') : undefined;
  updateInstance(ctx.db, inst.id, { instanceType: type, extra: { ...inst.extra, creditSpecification: credit, ...CPU_OPTIONS_RESET } });
}
