/**
 * The RAM role of one instance: AttachInstanceRamRole, DetachInstanceRamRole,
 * DescribeInstanceRamRole (types from `src/spec/ecs/instance-ram-roles.ts`), for one instance or many
 * (`data alicloud_instances`). Attach and detach
 * answer 200 with per-instance results; a failed result is thrown as an {@link EcsServiceError}
 * carrying that result's code.
 */
import { attachInstanceRamRoleSpec, describeInstanceRamRoleSpec, detachInstanceRamRoleSpec } from '../spec/ecs/instance-ram-roles.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { EcsServiceError } from './errors.js';

/** Attach (`attach`) or detach the RAM role on one instance. */
export async function bindInstanceRamRole(
  client: AlibabaCloudClient,
  input: { instanceId: string; roleName: string; attach: boolean },
  opts: CallOptions = {},
): Promise<void> {
  const spec = input.attach ? attachInstanceRamRoleSpec : detachInstanceRamRoleSpec;
  const b = await client.call(spec, { InstanceIds: [input.instanceId], RamRoleName: input.roleName }, opts);
  const results =
    'AttachInstanceRamRoleResults' in b
      ? b.AttachInstanceRamRoleResults.AttachInstanceRamRoleResult
      : b.DetachInstanceRamRoleResults.DetachInstanceRamRoleResult;
  const r = results.find((x) => x.InstanceId === input.instanceId);
  if (r && !r.Success)
    throw new EcsServiceError({
      action: spec.action,
      code: r.Code,
      message: `RAM role ${input.roleName} on ${input.instanceId}: ${r.Message}`,
      httpStatus: 200,
      requestId: b.RequestId,
    });
}

/** Name of the RAM role the instance carries, or '' when it has none. */
export async function describeInstanceRamRoleName(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<string> {
  return (await instanceRamRoles(client, [instanceId], undefined, opts)).get(instanceId) ?? '';
}

/**
 * Role name by instance id for the given instances (at most 100 ids per call, every page), only
 * those carrying a role, or only `roleName` when given (matched case-insensitively by ECS).
 */
export async function instanceRamRoles(
  client: AlibabaCloudClient,
  instanceIds: readonly string[],
  roleName?: string,
  opts: CallOptions = {},
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < instanceIds.length; i += 100) {
    const ids = instanceIds.slice(i, i + 100);
    for (let page = 1; ; page++) {
      const body = await client.call(
        describeInstanceRamRoleSpec,
        { InstanceIds: ids, RamRoleName: roleName || undefined, PageNumber: page, PageSize: 100 },
        opts,
      );
      for (const s of body.InstanceRamRoleSets.InstanceRamRoleSet) out.set(s.InstanceId, s.RamRoleName);
      if (body.InstanceRamRoleSets.InstanceRamRoleSet.length < 100) break;
    }
  }
  return out;
}
