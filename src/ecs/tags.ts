/**
 * ECS tag operations for any taggable resource (TagResources, UntagResources,
 * ListTagResources). Tag and Untag are upserts/removals, so they are retried freely;
 * large requests are split into chunks the API accepts (20 tags or 20 keys, 50 ids).
 */
import type { OutputOf } from '../spec/ecs/infer.js';
import { listTagResourcesSpec, tagResourcesSpec, untagResourcesSpec } from '../spec/ecs/tags.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** Lowercase ECS resource type: `image`, `instance`, `snapshot`, `disk`, `securitygroup`, ... */
export type TagResourceType = string;

/** One `TagResources.TagResource` of ListTagResources. */
export type TagResource = OutputOf<typeof listTagResourcesSpec>['TagResources']['TagResource'][number];

/** Add or overwrite `tags` on every resource in `resourceIds`. */
export async function tagResources(
  client: AlibabaCloudClient,
  input: { resourceType: TagResourceType; resourceIds: string[]; tags: Record<string, string>; regionId?: string },
  opts: CallOptions = {},
): Promise<{ requestIds: string[] }> {
  const pairs = Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value }));
  const requestIds: string[] = [];
  for (const ids of chunk(input.resourceIds, 50)) {
    for (const tags of chunk(pairs, 20)) {
      const body = await client.call(
        tagResourcesSpec,
        { RegionId: input.regionId, ResourceType: input.resourceType, ResourceId: ids, Tag: tags },
        { idempotent: true, ...opts },
      );
      requestIds.push(body.RequestId);
    }
  }
  return { requestIds };
}

/** Remove the tag `keys` (or every tag with `all: true`) from the resources. Unknown keys are ignored by ECS. */
export async function untagResources(
  client: AlibabaCloudClient,
  input: { resourceType: TagResourceType; resourceIds: string[]; keys?: string[]; all?: boolean; regionId?: string },
  opts: CallOptions = {},
): Promise<{ requestIds: string[] }> {
  const keys = input.keys ?? [];
  if (keys.length === 0 && !input.all) return { requestIds: [] };
  const requestIds: string[] = [];
  for (const ids of chunk(input.resourceIds, 50)) {
    for (const k of keys.length ? chunk(keys, 20) : [[]]) {
      const body = await client.call(
        untagResourcesSpec,
        { RegionId: input.regionId, ResourceType: input.resourceType, ResourceId: ids, TagKey: k, All: k.length ? undefined : true },
        { idempotent: true, ...opts },
      );
      requestIds.push(body.RequestId);
    }
  }
  return { requestIds };
}

/** Every tag of the given resources, following NextToken through all pages. */
export async function listTagResources(
  client: AlibabaCloudClient,
  input: { resourceType: TagResourceType; resourceIds?: string[]; tags?: { Key: string; Value?: string }[]; regionId?: string },
  opts: CallOptions = {},
): Promise<TagResource[]> {
  const out: TagResource[] = [];
  const seen = new Set<string>();
  for (const ids of input.resourceIds?.length ? chunk(input.resourceIds, 50) : [undefined]) {
    let token: string | undefined;
    do {
      const body = await client.call(
        listTagResourcesSpec,
        { RegionId: input.regionId, ResourceType: input.resourceType, ResourceId: ids, Tag: input.tags, NextToken: token },
        opts,
      );
      out.push(...body.TagResources.TagResource);
      token = body.NextToken || undefined;
      // A server repeating a token would loop forever; stop with a clear error instead.
      if (token !== undefined) {
        if (seen.has(token)) throw new Error(`ECS ListTagResources returned the same NextToken twice ("${token}")`);
        seen.add(token);
      }
    } while (token);
  }
  return out;
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
