/**
 * `alicloud_vpc`: CreateVpc then wait for Available; ModifyVpcAttribute for name, description
 * and CIDR; VPC-product TagResources/UnTagResources for tags and MoveResourceGroup for the
 * group; DeleteVpc (retried while dependents are still being released).
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createVpc,
  deleteVpc,
  describeVpc,
  modifyVpcAttribute,
  moveVpcResourceGroup,
  setVpcTags,
  waitVpcAvailable,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { attempt, deleteWithDependencyRetry, readRemote, syncAliasPlan } from '../common/index.js';
import { VPC_EXAMPLE } from './example.js';
import { fromVpc, toCreateVpcInput } from './mapping.js';
import { vpcSchema } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidCidrBlock')
    ? 'cidr_block'
    : code.startsWith('InvalidVpcName')
      ? 'vpc_name'
      : code.startsWith('InvalidVpcDiscription')
        ? 'description'
        : code.startsWith('InvalidResourceGroup')
          ? 'resource_group_id'
          : undefined;

export const vpcResource = defineResource<typeof vpcSchema, AlibabaCloudClient>({
  typeName: 'alicloud_vpc',
  schema: vpcSchema,
  docs: {
    subcategory: 'VPC',
    availableSince: '1.0.0',
    productDocs: { title: 'What is a VPC', url: 'https://www.alibabacloud.com/help/en/virtual-private-cloud/latest/what-is-a-vpc' },
    example: VPC_EXAMPLE,
    importId: 'vpc-default-1234567890123456',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    const input = { ...toCreateVpcInput(plan), DryRun: plan.dry_run ?? undefined };
    const created = await attempt(diags, { summary: 'Cannot Create VPC', attributeFor }, () => createVpc(client, input, { signal }));
    if (created === NO_STATE) return NO_STATE;
    const id = created.vpcId;
    saveProgress({ id });
    const note = `The VPC ${id} is kept in state as tainted.`;
    return attempt(diags, { summary: 'VPC Did Not Become Available', timeoutKey: 'create', note }, async () =>
      fromVpc(await waitVpcAvailable(client, id, { timeoutMs: timeouts.create, signal }), plan),
    );
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config, plan, 'vpc_name', 'name');
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeVpc(req.client, id, { signal: req.signal }),
      (vpc) => fromVpc(vpc, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal, timeouts }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update VPC', attributeFor, timeoutKey: 'update' }, async () => {
      const nextName = changed.has('vpc_name') ? plan.vpc_name : changed.has('name') ? plan.name : undefined;
      const input = {
        VpcId: id,
        VpcName: nextName ?? undefined,
        Description: changed.has('description') ? (plan.description ?? undefined) : undefined,
        CidrBlock: changed.has('cidr_block') ? (plan.cidr_block ?? undefined) : undefined,
      };
      if (input.VpcName !== undefined || input.Description !== undefined || input.CidrBlock !== undefined)
        await modifyVpcAttribute(client, input, { signal });
      if (changed.has('tags'))
        await setVpcTags(client, { resourceType: 'VPC', resourceId: id, prior: prior.tags ?? {}, next: plan.tags ?? {} }, { signal });
      if (changed.has('resource_group_id') && plan.resource_group_id)
        await moveVpcResourceGroup(client, { resourceType: 'vpc', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
      return fromVpc(await waitVpcAvailable(client, id, { timeoutMs: timeouts.update, signal }), plan);
    });
  },

  async delete({ state, client, diags, signal, timeouts }) {
    await attempt(diags, { summary: 'Cannot Delete VPC', timeoutKey: 'delete' }, () =>
      deleteWithDependencyRetry(() => deleteVpc(client, state.id!, { signal }), timeouts.delete, signal),
    );
  },

  async importState({ id }) {
    return { id };
  },
});
