import { apiError, type HandlerOf } from '../context.js';
import type { modifyPrepayInstanceSpecSpec } from '../../spec/ecs/prepay-instance-spec.js';
import { withClientToken } from '../db/client-tokens.js';
import { findInstanceType, priceOf } from '../zones/catalogue.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { checkNewInstanceType, setInstanceType } from './modify-instance-spec.js';

/**
 * ModifyPrepayInstanceSpec: a new InstanceType for a subscription (PrePaid) instance, Running or
 * Stopped (the new type applies at the next start). An upgrade is a dearer type, a downgrade a
 * cheaper one (monthly list prices); OperatorType, when given, must say which. Pay-as-you-go
 * instances are refused (ModifyInstanceSpec changes them). Answers an order id.
 */
export const modifyPrepayInstanceSpec: HandlerOf<typeof modifyPrepayInstanceSpecSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  return withClientToken(ctx, 'ModifyPrepayInstanceSpec', input.ClientToken, input, () => {
    if (inst.instanceChargeType !== 'PrePaid')
      throw apiError(
        'InvalidInstanceChargeType.NotSupported',
        `The instance "${inst.id}" is ${inst.instanceChargeType || 'PostPaid'}; ModifyPrepayInstanceSpec changes subscription (PrePaid) instances only (use ModifyInstanceSpec).`,
      );
    if (inst.locks.some((l) => l.lockReason === 'security'))
      throw apiError(
        'InstanceLockedForSecurity',
        `The instance "${inst.id}" is locked for security reasons; ModifyPrepayInstanceSpec is refused.`,
      );
    const type = input.InstanceType;
    checkNewInstanceType(inst, type);
    requireStatus(ctx, inst, ['Running', 'Stopped'], 'changing InstanceType with ModifyPrepayInstanceSpec');
    const direction =
      priceOf(findInstanceType(type)!, 'Month') >= priceOf(findInstanceType(inst.instanceType)!, 'Month') ? 'upgrade' : 'downgrade';
    if (input.OperatorType !== undefined && input.OperatorType !== direction)
      throw apiError(
        'InvalidParameter.OperatorType',
        `OperatorType "${input.OperatorType}" does not match the change from ${inst.instanceType} to ${type}, which is a ${direction}.`,
      );
    setInstanceType(ctx, inst, type);
    return { OrderId: String(ctx.now().getTime()).slice(-12) };
  });
};
