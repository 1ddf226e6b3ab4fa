/**
 * `alicloud_vpc`: CreateVpc then wait for Available; ModifyVpcAttribute for name, description
 * and CIDR; VPC-product TagResources/UnTagResources for tags and MoveResourceGroup for the
 * group; DeleteVpc (retried while dependents are still being released).
 */
import { defineResource } from '../../framework/index.js';
import {
  createVpc,
  deleteVpc,
  describeVpc,
  isEcsServiceError,
  modifyVpcAttribute,
  moveVpcResourceGroup,
  setVpcTags,
  waitVpcAvailable,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { syncAliasPlan } from './common.js';
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

/** Retry a delete while ECS reports dependents still being released (instances, vSwitches). */
export async function deleteWithDependencyRetry(run: () => Promise<unknown>, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 300; ; delay = Math.min(delay * 1.5, 5000)) {
    try {
      await run();
      return;
    } catch (err) {
      if (!(isEcsServiceError(err) && err.code.startsWith('DependencyViolation')) || Date.now() + delay > deadline || signal.aborted)
        throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export const vpcResource = defineResource<typeof vpcSchema, AlibabaCloudClient>({
  schema: vpcSchema,
  docs: {
    example: 'resource "alicloud_vpc" "default" {\n  cidr_block = "172.17.3.0/24"\n  vpc_name   = "terraform-example"\n}',
    importId: 'vpc-abc123',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    let id: string;
    try {
      id = (await createVpc(client, { ...toCreateVpcInput(plan), DryRun: plan.dry_run ?? undefined }, { signal })).vpcId;
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Create VPC', attributeFor });
      return undefined as never;
    }
    saveProgress({ id });
    try {
      const vpc = await waitVpcAvailable(client, id, { timeoutMs: timeouts.create!, signal });
      return fromVpc(vpc, plan);
    } catch (err) {
      addEcsError(diags, err, {
        summary: 'VPC Did Not Become Available',
        timeoutKey: 'create',
        note: `The VPC ${id} is kept in state as tainted.`,
      });
      return undefined as never;
    }
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config as Record<string, unknown> | undefined, plan as Record<string, unknown>, 'vpc_name', 'name');
  },

  async read({ state, client }) {
    const vpc = await describeVpc(client, state.id!);
    return vpc ? fromVpc(vpc, state) : null;
  },

  async update({ plan, prior, changed, client, diags, signal, timeouts }) {
    const id = prior.id!;
    try {
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
      const vpc = await waitVpcAvailable(client, id, { timeoutMs: timeouts.update!, signal });
      return fromVpc(vpc, plan);
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Update VPC', attributeFor, timeoutKey: 'update' });
      return undefined as never;
    }
  },

  async delete({ state, client, diags, signal, timeouts }) {
    try {
      await deleteWithDependencyRetry(() => deleteVpc(client, state.id!, { signal }), timeouts.delete!, signal);
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Delete VPC', timeoutKey: 'delete' });
    }
  },

  async importState({ id }) {
    return { id };
  },
});
