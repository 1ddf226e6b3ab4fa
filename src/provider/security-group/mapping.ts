/** Pure mapping between `alicloud_security_group` state and the ECS security-group API. */
import type { CreateSecurityGroupInput, SecurityGroup } from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import type { SecurityGroupState } from './schema.js';

type Planned = { [K in keyof SecurityGroupState]: SecurityGroupState[K] | undefined };

export function toCreateSecurityGroupInput(plan: Planned): CreateSecurityGroupInput {
  return {
    VpcId: plan.vpc_id ?? undefined,
    SecurityGroupName: plan.security_group_name ?? plan.name ?? undefined,
    Description: plan.description ?? undefined,
    SecurityGroupType: (plan.security_group_type ?? undefined) as CreateSecurityGroupInput['SecurityGroupType'],
    ResourceGroupId: plan.resource_group_id ?? undefined,
    Tag: tagsToInput(plan.tags),
  };
}

export function fromSecurityGroup(g: SecurityGroup, innerAccessPolicy: string, prior: Partial<SecurityGroupState>): SecurityGroupState {
  return {
    id: g.SecurityGroupId,
    vpc_id: g.VpcId,
    security_group_name: g.SecurityGroupName,
    name: g.SecurityGroupName,
    description: optionalString(g.Description, prior.description),
    security_group_type: g.SecurityGroupType,
    inner_access_policy: innerAccessPolicy,
    inner_access: innerAccessPolicy === 'Accept',
    resource_group_id: g.ResourceGroupId,
    tags: tagsForState(g.Tags, prior.tags),
    create_time: g.CreationTime,
  };
}
