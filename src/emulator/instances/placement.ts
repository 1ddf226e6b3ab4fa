/**
 * Where an instance is placed: deployment sets (the members the deployment-sets family counts,
 * RunInstances `DeploymentSetId` / `DeploymentSetGroupNo`, and ModifyInstanceDeployment to join,
 * move between sets or leave with `RemoveFromDeploymentSet`, Running or Stopped; the set's rules
 * come from the deployment-sets family's queries) and HPC clusters (RunInstances `HpcClusterId`,
 * required for super computing cluster types `ecs.scc*` and refused for the others) and private
 * pool options (RunInstances `PrivatePoolOptions`, Modify/DescribeInstanceAttachmentAttributes).
 * Dedicated hosts and private pools (elasticity assurances, capacity reservations) are not served:
 * `Open` and `None` start from the public pool, and any pool id is unknown.
 */
import type Database from 'better-sqlite3';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { modifyInstanceDeploymentSpec } from '../../spec/ecs/deployment-sets.js';
import type { describeInstanceAttachmentAttributesSpec, modifyInstanceAttachmentAttributesSpec } from '../../spec/ecs/private-pools.js';
import { pageCounts, paginate } from '../core/paging.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { getInstance, listInstances, updateInstance, type InstanceExtra } from './repository.js';

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

/** Ids of the account's instances in the region that belong to the HPC cluster. */
export function hpcClusterMembers(db: Database.Database, accountId: number, regionId: string, hpcClusterId: string): string[] {
  return listInstances(db, accountId, regionId)
    .filter((i) => i.extra?.hpcClusterId === hpcClusterId)
    .map((i) => i.id);
}

/** The HPC cluster of a launch: required for an SCC type, refused for the others. */
export function launchHpcCluster(ctx: HandlerContext, input: { HpcClusterId?: string }, instanceType: string): InstanceExtra {
  const id = input.HpcClusterId;
  const scc = instanceType.startsWith('ecs.scc');
  if (id === undefined) {
    if (scc)
      throw apiError(
        'InvalidHpcClusterId.Necessary',
        `Instance type ${instanceType} is a super computing cluster type: give HpcClusterId.`,
      );
    return {};
  }
  if (!scc)
    throw apiError(
      'InvalidHpcClusterId.Unnecessary',
      `HpcClusterId applies to super computing cluster types (ecs.scc*) only, not ${instanceType}.`,
    );
  if (!ctx.backend.queries.hpcClusters?.exists(ctx.db, ctx.account.accountId, ctx.regionId, id))
    throw apiError('InvalidHpcClusterId.NotFound', `The HPC cluster ${id} given in HpcClusterId does not exist in region ${ctx.regionId}.`);
  return { hpcClusterId: id };
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

/** The private pool options of a launch or a change: Target needs an id; no pool id exists here; a spot instance takes None only. */
export function privatePoolOptions(options: { MatchCriteria?: string; Id?: string } | undefined, spot: boolean): InstanceExtra {
  const criteria = options?.MatchCriteria;
  if (criteria === 'Target' && options?.Id === undefined)
    throw apiError('MissingParameter.PrivatePoolOptionsId', 'PrivatePoolOptions.MatchCriteria=Target needs PrivatePoolOptions.Id.');
  if (options?.Id !== undefined && criteria !== 'None')
    throw apiError(
      'Invalid.PrivatePoolOptionsId',
      `The private pool ${options.Id} given in PrivatePoolOptions.Id does not exist: this account has no elasticity assurance or capacity reservation.`,
    );
  if (spot && criteria !== undefined && criteria !== 'None')
    throw apiError(
      'InvalidParameter.PrivatePoolOptions',
      `A spot instance takes PrivatePoolOptions.MatchCriteria=None only, not ${criteria}.`,
    );
  return { privatePoolMatchCriteria: criteria === 'None' ? undefined : criteria };
}

/** ModifyInstanceAttachmentAttributes: the private pool options of a Running or Stopped instance. */
export const modifyInstanceAttachmentAttributes: HandlerOf<typeof modifyInstanceAttachmentAttributesSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  requireStatus(ctx, inst, ['Running', 'Stopped'], 'ModifyInstanceAttachmentAttributes');
  const spot = (inst.extra?.spotStrategy ?? 'NoSpot') !== 'NoSpot';
  updateInstance(ctx.db, inst.id, { extra: { ...inst.extra, ...privatePoolOptions(input.PrivatePoolOptions, spot) } });
  return {};
};

/** DescribeInstanceAttachmentAttributes: the private pool options of the listed instances (unknown ids are left out). */
export const describeInstanceAttachmentAttributes: HandlerOf<typeof describeInstanceAttachmentAttributesSpec> = (ctx, input) => {
  const found = [...new Set(input.InstanceIds)].flatMap((id) => getInstance(ctx.db, ctx.account.accountId, ctx.regionId, id) ?? []);
  const page = paginate(found, { PageNumber: input.PageNumber, PageSize: input.PageSize });
  return {
    ...pageCounts(page),
    Instances: {
      Instance: page.items.map((i) => ({
        InstanceId: i.id,
        PrivatePoolOptionsMatchCriteria: i.extra?.privatePoolMatchCriteria ?? 'None',
        PrivatePoolOptionsId: '',
      })),
    },
  };
};
