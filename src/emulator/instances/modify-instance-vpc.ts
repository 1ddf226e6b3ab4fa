import { apiError, type HandlerOf } from '../context.js';
import type { modifyInstanceVpcAttributeSpec } from '../../spec/ecs/instance-lifecycle.js';
import { parseCidr } from '../vpc/cidr.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { privateIpsInVSwitch, updateInstance } from './repository.js';
import { allocatePrivateIps, ipNumber } from './run-instances-input.js';

/**
 * ModifyInstanceVpcAttribute: a Stopped instance moves its primary interface to another vSwitch
 * of its zone and VPC (or of another VPC given as VpcId, with SecurityGroupId.N of that VPC), with
 * the given private IP (inside the vSwitch CIDR, free) or a free one. After a change the instance
 * must be started before the next change (IncorrectInstanceStatus otherwise). An instance with
 * secondary network interfaces cannot change VPC (IncorrectInstanceStatus).
 */
export const modifyInstanceVpcAttribute: HandlerOf<typeof modifyInstanceVpcAttributeSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  requireStatus(ctx, inst, ['Stopped'], 'ModifyInstanceVpcAttribute');
  if (inst.extra?.vpcChangedSinceStart)
    throw apiError(
      'IncorrectInstanceStatus',
      `The VPC attributes of instance "${inst.id}" changed since its last start; start it before changing them again.`,
    );
  const vpc = ctx.backend.queries.vpc;
  const vpcId = input.VpcId ?? inst.vpcId;
  const changingVpc = vpcId !== inst.vpcId;
  if (changingVpc) {
    // Secondary interfaces stay in their vSwitches: ECS moves an instance to another VPC only without them.
    if ((inst.extra?.secondaryEnis ?? []).length > 0)
      throw apiError(
        'IncorrectInstanceStatus',
        `Instance "${inst.id}" has secondary network interfaces; it moves to another VPC only without them.`,
      );
    if (!vpc?.findVpc(ctx.db, ctx.account.accountId, inst.regionId, vpcId))
      throw apiError('InvalidVpcId.NotFound', `The VPC "${vpcId}" given in VpcId does not exist in region ${inst.regionId}.`);
    if (input.VSwitchId === undefined) throw apiError('MissingParameter', 'VSwitchId is mandatory when VpcId changes the VPC.');
    if ((input.SecurityGroupId ?? []).length === 0)
      throw apiError('MissingParameter', 'SecurityGroupId.N is mandatory when VpcId changes the VPC.');
  }
  const vswId = input.VSwitchId ?? inst.vSwitchId;
  const vsw = vpc?.findVSwitch(ctx.db, ctx.account.accountId, inst.regionId, vswId);
  if (!vsw)
    throw apiError('InvalidVSwitchId.NotFound', `The vSwitch "${vswId}" given in VSwitchId does not exist in region ${inst.regionId}.`);
  if (vsw.vpcId !== vpcId)
    throw apiError('InvalidVSwitchId.Mismatch', `The vSwitch "${vswId}" is in VPC "${vsw.vpcId}", not in VPC "${vpcId}".`);
  if (vsw.zoneId !== inst.zoneId)
    throw apiError(
      'InvalidVSwitchId.Mismatch',
      `The vSwitch "${vswId}" is in zone ${vsw.zoneId}, but the instance is in zone ${inst.zoneId}.`,
    );
  const groups = changingVpc ? [...new Set(input.SecurityGroupId)] : inst.securityGroupIds;
  if (changingVpc)
    groups.forEach((id, i) => {
      const sg = ctx.backend.queries.securityGroups?.find(ctx.db, ctx.account.accountId, inst.regionId, id);
      if (!sg)
        throw apiError('InvalidSecurityGroupId.NotFound', `The security group "${id}" given in SecurityGroupId.${i + 1} does not exist.`);
      if (sg.vpcId !== vpcId)
        throw apiError('InvalidParameter.Mismatch', `The security group "${id}" is in VPC "${sg.vpcId}", not in VPC "${vpcId}".`);
    });
  let ip = input.PrivateIpAddress;
  if (ip !== undefined) {
    const n = ipNumber(ip);
    if (n === undefined) throw apiError('InvalidPrivateIpAddress.Malformed', `PrivateIpAddress "${ip}" is not an IPv4 address.`);
    const cidr = parseCidr(vsw.cidrBlock)!;
    const first = cidr.base + 1;
    const last = cidr.base + 2 ** (32 - cidr.mask) - 4;
    if (n < first || n > last)
      throw apiError(
        'InvalidPrivateIpAddress.Mismatch',
        `PrivateIpAddress "${ip}" is not a usable address of vSwitch ${vswId} (${vsw.cidrBlock}).`,
      );
    if (!(vswId === inst.vSwitchId && ip === inst.privateIp) && privateIpsInVSwitch(ctx.db, vswId).has(ip))
      throw apiError('InvalidPrivateIpAddress.Duplicated', `PrivateIpAddress "${ip}" is already used in vSwitch ${vswId}.`);
  } else if (vswId !== inst.vSwitchId) {
    ip = allocatePrivateIps(ctx, vsw, undefined, 1, 1)[0];
  }
  const changed = vswId !== inst.vSwitchId || (ip !== undefined && ip !== inst.privateIp) || changingVpc;
  if (!changed) return {};
  updateInstance(ctx.db, inst.id, {
    vpcId,
    vSwitchId: vswId,
    privateIp: ip ?? inst.privateIp,
    securityGroupIds: groups,
    extra: { ...inst.extra, vpcChangedSinceStart: true, secondaryIps: [], ipv6s: [] },
  });
  return {};
};
