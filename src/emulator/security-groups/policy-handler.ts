/** Handler of ModifySecurityGroupPolicy: the inner access policy (Accept / Drop) of a basic group. */
import type { HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import type { modifySecurityGroupPolicySpec } from '../../spec/ecs/security-groups.js';
import { findSecurityGroup, updateSecurityGroup } from './repository.js';

export const modifySecurityGroupPolicy: HandlerOf<typeof modifySecurityGroupPolicySpec> = (ctx, input) => {
  const id = input.SecurityGroupId;
  const g = findSecurityGroup(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!g)
    throw apiError('InvalidSecurityGroupId.NotFound', `The specified SecurityGroupId "${id}" does not exist in region ${ctx.regionId}.`);
  // The table's pattern already limits the value to accept/drop in any case.
  const policy = input.InnerAccessPolicy.toLowerCase() === 'accept' ? 'Accept' : 'Drop';
  if (g.type === 'enterprise' && policy === 'Accept') {
    throw apiError(
      'OperationDenied',
      `The security group ${id} is an enterprise (advanced) group: its inner access policy is always Drop and cannot be changed.`,
    );
  }
  updateSecurityGroup(ctx.db, { ...g, innerAccessPolicy: policy });
  return {};
};
