/**
 * ECS JoinResourceGroup: move one ECS resource (image, instance, snapshot, ...) to another
 * resource group. Moving to the group it is already in is harmless, so it is retried freely.
 */
import { joinResourceGroupSpec } from '../spec/ecs/resource-groups.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

export async function joinResourceGroup(
  client: AlibabaCloudClient,
  input: { resourceType: string; resourceId: string; resourceGroupId: string; regionId?: string },
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(
    joinResourceGroupSpec,
    { RegionId: input.regionId, ResourceType: input.resourceType, ResourceId: input.resourceId, ResourceGroupId: input.resourceGroupId },
    { idempotent: true, ...opts },
  );
  return { requestId: body.RequestId };
}
