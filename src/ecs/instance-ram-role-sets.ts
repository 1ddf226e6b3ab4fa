/** ECS DescribeInstanceRamRole: which RAM role each instance carries (read by `data alicloud_instances`). */
import { describeInstanceRamRoleSpec } from '../spec/ecs/instance-ram-roles.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

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
