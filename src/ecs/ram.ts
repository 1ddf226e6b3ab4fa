/**
 * RAM (2015-05-01) role operations for `alicloud_ram_role`: CreateRole, GetRole (with the role's
 * tags from ListTagResources), UpdateRole, tag changes, and DeleteRole (after detaching the
 * role's policies when asked to force). Also GetCallerIdentity for `alicloud_account`.
 */
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import {
  createRoleSpec,
  deleteRoleSpec,
  getRoleSpec,
  listPoliciesForRoleSpec,
  listTagResourcesSpec,
  tagResourcesSpec,
  untagResourcesSpec,
  updateRoleSpec,
} from '../spec/ram/roles.js';
import { getCallerIdentitySpec } from '../spec/sts/sts.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { isNotFoundError } from './errors.js';

export type RamRole = OutputOf<typeof getRoleSpec>['Role'] & { Tags: Record<string, string> };

export async function createRamRole(client: AlibabaCloudClient, input: ClientInputOf<typeof createRoleSpec>, opts: CallOptions = {}) {
  return (await client.call(createRoleSpec, input, opts)).Role;
}

/** The role with its tags, or undefined when RAM answers EntityNotExist.Role. */
export async function describeRamRole(client: AlibabaCloudClient, roleName: string, opts: CallOptions = {}): Promise<RamRole | undefined> {
  try {
    const role = (await client.call(getRoleSpec, { RoleName: roleName }, opts)).Role;
    const tags: Record<string, string> = {};
    for (let token: string | undefined; ;) {
      const page = await client.call(
        listTagResourcesSpec,
        { ResourceType: 'role', ResourceNames: JSON.stringify([role.RoleName]), ...(token ? { NextToken: token } : {}) },
        opts,
      );
      for (const t of page.TagResources) tags[t.TagKey] = t.TagValue;
      token = page.NextToken;
      if (!token) break;
    }
    return { ...role, Tags: tags };
  } catch (err) {
    if (isNotFoundError(err, ['EntityNotExist.Role'])) return undefined;
    throw err;
  }
}

export async function updateRamRole(client: AlibabaCloudClient, input: ClientInputOf<typeof updateRoleSpec>, opts: CallOptions = {}) {
  await client.call(updateRoleSpec, input, opts);
}

/** Remove the tags no longer wanted, then add or change the rest. */
export async function setRamRoleTags(
  client: AlibabaCloudClient,
  roleName: string,
  prior: Record<string, string>,
  next: Record<string, string>,
  opts: CallOptions = {},
): Promise<void> {
  const names = JSON.stringify([roleName]);
  const gone = Object.keys(prior).filter((k) => !(k in next));
  if (gone.length > 0)
    await client.call(untagResourcesSpec, { ResourceType: 'role', ResourceNames: names, TagKeys: JSON.stringify(gone) }, opts);
  const changed = Object.entries(next).filter(([k, v]) => prior[k] !== v);
  if (changed.length > 0)
    await client.call(
      tagResourcesSpec,
      { ResourceType: 'role', ResourceNames: names, Tag: JSON.stringify(changed.map(([Key, Value]) => ({ Key, Value }))) },
      opts,
    );
}

/** Delete the role; with `force`, first list its attached policies (a role with policies cannot be deleted). EntityNotExist.Role counts as done. */
export async function deleteRamRole(client: AlibabaCloudClient, roleName: string, force: boolean, opts: CallOptions = {}): Promise<void> {
  try {
    if (force) {
      const attached = (await client.call(listPoliciesForRoleSpec, { RoleName: roleName }, opts)).Policies.Policy;
      if (attached.length > 0)
        throw new Error(
          `the role ${roleName} has policies attached (${attached.map((p) => `${p.PolicyType}:${p.PolicyName}`).join(', ')}); detach them first (DetachPolicyFromRole is not supported by this provider yet)`,
        );
    }
    await client.call(deleteRoleSpec, { RoleName: roleName }, opts);
  } catch (err) {
    if (isNotFoundError(err, ['EntityNotExist.Role'])) return;
    throw err;
  }
}

/** The caller's account id (STS GetCallerIdentity). */
export async function callerAccountId(client: AlibabaCloudClient, opts: CallOptions = {}): Promise<string> {
  return (await client.call(getCallerIdentitySpec, {}, opts)).AccountId;
}
