import { apiError, type HandlerOf } from '../context.js';
import type { rebootInstanceSpec, startInstanceSpec, stopInstanceSpec } from '../../spec/ecs/instance-lifecycle.js';
import { minuteTime } from '../core/time.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { updateInstance, type InstanceRecord } from './repository.js';

function notSecurityLocked(inst: InstanceRecord, action: string): void {
  if (inst.locks.some((l) => l.lockReason === 'security')) {
    throw apiError('InstanceLockedForSecurity', `The instance "${inst.id}" is locked for security reasons; ${action} is refused.`);
  }
}

/** StartInstance: Stopped -> Starting -> Running over settings.instanceStartSeconds. */
export const startInstance: HandlerOf<typeof startInstanceSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  requireStatus(ctx, inst, ['Stopped'], 'StartInstance');
  notSecurityLocked(inst, 'StartInstance');
  if (input.DryRun === true) throw apiError('DryRunOperation');
  const extra = { ...inst.extra, vpcChangedSinceStart: false };
  updateInstance(ctx.db, inst.id, { status: 'Starting', statusSince: ctx.now().getTime(), startTime: minuteTime(ctx.now()), extra });
  return {};
};

/**
 * StopInstance: Running -> Stopping -> Stopped over settings.instanceStartSeconds. ForceStop
 * (power off) is also accepted while the instance is still Pending/Starting and stops at once.
 */
export const stopInstance: HandlerOf<typeof stopInstanceSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  const force = input.ForceStop === true;
  requireStatus(
    ctx,
    inst,
    force ? ['Running', 'Starting', 'Pending'] : ['Running'],
    force ? 'StopInstance with ForceStop' : 'StopInstance',
  );
  if (input.DryRun === true) throw apiError('DryRunOperation');
  const extra = { ...inst.extra, stoppedMode: stoppedModeOf(inst, input.StoppedMode) };
  updateInstance(ctx.db, inst.id, { status: force ? 'Stopped' : 'Stopping', statusSince: ctx.now().getTime(), extra });
  return {};
};

/** StoppedMode of a stop: pay-as-you-go VPC instances default to KeepCharging; subscriptions are always Not-applicable. */
function stoppedModeOf(inst: InstanceRecord, asked: string | undefined): string {
  if ((inst.instanceChargeType || 'PostPaid') === 'PrePaid') return 'Not-applicable';
  return asked ?? 'KeepCharging';
}

/** RebootInstance: Running -> Starting -> Running over settings.instanceStartSeconds. */
export const rebootInstance: HandlerOf<typeof rebootInstanceSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  requireStatus(ctx, inst, ['Running'], 'RebootInstance');
  if (input.DryRun === true) throw apiError('DryRunOperation');
  updateInstance(ctx.db, inst.id, { status: 'Starting', statusSince: ctx.now().getTime(), startTime: minuteTime(ctx.now()) });
  return {};
};
