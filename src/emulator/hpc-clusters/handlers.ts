/** Handlers of the hpc-clusters family, one export per action (`CreateHpcCluster` -> `createHpcCluster`). */
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type {
  createHpcClusterSpec,
  deleteHpcClusterSpec,
  describeHpcClustersSpec,
  modifyHpcClusterAttributeSpec,
} from '../../spec/ecs/hpc-clusters.js';
import { pageCounts, paginate } from '../core/paging.js';
import { withClientToken } from '../db/client-tokens.js';
import { hpcClusters, insertHpcCluster, type HpcClusterRecord } from './repository.js';

/** HPC clusters per account and region (ECS quota). */
const QUOTA = 100;

const existing = (ctx: HandlerContext, id: string): HpcClusterRecord =>
  hpcClusters.need(ctx, id, () => apiError('NotExists.HpcCluster', `The HPC cluster ${id} does not exist in region ${ctx.regionId}.`));

/** CreateHpcCluster: a repeated ClientToken answers the first id. */
export const createHpcCluster: HandlerOf<typeof createHpcClusterSpec> = (ctx, input) =>
  withClientToken(ctx, 'CreateHpcCluster', input.ClientToken, input, () => {
    const { accountId } = ctx.account;
    hpcClusters.checkQuota(ctx, QUOTA, () =>
      apiError('QuotaExceed.HpcCluster', `The account already has ${QUOTA} HPC clusters in region ${ctx.regionId}.`),
    );
    const id = ctx.newId('hpc-');
    insertHpcCluster(ctx.db, {
      id,
      accountId,
      regionId: ctx.regionId,
      name: input.Name,
      description: input.Description ?? '',
      createdAt: ctx.now().getTime(),
    });
    return { HpcClusterId: id };
  });

/** DescribeHpcClusters: by ids or all; newest first, pages of 10 by default. */
export const describeHpcClusters: HandlerOf<typeof describeHpcClustersSpec> = (ctx, input) => {
  const ids = input.HpcClusterIds && input.HpcClusterIds.length > 0 ? new Set(input.HpcClusterIds) : undefined;
  const all = hpcClusters.list(ctx.db, ctx.account.accountId, ctx.regionId).filter((c) => !ids || ids.has(c.id));
  const page = paginate(all, { PageNumber: input.PageNumber, PageSize: input.PageSize });
  return {
    ...pageCounts(page),
    HpcClusters: { HpcCluster: page.items.map((c) => ({ HpcClusterId: c.id, Name: c.name, Description: c.description })) },
  };
};

/** ModifyHpcClusterAttribute: the name and/or the description. */
export const modifyHpcClusterAttribute: HandlerOf<typeof modifyHpcClusterAttributeSpec> = (ctx, input) => {
  const c = existing(ctx, input.HpcClusterId);
  hpcClusters.update(ctx.db, c.id, { name: input.Name, description: input.Description });
  return {};
};

/** DeleteHpcCluster: refused while instances are in the cluster. */
export const deleteHpcCluster: HandlerOf<typeof deleteHpcClusterSpec> = (ctx, input) => {
  const c = existing(ctx, input.HpcClusterId);
  const held = ctx.backend.queries.instances?.hpcClusterMembers(ctx.db, ctx.account.accountId, ctx.regionId, c.id) ?? [];
  if (held.length > 0)
    throw apiError('NotEmpty.HpcCluster', `The HPC cluster ${c.id} still contains ${held.join(', ')}; release them first.`);
  hpcClusters.remove(ctx.db, c.id);
  return {};
};
