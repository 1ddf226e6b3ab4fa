import { EcsApiError, apiError, type HandlerOf } from '../context.js';
import { JOIN_RESOURCE_TYPES, type joinResourceGroupSpec } from '../../spec/ecs/resource-groups.js';
import { findResourceGroup } from './repository.js';

// This API's own table answers a missing parameter with 403, unlike the common 400.
const missing = (name: string) =>
  new EcsApiError('MissingParameter', 403, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

/** JoinResourceGroup: move one resource (image, instance, snapshot, disk, securitygroup, ...) into a group. */
export const joinResourceGroup: HandlerOf<typeof joinResourceGroupSpec> = (ctx, input) => {
  const { ResourceId: resourceId, ResourceType: resourceType, ResourceGroupId: groupId } = input;
  if (!resourceId) throw missing('ResourceId');
  if (!groupId) throw missing('ResourceGroupId');
  if (!resourceType) throw missing('ResourceType');
  const move = ctx.backend.groupMember(resourceType);
  if (!move || !(JOIN_RESOURCE_TYPES as readonly string[]).includes(resourceType)) {
    throw apiError(
      'InvalidResourceType.NotFound',
      `The specified ResourceType "${resourceType}" is not supported; allowed: ${JOIN_RESOURCE_TYPES.join(', ')}.`,
    );
  }
  if (!findResourceGroup(ctx.db, ctx.account.accountId, groupId)) {
    throw apiError('InvalidResourceGroup.NotFound', `The specified ResourceGroupId "${groupId}" does not exist.`);
  }
  if (!move(ctx.db, ctx.account.accountId, ctx.regionId, resourceId, groupId)) {
    throw apiError('InvalidResourceId.NotFound', `The specified ResourceId "${resourceId}" of type ${resourceType} does not exist.`);
  }
  return {};
};
