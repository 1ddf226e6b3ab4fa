/**
 * `alicloud_ecs_deployment_set`: CreateDeploymentSet; DescribeDeploymentSets by id;
 * ModifyDeploymentSetAttribute for the name and description; DeleteDeploymentSet (retried while
 * instances released in the same apply still count as members).
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createDeploymentSet,
  deleteDeploymentSet,
  describeDeploymentSet,
  modifyDeploymentSetAttribute,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { attempt, deleteWithDependencyRetry, readRemote } from '../common/index.js';
import { DEPLOYMENT_SET_EXAMPLE } from './example.js';
import { fromDeploymentSet, toCreateDeploymentSetInput } from './mapping.js';
import { deploymentSetSchema, type DeploymentSetState } from './schema.js';

/** The official resource declares no timeouts; instances of a destroyed stack are gone within this. */
const DELETE_TIMEOUT_MS = 5 * 60_000;

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidDeploymentSetName')
    ? 'deployment_set_name'
    : code.startsWith('InvalidDescription')
      ? 'description'
      : code === 'InvalidParameter.Strategy'
        ? 'strategy'
        : code === 'InvalidParameter.Domain'
          ? 'domain'
          : code === 'InvalidParameter.Granularity'
            ? 'granularity'
            : undefined;

async function readBack(client: AlibabaCloudClient, id: string, prior: Partial<DeploymentSetState>, signal: AbortSignal) {
  const d = await describeDeploymentSet(client, id, { signal });
  if (!d) throw new Error(`deployment set ${id} is not listed by DescribeDeploymentSets`);
  return fromDeploymentSet(d, prior);
}

export const deploymentSetResource = defineResource<typeof deploymentSetSchema, AlibabaCloudClient>({
  typeName: 'alicloud_ecs_deployment_set',
  schema: deploymentSetSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.140.0',
    productDocs: { title: 'Deployment sets', url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/deployment-set' },
    example: DEPLOYMENT_SET_EXAMPLE,
    importId: 'ds-default-1234567890123456',
    importNote: '`on_unable_to_redeploy_failed_instance` is not reported by ECS, so an import leaves it unset.',
  },

  async create({ plan, client, diags, signal, saveProgress }) {
    const id = await attempt(diags, { summary: 'Cannot Create Deployment Set', attributeFor }, () =>
      createDeploymentSet(client, toCreateDeploymentSetInput(plan), { signal }),
    );
    if (id === NO_STATE) return NO_STATE;
    saveProgress({ id });
    return attempt(
      diags,
      { summary: 'Cannot Finish Creating Deployment Set', note: `The deployment set ${id} is kept in state as tainted.` },
      () => readBack(client, id, plan, signal),
    );
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeDeploymentSet(req.client, id, { signal: req.signal }),
      (d) => fromDeploymentSet(d, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update Deployment Set', attributeFor }, async () => {
      // Unset arguments are not sent: ECS cannot clear them, and the plan keeps the cloud's value.
      const name = changed.has('deployment_set_name') ? (plan.deployment_set_name ?? undefined) : undefined;
      const description = changed.has('description') ? (plan.description ?? undefined) : undefined;
      if (name !== undefined || description !== undefined)
        await modifyDeploymentSetAttribute(client, { DeploymentSetId: id, DeploymentSetName: name, Description: description }, { signal });
      return readBack(client, id, plan, signal);
    });
  },

  async delete({ state, client, diags, signal }) {
    await attempt(diags, { summary: 'Cannot Delete Deployment Set' }, () =>
      deleteWithDependencyRetry(() => deleteDeploymentSet(client, state.id!, { signal }), DELETE_TIMEOUT_MS, signal),
    );
  },

  async importState({ id }) {
    return { id };
  },
});
