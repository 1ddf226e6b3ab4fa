/** Handlers of the deployment-sets family, one export per action (`CreateDeploymentSet` -> `createDeploymentSet`). */
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import {
  DEPLOYMENT_SET_ZONE_CAPACITY,
  type createDeploymentSetSpec,
  type deleteDeploymentSetSpec,
  type describeDeploymentSetsSpec,
  type modifyDeploymentSetAttributeSpec,
} from '../../spec/ecs/deployment-sets.js';
import { isoSeconds } from '../core/time.js';
import { pageCounts, paginate } from '../core/paging.js';
import { withClientToken } from '../db/client-tokens.js';
import { deploymentSets, insertDeploymentSet } from './repository.js';
import type { DeploymentSetRecord } from './repository.js';
import type { DeploymentSetMember } from './placement.js';

/** Deployment sets per account and region (ECS quota). */
const QUOTA = 150;

function members(ctx: HandlerContext, id: string): DeploymentSetMember[] {
  return ctx.backend.queries.instances?.deploymentSetMembers(ctx.db, ctx.account.accountId, ctx.regionId, id) ?? [];
}

const existing = (ctx: HandlerContext, id: string): DeploymentSetRecord =>
  deploymentSets.need(ctx, id, () =>
    apiError('InvalidDeploymentSetId.NotFound', `The deployment set ${id} does not exist in region ${ctx.regionId}.`),
  );

/** CreateDeploymentSet: GroupCount only with AvailabilityGroup (default 3 groups); a repeated ClientToken answers the first id. */
export const createDeploymentSet: HandlerOf<typeof createDeploymentSetSpec> = (ctx, input) =>
  withClientToken(ctx, 'CreateDeploymentSet', input.ClientToken, input, () => {
    const strategy = input.Strategy ?? 'Availability';
    if (input.GroupCount !== undefined && strategy !== 'AvailabilityGroup')
      throw apiError('InvalidParameter.GroupCount', `GroupCount applies to the AvailabilityGroup strategy only, not ${strategy}.`);
    const { accountId } = ctx.account;
    deploymentSets.checkQuota(ctx, QUOTA, () =>
      apiError('QuotaExceed.DeploymentSet', `The account already has ${QUOTA} deployment sets in region ${ctx.regionId}.`),
    );
    const id = ctx.newId('ds-');
    insertDeploymentSet(ctx.db, {
      id,
      accountId,
      regionId: ctx.regionId,
      name: input.DeploymentSetName ?? '',
      description: input.Description ?? '',
      strategy,
      groupCount: strategy === 'AvailabilityGroup' ? (input.GroupCount ?? 3) : 0,
      onUnableToRedeployFailedInstance: input.OnUnableToRedeployFailedInstance ?? 'CancelMembershipAndStart',
      creationTime: isoSeconds(ctx.now().getTime()),
      createdAt: ctx.now().getTime(),
    });
    return { DeploymentSetId: id };
  });

/** DescribeDeploymentSets: by ids, exact name and strategy; newest first; capacities of the zones the set uses. */
export const describeDeploymentSets: HandlerOf<typeof describeDeploymentSetsSpec> = (ctx, input) => {
  const ids = input.DeploymentSetIds && input.DeploymentSetIds.length > 0 ? new Set(input.DeploymentSetIds) : undefined;
  const all = deploymentSets
    .list(ctx.db, ctx.account.accountId, ctx.regionId)
    .filter(
      (d) =>
        (!ids || ids.has(d.id)) &&
        (input.DeploymentSetName === undefined || d.name === input.DeploymentSetName) &&
        (input.Strategy === undefined || d.strategy === input.Strategy),
    );
  const page = paginate(all, { PageNumber: input.PageNumber, PageSize: input.PageSize });
  return {
    ...pageCounts(page),
    DeploymentSets: {
      DeploymentSet: page.items.map((d) => {
        const held = members(ctx, d.id);
        const zones = [...new Set(held.map((m) => m.zoneId))].sort();
        const perZone = DEPLOYMENT_SET_ZONE_CAPACITY * Math.max(d.groupCount, 1);
        return {
          DeploymentSetId: d.id,
          DeploymentSetName: d.name,
          DeploymentSetDescription: d.description,
          DeploymentStrategy: d.strategy,
          Domain: 'default',
          Granularity: 'host',
          GroupCount: d.groupCount,
          InstanceAmount: held.length,
          InstanceIds: { InstanceId: held.map((m) => m.instanceId) },
          CreationTime: d.creationTime,
          Capacities: {
            Capacity: zones.map((z) => {
              const used = held.filter((m) => m.zoneId === z).length;
              return { ZoneId: z, UsedAmount: used, AvailableAmount: perZone - used };
            }),
          },
        };
      }),
    },
  };
};

/** ModifyDeploymentSetAttribute: the name and/or the description. */
export const modifyDeploymentSetAttribute: HandlerOf<typeof modifyDeploymentSetAttributeSpec> = (ctx, input) => {
  const set = existing(ctx, input.DeploymentSetId);
  deploymentSets.update(ctx.db, set.id, { name: input.DeploymentSetName, description: input.Description });
  return {};
};

/** DeleteDeploymentSet: refused while instances are in the set. */
export const deleteDeploymentSet: HandlerOf<typeof deleteDeploymentSetSpec> = (ctx, input) => {
  const set = existing(ctx, input.DeploymentSetId);
  const held = members(ctx, set.id);
  if (held.length > 0)
    throw apiError(
      'DependencyViolation.NotEmpty',
      `Deployment set ${set.id} still holds ${held.map((m) => m.instanceId).join(', ')}; move or release them first.`,
    );
  deploymentSets.remove(ctx.db, set.id);
  return {};
};
