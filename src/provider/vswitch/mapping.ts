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
    Ipv6CidrBlock: plan.enable_ipv6 === false ? undefined : (plan.ipv6_cidr_block_mask ?? undefined),
    VpcIpv6CidrBlock: plan.vpc_ipv6_cidr_block ?? undefined,
  };
}

/** The subnet number of a vSwitch's IPv6 /64 inside its VPC's /56 (the low byte of the fourth group). */
export function ipv6SubnetNumber(block: string): number | null {
  const group = block.split('/')[0]?.split(':')[3];
  return block && group !== undefined && group !== '' ? parseInt(group, 16) & 0xff : null;
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
    is_default: s.IsDefault,
    // As upstream: a configured enable_ipv6 is kept, otherwise derived from the block.
    enable_ipv6: prior.enable_ipv6 ?? s.Ipv6CidrBlock !== '',
    ipv6_cidr_block_mask: s.Ipv6CidrBlock ? ipv6SubnetNumber(s.Ipv6CidrBlock) : (prior.ipv6_cidr_block_mask ?? null),
    vpc_ipv6_cidr_block: prior.vpc_ipv6_cidr_block ?? null,
    ipv6_cidr_block: s.Ipv6CidrBlock,
    status: s.Status,
    create_time: s.CreationTime,
  };
}
