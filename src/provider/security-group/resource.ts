/**
 * `alicloud_security_group`: CreateSecurityGroup (tags and group in the same call);
 * ModifySecurityGroupAttribute for name/description, ModifySecurityGroupPolicy for the inner
 * policy, TagResources/UntagResources and JoinResourceGroup; DeleteSecurityGroup (retried while
 * instances are being released).
 */
import { defineResource } from '../../framework/index.js';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  describeInnerAccessPolicy,
  describeSecurityGroup,
  joinResourceGroup,
  modifySecurityGroupAttribute,
  modifySecurityGroupPolicy,
  tagResources,
  untagResources,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { syncAliasPlan } from '../vpc/common.js';
import { deleteWithDependencyRetry } from '../vpc/resource.js';
import { fromSecurityGroup, toCreateSecurityGroupInput } from './mapping.js';
import { securityGroupSchema, type SecurityGroupState } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidVpcId')
    ? 'vpc_id'
    : code.startsWith('InvalidSecurityGroupName')
      ? 'security_group_name'
      : code.startsWith('InvalidSecurityGroupDiscription')
        ? 'description'
        : code.startsWith('InvalidSecurityGroupType')
          ? 'security_group_type'
          : code.startsWith('InvalidResourceGroup')
            ? 'resource_group_id'
            : undefined;

async function readGroup(
  client: AlibabaCloudClient,
  id: string,
  prior: Partial<SecurityGroupState>,
  signal?: AbortSignal,
): Promise<SecurityGroupState | null> {
  const g = await describeSecurityGroup(client, id, { signal });
  if (!g) return null;
  return fromSecurityGroup(g, await describeInnerAccessPolicy(client, id, { signal }), prior);
}

async function syncTags(
  client: AlibabaCloudClient,
  id: string,
  prior: Record<string, string>,
  next: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const removed = Object.keys(prior).filter((k) => !(k in next));
  const upserts = Object.fromEntries(Object.entries(next).filter(([k, v]) => prior[k] !== v));
  if (removed.length) await untagResources(client, { resourceType: 'securitygroup', resourceIds: [id], keys: removed }, { signal });
  if (Object.keys(upserts).length)
    await tagResources(client, { resourceType: 'securitygroup', resourceIds: [id], tags: upserts }, { signal });
}

export const securityGroupResource = defineResource<typeof securityGroupSchema, AlibabaCloudClient>({
  schema: securityGroupSchema,
  docs: {
    example:
      'resource "alicloud_security_group" "default" {\n  security_group_name = "terraform-example"\n  vpc_id              = alicloud_vpc.default.id\n}',
    importId: 'sg-abc123',
  },

  async create({ plan, client, diags, signal, saveProgress }) {
    let id: string;
    try {
      id = (await createSecurityGroup(client, toCreateSecurityGroupInput(plan), { signal })).securityGroupId;
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Create Security Group', attributeFor });
      return undefined as never;
    }
    saveProgress({ id });
    try {
      let state = await readGroup(client, id, plan, signal);
      if (state && plan.inner_access_policy && plan.inner_access_policy !== state.inner_access_policy) {
        await modifySecurityGroupPolicy(client, id, plan.inner_access_policy, { signal });
        state = await readGroup(client, id, plan, signal);
      }
      if (!state) throw new Error(`security group ${id} disappeared right after creation`);
      return state;
    } catch (err) {
      addEcsError(diags, err, {
        summary: 'Cannot Finish Creating Security Group',
        attributeFor: (code) => (code.includes('Policy') || code === 'InvalidAction.NotFound' ? 'inner_access_policy' : undefined),
        note: `The security group ${id} is kept in state as tainted.`,
      });
      return undefined as never;
    }
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config as Record<string, unknown> | undefined, plan as Record<string, unknown>, 'security_group_name', 'name');
  },

  async read({ state, client }) {
    return readGroup(client, state.id!, state);
  },

  async update({ plan, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    try {
      const name = changed.has('security_group_name') ? plan.security_group_name : changed.has('name') ? plan.name : undefined;
      const description = changed.has('description') ? plan.description : undefined;
      if (name || description)
        await modifySecurityGroupAttribute(
          client,
          { SecurityGroupId: id, SecurityGroupName: name ?? undefined, Description: description ?? undefined },
          { signal },
        );
      if (changed.has('inner_access_policy') && plan.inner_access_policy)
        await modifySecurityGroupPolicy(client, id, plan.inner_access_policy, { signal });
      if (changed.has('tags')) await syncTags(client, id, prior.tags ?? {}, plan.tags ?? {}, signal);
      if (changed.has('resource_group_id') && plan.resource_group_id) {
        await joinResourceGroup(
          client,
          { resourceType: 'securitygroup', resourceId: id, resourceGroupId: plan.resource_group_id },
          { signal },
        );
      }
      const state = await readGroup(client, id, plan, signal);
      if (!state) throw new Error(`security group ${id} disappeared during the update`);
      return state;
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Update Security Group', attributeFor });
      return undefined as never;
    }
  },

  async delete({ state, client, diags, signal, timeouts }) {
    try {
      await deleteWithDependencyRetry(() => deleteSecurityGroup(client, state.id!, { signal }), timeouts.delete!, signal);
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Delete Security Group', timeoutKey: 'delete' });
    }
  },

  async importState({ id }) {
    return { id };
  },
});
