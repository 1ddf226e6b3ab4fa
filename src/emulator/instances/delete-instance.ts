import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { deleteInstanceSpec, deleteInstancesSpec } from '../../spec/ecs/instance-lifecycle.js';
import { minuteTime } from '../core/time.js';
import { setTags } from '../tags/repository.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { deleteInstance as removeInstance, getInstance, type InstanceRecord } from './repository.js';

/** Deletion rules: DeletionProtection always refuses; without Force only a Stopped instance goes; an unexpired subscription needs TerminateSubscription. */
function checkDeletable(ctx: HandlerContext, inst: InstanceRecord, force: boolean, action: string, terminate = false): void {
  if (inst.deletionProtection) {
    throw apiError(
      'InvalidOperation.DeletionProtection',
      `The instance "${inst.id}" has deletion protection; call ModifyInstanceAttribute with DeletionProtection=false before ${action}.`,
    );
  }
  if (!force) requireStatus(ctx, inst, ['Stopped'], `${action} without Force=true`);
  const expiry = inst.extra?.expiredTime;
  if (inst.instanceChargeType === 'PrePaid' && !terminate && expiry && Date.parse(expiry) > ctx.now().getTime()) {
    throw apiError(
      'ChargeTypeViolation',
      `The instance "${inst.id}" is a subscription (PrePaid) until ${expiry}; switch it to PostPaid with ModifyInstanceChargeType, or pass TerminateSubscription=true, before ${action}.`,
    );
  }
}

/** Remove the instance and its disks that go with it (with their tags); images and snapshots made from it stay. */
function remove(ctx: HandlerContext, inst: InstanceRecord): void {
  ctx.backend.need('disks').releaseWithInstance(ctx.db, ctx.account.accountId, inst.id, minuteTime(ctx.now()));
  setTags(ctx.db, ctx.account.accountId, 'instance', inst.id, []);
  removeInstance(ctx.db, inst.id);
}

/** DeleteInstance: one instance by id (no RegionId on this action). */
export const deleteInstance: HandlerOf<typeof deleteInstanceSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  checkDeletable(ctx, inst, input.Force === true, 'DeleteInstance', input.TerminateSubscription === true);
  if (input.DryRun === true) throw apiError('DryRunOperation');
  remove(ctx, inst);
  return {};
};

/** DeleteInstances: `InstanceId.N` in the region; every instance is checked before any is deleted. */
export const deleteInstances: HandlerOf<typeof deleteInstancesSpec> = (ctx, input) => {
  const ids = [...new Set(input.InstanceId)];
  const insts = ids.map((id, i) => {
    const inst = getInstance(ctx.db, ctx.account.accountId, ctx.regionId, id);
    if (!inst)
      throw apiError(
        'InvalidInstanceId.NotFound',
        `The instance "${id}" given in InstanceId.${i + 1} does not exist in region ${ctx.regionId}.`,
      );
    checkDeletable(ctx, inst, input.Force === true, 'DeleteInstances', input.TerminateSubscription === true);
    return inst;
  });
  if (input.DryRun === true) throw apiError('DryRunOperation');
  for (const inst of insts) remove(ctx, inst);
  return {};
};
