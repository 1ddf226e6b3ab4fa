/**
 * `alicloud_ecs_hpc_cluster`: CreateHpcCluster; DescribeHpcClusters by id;
 * ModifyHpcClusterAttribute for the name and description; DeleteHpcCluster (retried while SCC
 * instances released in the same apply still count as members). ECS answers an unknown cluster
 * with `NotExists.HpcCluster`, which is treated as gone.
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createHpcCluster,
  deleteHpcCluster,
  describeHpcCluster,
  isEcsServiceError,
  modifyHpcClusterAttribute,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote, retryWhile } from '../common/index.js';
import { HPC_CLUSTER_EXAMPLE } from './example.js';
import { fromHpcCluster } from './mapping.js';
import { hpcClusterSchema } from './schema.js';

/** The official resource declares no timeouts; instances of a destroyed stack are gone within this. */
const DELETE_TIMEOUT_MS = 5 * 60_000;

const attributeFor = (code: string): string | undefined => (code === 'Invalid.Parameter' ? 'name' : undefined);

async function readBack(client: AlibabaCloudClient, id: string, signal: AbortSignal) {
  const c = await describeHpcCluster(client, id, { signal });
  if (!c) throw new Error(`HPC cluster ${id} is not listed by DescribeHpcClusters`);
  return fromHpcCluster(c);
}

export const hpcClusterResource = defineResource<typeof hpcClusterSchema, AlibabaCloudClient>({
  typeName: 'alicloud_ecs_hpc_cluster',
  schema: hpcClusterSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.116.0',
    productDocs: { title: 'Super computing clusters', url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/scc-overview' },
    example: HPC_CLUSTER_EXAMPLE,
    importId: 'hpc-default-1234567890123456',
  },

  async create({ plan, client, diags, signal, saveProgress }) {
    const id = await attempt(diags, { summary: 'Cannot Create HPC Cluster', attributeFor }, () =>
      createHpcCluster(client, { Name: plan.name!, Description: plan.description ?? undefined }, { signal }),
    );
    if (id === NO_STATE) return NO_STATE;
    saveProgress({ id });
    return attempt(
      diags,
      { summary: 'Cannot Finish Creating HPC Cluster', note: `The HPC cluster ${id} is kept in state as tainted.` },
      () => readBack(client, id, signal),
    );
  },

  read: (req) => readRemote(req, (id) => describeHpcCluster(req.client, id, { signal: req.signal }), fromHpcCluster),

  async update({ plan, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update HPC Cluster', attributeFor }, async () => {
      // An unset description is not sent: ECS cannot clear it, and the plan keeps the cloud's value.
      const name = changed.has('name') ? (plan.name ?? undefined) : undefined;
      const description = changed.has('description') ? (plan.description ?? undefined) : undefined;
      if (name !== undefined || description !== undefined)
        await modifyHpcClusterAttribute(client, { HpcClusterId: id, Name: name, Description: description }, { signal });
      return readBack(client, id, signal);
    });
  },

  async delete({ state, client, diags, signal }) {
    await attempt(diags, { summary: 'Cannot Delete HPC Cluster' }, async () => {
      try {
        await retryWhile(
          () => deleteHpcCluster(client, state.id!, { signal }),
          (err) => isEcsServiceError(err) && err.code === 'NotEmpty.HpcCluster',
          { deadline: new Deadline(DELETE_TIMEOUT_MS), signal },
        );
      } catch (err) {
        if (!(isEcsServiceError(err) && err.code === 'NotExists.HpcCluster')) throw err;
      }
    });
  },

  async importState({ id }) {
    return { id };
  },
});
