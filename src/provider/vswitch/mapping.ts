/** Pure mapping between `alicloud_vswitch` state and the vSwitch API. */
import type { CreateVSwitchInput, VSwitch } from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import type { VSwitchState } from './schema.js';

type Planned = { [K in keyof VSwitchState]: VSwitchState[K] | undefined };

export function toCreateVSwitchInput(plan: Planned): CreateVSwitchInput {
  return {
    VpcId: plan.vpc_id!,
    CidrBlock: plan.cidr_block!,
    ZoneId: (plan.zone_id ?? plan.availability_zone)!,
    VSwitchName: plan.vswitch_name ?? plan.name ?? undefined,
    Description: plan.description ?? undefined,
    Tag: tagsToInput(plan.tags),
  };
}

export function fromVSwitch(s: VSwitch, prior: Partial<VSwitchState>): VSwitchState {
  return {
    id: s.VSwitchId,
    vpc_id: s.VpcId,
    cidr_block: s.CidrBlock,
    zone_id: s.ZoneId,
    availability_zone: s.ZoneId,
    vswitch_name: s.VSwitchName,
    name: s.VSwitchName,
    description: optionalString(s.Description, prior.description),
    tags: tagsForState(s.Tags, prior.tags),
    status: s.Status,
    create_time: s.CreationTime,
  };
}
