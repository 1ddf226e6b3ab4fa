/** Pure mapping between `alicloud_vpc` state and the VPC API. */
import type { CreateVpcInput, Vpc } from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import type { VpcState } from './schema.js';

type Planned = { [K in keyof VpcState]: VpcState[K] | undefined };

export function toCreateVpcInput(plan: Planned): CreateVpcInput {
  return {
    CidrBlock: plan.cidr_block ?? undefined,
    VpcName: plan.vpc_name ?? plan.name ?? undefined,
    Description: plan.description ?? undefined,
    ResourceGroupId: plan.resource_group_id ?? undefined,
    Tag: tagsToInput(plan.tags),
  };
}

/** State from a described VPC; `prior` keeps null for optional values the config leaves unset. */
export function fromVpc(vpc: Vpc, prior: Partial<VpcState>): VpcState {
  return {
    id: vpc.VpcId,
    cidr_block: vpc.CidrBlock,
    vpc_name: vpc.VpcName,
    name: vpc.VpcName,
    description: optionalString(vpc.Description, prior.description),
    resource_group_id: vpc.ResourceGroupId,
    tags: tagsForState(vpc.Tags, prior.tags),
    dry_run: prior.dry_run ?? null,
    status: vpc.Status,
    router_id: vpc.VRouterId,
    route_table_id: vpc.RouteTableIds[0] ?? '',
    create_time: vpc.CreationTime,
  };
}
