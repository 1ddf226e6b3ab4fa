import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import { TAG_RESOURCE_TYPES, type tagResourcesSpec, type untagResourcesSpec } from '../../spec/ecs/tags.js';
import { getTags, MAX_TAGS_PER_RESOURCE, removeTags, upsertTags } from './repository.js';
import { tagsFromInput } from './validate.js';

/** The resource type checked against the served families' taggable types, and every resource id checked to exist. */
export function checkResources(ctx: HandlerContext, resourceType: string, ids: readonly string[]): void {
  const exists = ctx.backend.taggable(resourceType);
  if (!exists) {
    throw apiError(
      'InvalidResourceType.NotFound',
      `The specified ResourceType "${resourceType}" is not supported; allowed: ${TAG_RESOURCE_TYPES.filter((t) => ctx.backend.taggable(t)).join(', ')}.`,
    );
  }
  const missing = ids.filter((id) => !exists(ctx.db, ctx.account.accountId, ctx.regionId, id));
  if (missing.length > 0)
    throw apiError(
      'InvalidResourceId.NotFound',
      `The specified ResourceId ${missing.join(', ')} of type ${resourceType} does not exist in region ${ctx.regionId}.`,
    );
}

/** TagResources: upsert tags on up to 50 resources; a resource may carry at most 20 tags. */
export const tagResources: HandlerOf<typeof tagResourcesSpec> = (ctx, input) => {
  const type = input.ResourceType;
  const resourceIds = input.ResourceId ?? []; // required by the table; InputOf does not see it through resourceIdsParam(true)
  const tags = tagsFromInput(input.Tag);
  checkResources(ctx, type, resourceIds);
  for (const id of resourceIds) {
    const current = getTags(ctx.db, ctx.account.accountId, type, id);
    const added = tags.filter((t) => !current.some((c) => c.key === t.key)).length;
    if (current.length + added > MAX_TAGS_PER_RESOURCE) {
      throw apiError(
        'OperationDenied.QuotaExceed',
        `Resource ${id} would carry ${current.length + added} tags; at most ${MAX_TAGS_PER_RESOURCE} are allowed.`,
      );
    }
  }
  for (const id of resourceIds) upsertTags(ctx.db, ctx.account.accountId, type, id, tags);
  return {};
};

/** UntagResources: remove the named keys (unknown keys ignored) or, with All=true, every tag. */
export const untagResources: HandlerOf<typeof untagResourcesSpec> = (ctx, input) => {
  const type = input.ResourceType;
  const resourceIds = input.ResourceId ?? []; // required by the table; InputOf does not see it through resourceIdsParam(true)
  const keys = input.TagKey ?? [];
  checkResources(ctx, type, resourceIds);
  if (keys.length === 0 && input.All !== true) return {};
  for (const id of resourceIds) removeTags(ctx.db, ctx.account.accountId, type, id, keys.length > 0 ? keys : 'all');
  return {};
};
