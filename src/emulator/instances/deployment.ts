/**
 * Instances in deployment sets: the members the deployment-sets family counts, the placement of
 * RunInstances `DeploymentSetId` / `DeploymentSetGroupNo`, and ModifyInstanceDeployment (join,
 * move between sets or leave with `RemoveFromDeploymentSet`, Running or Stopped; the set's rules
 * come from the deployment-sets family's queries). Dedicated hosts are not served.
 */
import type Database from 'better-sqlite3';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { modifyInstanceDeploymentSpec } from '../../spec/ecs/deployment-sets.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { listInstances, updateInstance, type InstanceExtra } from './repository.js';

export function deploymentSetMembers(db: Database.Database, accountId: number, regionId: string, deploymentSetId: string) {
  return listInstances(db, accountId, regionId)
    .filter((i) => i.extra?.deploymentSetId === deploymentSetId)
    .map((i) => ({ instanceId: i.id, zoneId: i.zoneId, groupNo: i.extra?.deploymentSetGroupNo ?? 0 }));
}

/** Where `amount` instances launched into a set go: one extra record per instance ({} without a set). */
export function launchDeployment(
  ctx: HandlerContext,
  input: { DeploymentSetId?: string; DeploymentSetGroupNo?: number },
  zoneId: string,
  amount: number,
): InstanceExtra[] {
  const id = input.DeploymentSetId;
  if (id === undefined) {
    if (input.DeploymentSetGroupNo !== undefined)
      throw apiError('InvalidParameter.DeploymentSetGroupNo', 'DeploymentSetGroupNo is given without DeploymentSetId.');
    return Array.from({ length: amount }, () => ({}));
  }
  return place(ctx, id, zoneId, amount, input.DeploymentSetGroupNo).map((g) => memberExtra(id, g));
}

function place(ctx: HandlerContext, id: string, zoneId: string, amount: number, groupNo: number | undefined, except?: string): number[] {
  const sets = ctx.backend.queries.deploymentSets;
  if (!sets) throw apiError('InvalidDeploymentSetId.NotFound', `The deployment set ${id} does not exist: deployment sets are not served.`);
  const { accountId } = ctx.account;
  const members = deploymentSetMembers(ctx.db, accountId, ctx.regionId, id).filter((m) => m.instanceId !== except);
  return sets.place(ctx.db, { accountId, regionId: ctx.regionId, zoneId }, id, amount, members, groupNo);
}

const memberExtra = (id: string, groupNo: number): InstanceExtra => ({
  deploymentSetId: id,
  deploymentSetGroupNo: groupNo > 0 ? groupNo : undefined,
});

/** ModifyInstanceDeployment: the deployment set of one instance; the dedicated-host moves it also makes are refused. */
export const modifyInstanceDeployment: HandlerOf<typeof modifyInstanceDeploymentSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  if (input.DedicatedHostId !== undefined || input.DedicatedHostClusterId !== undefined)
    throw apiError(
      'InvalidDedicatedHostId.NotFound',
      `The dedicated host${input.DedicatedHostId ? ` ${input.DedicatedHostId}` : ' cluster'} does not exist: this account has no dedicated hosts.`,
    );
  if (input.Tenancy !== undefined) throw apiError('InvalidParam.Tenancy', 'Tenancy=host needs a dedicated host; this account has none.');
  requireStatus(ctx, inst, ['Running', 'Stopped'], 'ModifyInstanceDeployment');
  const id = input.DeploymentSetId;
  if (id === undefined)
    throw apiError(
      'MissingParameter',
      'The input parameter "DeploymentSetId" that is mandatory for processing this request is not supplied.',
    );
  const extra = inst.extra ?? {};
  if (input.RemoveFromDeploymentSet === true) {
    if (extra.deploymentSetId !== id)
      throw apiError('InvalidDeploymentSetId.NotFound', `Instance ${inst.id} is not in deployment set ${id}.`);
    updateInstance(ctx.db, inst.id, { extra: { ...extra, deploymentSetId: undefined, deploymentSetGroupNo: undefined } });
    return {};
  }
  const [groupNo] = place(ctx, id, inst.zoneId, 1, input.DeploymentSetGroupNo, inst.id);
  updateInstance(ctx.db, inst.id, { extra: { ...extra, ...memberExtra(id, groupNo!) } });
  return {};
};
