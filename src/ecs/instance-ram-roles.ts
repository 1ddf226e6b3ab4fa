/**
 * The RAM role of one instance: AttachInstanceRamRole, DetachInstanceRamRole,
 * DescribeInstanceRamRole (types from `src/spec/ecs/instance-ram-roles.ts`). Attach and detach
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
  const b = await client.call(describeInstanceRamRoleSpec, { InstanceIds: [instanceId] }, opts);
  return b.InstanceRamRoleSets.InstanceRamRoleSet.find((x) => x.InstanceId === instanceId)?.RamRoleName ?? '';
}
