/**
 * `alicloud_security_group`: CreateSecurityGroup (tags and group in the same call);
 * ModifySecurityGroupAttribute for name/description, ModifySecurityGroupPolicy for the inner
 * policy, TagResources/UntagResources and JoinResourceGroup; DeleteSecurityGroup (retried while
 * instances are being released).
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  describeInnerAccessPolicy,
  describeSecurityGroup,
  joinResourceGroup,
  modifySecurityGroupAttribute,
  modifySecurityGroupPolicy,
  type AlibabaCloudClient,
  type SecurityGroup,
} from '../../ecs/index.js';
import { attempt, deleteWithDependencyRetry, readRemote, syncAliasPlan, syncEcsTags } from '../common/index.js';
import { SECURITY_GROUP_EXAMPLE } from './example.js';
import { fromSecurityGroup, toCreateSecurityGroupInput } from './mapping.js';
import { securityGroupSchema } from './schema.js';

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

/** The group and its inner access policy (a second call), or undefined when the group is gone. */
async function describeGroup(
  client: AlibabaCloudClient,
  id: string,
  signal: AbortSignal,
): Promise<{ group: SecurityGroup; policy: string } | undefined> {
  const group = await describeSecurityGroup(client, id, { signal });
  return group && { group, policy: await describeInnerAccessPolicy(client, id, { signal }) };
}

/** The inner access policy the plan asks for (from `inner_access_policy` or the deprecated `inner_access`), if any. */
function wantedPolicy(plan: { inner_access_policy?: string | null; inner_access?: boolean | null }): 'Accept' | 'Drop' | undefined {
  if (plan.inner_access_policy === 'Accept' || plan.inner_access_policy === 'Drop') return plan.inner_access_policy;
  if (plan.inner_access === true) return 'Accept';
  if (plan.inner_access === false) return 'Drop';
  return undefined;
}

export const securityGroupResource = defineResource<typeof securityGroupSchema, AlibabaCloudClient>({
  typeName: 'alicloud_security_group',
  schema: securityGroupSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.0.0',
    productDocs: {
      title: 'CreateSecurityGroup',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-createsecuritygroup',
    },
    example: SECURITY_GROUP_EXAMPLE,
    importId: 'sg-default-1234567890123456',
  },

  async create(req) {
    const { plan, client, diags, signal, saveProgress } = req;
    const created = await attempt(diags, { summary: 'Cannot Create Security Group', attributeFor }, () =>
      createSecurityGroup(client, toCreateSecurityGroupInput(plan), { signal }),
    );
    if (created === NO_STATE) return NO_STATE;
    const id = created.securityGroupId;
    saveProgress({ id });
    const finishing = {
      summary: 'Cannot Finish Creating Security Group',
      attributeFor: (code: string) => (code.includes('Policy') || code === 'InvalidAction.NotFound' ? 'inner_access_policy' : undefined),
      note: `The security group ${id} is kept in state as tainted.`,
    };
    return attempt(diags, finishing, async () => {
      let found = await describeGroup(client, id, signal);
      const policy = wantedPolicy(plan);
      if (found && policy && policy !== found.policy) {
        await modifySecurityGroupPolicy(client, id, policy, { signal });
        found = await describeGroup(client, id, signal);
      }
      if (!found) throw new Error(`security group ${id} disappeared right after creation`);
      return fromSecurityGroup(found.group, found.policy, plan);
    });
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config, plan, 'security_group_name', 'name');
    // The deprecated boolean and the policy describe one setting: the configured one decides the other.
    if (config?.inner_access !== null && config?.inner_access !== undefined)
      plan.inner_access_policy = config.inner_access ? 'Accept' : 'Drop';
    else if (config?.inner_access_policy !== null && config?.inner_access_policy !== undefined)
      plan.inner_access = config.inner_access_policy === 'Accept';
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeGroup(req.client, id, req.signal),
      ({ group, policy }) => fromSecurityGroup(group, policy, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update Security Group', attributeFor, timeoutKey: 'update' }, async () => {
      const name = changed.has('security_group_name') ? plan.security_group_name : changed.has('name') ? plan.name : undefined;
      const description = changed.has('description') ? plan.description : undefined;
      if (name || description)
        await modifySecurityGroupAttribute(
          client,
          { SecurityGroupId: id, SecurityGroupName: name ?? undefined, Description: description ?? undefined },
          { signal },
        );
      const policy = wantedPolicy(plan);
      if ((changed.has('inner_access_policy') || changed.has('inner_access')) && policy)
        await modifySecurityGroupPolicy(client, id, policy, { signal });
      if (changed.has('tags')) await syncEcsTags(client, { resourceType: 'securitygroup', id }, prior.tags, plan.tags, { signal });
      if (changed.has('resource_group_id') && plan.resource_group_id)
        await joinResourceGroup(
          client,
          { resourceType: 'securitygroup', resourceId: id, resourceGroupId: plan.resource_group_id },
          { signal },
        );
      const now = await describeGroup(client, id, signal);
      if (!now) throw new Error(`security group ${id} disappeared during the update`);
      return fromSecurityGroup(now.group, now.policy, plan);
    });
  },

  async delete({ state, client, diags, signal, timeouts }) {
    await attempt(diags, { summary: 'Cannot Delete Security Group', timeoutKey: 'delete' }, () =>
      deleteWithDependencyRetry(() => deleteSecurityGroup(client, state.id!, { signal }), timeouts.delete, signal),
    );
  },

  async importState({ id }) {
    return { id };
  },
});
