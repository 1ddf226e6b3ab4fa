import { apiError, type HandlerOf } from '../context.js';
import type { modifyInstanceAttributeSpec, modifyInstanceNetworkSpecSpec } from '../../spec/ecs/instance-lifecycle.js';
import { checkHostName, checkInstanceName, checkPassword, ownInstance, publicIpFor, requireStatus } from './lifecycle-common.js';
import { updateInstance, type InstanceRecord } from './repository.js';
import { withClientToken } from '../db/client-tokens.js';
import { checkBandwidthIn, checkCreditSpecification } from './launch-options.js';
import { checkJumboFrame, modifiedCpuOptions } from './hardware-options.js';

/**
 * ModifyInstanceAttribute: InstanceName, Description, HostName, Password, UserData, DeletionProtection and
 * SecurityGroupIds.N (replaces the list; each group must exist in the instance's VPC), CreditSpecification
 * (burstable types only). Omitted
 * attributes keep their value.
 */
export const modifyInstanceAttribute: HandlerOf<typeof modifyInstanceAttributeSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  const patch: Partial<InstanceRecord> = {};
  const name = input.InstanceName;
  if (name !== undefined) {
    checkInstanceName(name);
    patch.name = name;
  }
  if (input.Description !== undefined) patch.description = input.Description;
  const hostName = input.HostName;
  if (hostName !== undefined) {
    checkHostName(hostName);
    patch.hostName = hostName;
  }
  const password = input.Password;
  if (password !== undefined) {
    checkPassword(password);
    requireStatus(ctx, inst, ['Running', 'Stopped'], 'changing Password');
    patch.hasPassword = true;
  }
  if (input.DeletionProtection !== undefined) patch.deletionProtection = input.DeletionProtection;
  // Takes effect at the next start; DescribeUserData answers it at once.
  if (input.UserData !== undefined) patch.extra = { ...inst.extra, userData: input.UserData };
  const credit = input.CreditSpecification;
  if (credit !== undefined) {
    checkCreditSpecification(inst.instanceType, credit);
    patch.extra = { ...inst.extra, ...patch.extra, creditSpecification: credit };
  }
  const jumbo = input.EnableJumboFrame;
  if (jumbo !== undefined) {
    checkJumboFrame(inst.instanceType, jumbo);
    patch.extra = { ...inst.extra, ...patch.extra, jumboFrame: jumbo };
  }
  if (input.CpuOptions && Object.values(input.CpuOptions).some((x) => x !== undefined)) {
    requireStatus(ctx, inst, ['Stopped'], 'changing CpuOptions');
    patch.extra = modifiedCpuOptions(inst.instanceType, { ...inst.extra, ...patch.extra }, input.CpuOptions);
  }
  if (input.SecurityGroupIds && input.SecurityGroupIds.length > 0) {
    const ids = [...new Set(input.SecurityGroupIds)];
    ids.forEach((id, i) => {
      const sg = ctx.backend.queries.securityGroups?.find(ctx.db, ctx.account.accountId, inst.regionId, id);
      if (!sg)
        throw apiError(
          'InvalidSecurityGroupId.NotFound',
          `The security group "${id}" given in SecurityGroupIds.${i + 1} does not exist in region ${inst.regionId}.`,
        );
      if (sg.vpcId !== inst.vpcId)
        throw apiError(
          'InvalidParameter.Mismatch',
          `The security group "${id}" is in VPC "${sg.vpcId}", but the instance is in VPC "${inst.vpcId}".`,
        );
    });
    patch.securityGroupIds = ids;
  }
  updateInstance(ctx.db, inst.id, patch);
  return {};
};

/**
 * ModifyInstanceNetworkSpec: outbound bandwidth (0-100 Mbit/s) and the traffic charge type
 * (PayByTraffic / PayByBandwidth) and the inbound bandwidth (1 to max(10, outbound)) while Running or Stopped. A subscription instance gets a public IP
 * when its bandwidth goes above 0; a pay-as-you-go one only with AllocatePublicIp=true. A repeated
 * ClientToken answers the first result.
 */
export const modifyInstanceNetworkSpec: HandlerOf<typeof modifyInstanceNetworkSpecSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  return withClientToken(ctx, 'ModifyInstanceNetworkSpec', input.ClientToken, input, () => {
    requireStatus(ctx, inst, ['Running', 'Stopped'], 'ModifyInstanceNetworkSpec');
    const bandwidth = input.InternetMaxBandwidthOut ?? inst.internetMaxBandwidthOut;
    const patch: Partial<InstanceRecord> = { internetMaxBandwidthOut: bandwidth };
    const bandwidthIn = input.InternetMaxBandwidthIn;
    if (bandwidthIn !== undefined) {
      checkBandwidthIn(bandwidthIn, bandwidth);
      patch.extra = { ...inst.extra, internetMaxBandwidthIn: bandwidthIn };
    }
    const charge = input.NetworkChargeType;
    if (charge !== undefined) patch.internetChargeType = charge;
    const allocate = input.AllocatePublicIp === true || ((inst.instanceChargeType || 'PostPaid') === 'PrePaid' && bandwidth > 0);
    if (input.AllocatePublicIp === true && bandwidth <= 0)
      throw apiError('InvalidParameter', 'AllocatePublicIp=true needs InternetMaxBandwidthOut above 0.');
    if (allocate && !inst.publicIp) patch.publicIp = publicIpFor(inst.id);
    updateInstance(ctx.db, inst.id, patch);
    return { OrderId: String(ctx.now().getTime()) };
  });
};
