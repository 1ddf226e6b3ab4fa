import type { HandlerOf } from '../context.js';
import type { describeUserDataSpec, modifyInstanceMetadataOptionsSpec } from '../../spec/ecs/instance-metadata.js';
import { ownInstance, requireStatus } from './lifecycle-common.js';
import { updateInstance } from './repository.js';

/**
 * ModifyInstanceMetadataOptions: a Running or Stopped instance takes the given metadata access
 * options; the ones not given keep their value.
 */
export const modifyInstanceMetadataOptions: HandlerOf<typeof modifyInstanceMetadataOptionsSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  requireStatus(ctx, inst, ['Running', 'Stopped'], 'ModifyInstanceMetadataOptions');
  const extra = { ...inst.extra };
  if (input.HttpEndpoint !== undefined) extra.httpEndpoint = input.HttpEndpoint;
  if (input.HttpTokens !== undefined) extra.httpTokens = input.HttpTokens;
  if (input.HttpPutResponseHopLimit !== undefined) extra.httpPutResponseHopLimit = input.HttpPutResponseHopLimit;
  updateInstance(ctx.db, inst.id, { extra });
  return {};
};

/** DescribeUserData: the instance's user data (base64) as last given, '' when none. */
export const describeUserData: HandlerOf<typeof describeUserDataSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  return { InstanceId: inst.id, RegionId: inst.regionId, UserData: inst.extra?.userData ?? '' };
};
