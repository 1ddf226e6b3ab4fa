/** Pure filtering and mapping for `alicloud_security_groups`. */
import type { SecurityGroup } from '../../ecs/index.js';
import type { SecurityGroupResult } from './schema.js';

export function selectSecurityGroups(
  groups: readonly SecurityGroup[],
  f: { ids?: readonly string[] | null; name_regex?: string | null },
): SecurityGroup[] {
  const re = f.name_regex ? new RegExp(f.name_regex) : undefined;
  return groups.filter((g) => (!f.ids || f.ids.length === 0 || f.ids.includes(g.SecurityGroupId)) && (!re || re.test(g.SecurityGroupName)));
}

/** Results; `policies` holds each group's inner access policy when details were read. */
export function toSecurityGroupResults(groups: readonly SecurityGroup[], policies: ReadonlyMap<string, string>): SecurityGroupResult[] {
  return groups.map((g) => ({
    id: g.SecurityGroupId,
    name: g.SecurityGroupName,
    description: g.Description,
    vpc_id: g.VpcId,
    resource_group_id: g.ResourceGroupId,
    security_group_type: g.SecurityGroupType,
    inner_access: policies.get(g.SecurityGroupId) === 'Accept',
    creation_time: g.CreationTime,
    tags: g.Tags,
  }));
}
