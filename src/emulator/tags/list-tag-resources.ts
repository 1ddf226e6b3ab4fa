import { apiError, type HandlerOf } from '../context.js';
import { offsetTokens, pageWindow } from '../core/paging.js';
import { tagRowListing } from './repository.js';
import { TAG_RESOURCE_TYPES, type listTagResourcesSpec } from '../../spec/ecs/tags.js';

/** Rows per ListTagResources page (the real page size is undocumented). */
export const TAG_PAGE_SIZE = 50;

/**
 * ListTagResources: tag rows of the given resources and/or of resources matching `Tag.N` (exact)
 * or `TagFilter.N` (substring, never both); at least one of the three is required. Paged with an
 * opaque NextToken that is empty on the last page.
 */
export const listTagResources: HandlerOf<typeof listTagResourcesSpec> = (ctx, input) => {
  const type = input.ResourceType;
  if (!ctx.backend.taggable(type))
    throw apiError(
      'InvalidResourceType.NotFound',
      `The specified ResourceType "${type}" is not supported; allowed: ${TAG_RESOURCE_TYPES.filter((t) => ctx.backend.taggable(t)).join(', ')}.`,
    );
  const resourceIds = input.ResourceId ?? [];
  const filter = input.Tag ?? [];
  const fuzzy = input.TagFilter ?? [];
  if (filter.length > 0 && fuzzy.length > 0) {
    throw apiError(
      'InvalidParameter',
      'The parameters Tag.N (exact tag filter) and TagFilter.N (fuzzy tag filter) cannot be used together; send one of them.',
    );
  }
  if (resourceIds.length === 0 && filter.length === 0 && fuzzy.length === 0) {
    throw apiError('MissingParameter', 'At least one of the parameters ResourceId.N, Tag.N or TagFilter.N must be supplied.');
  }
  if (filter.some((f) => f.Key === undefined && f.Value !== undefined))
    throw apiError('InvalidParameter.TagValue', 'Tag.N.Value was given without Tag.N.Key.');
  const list = tagRowListing(
    ctx.db,
    ctx.account.accountId,
    type,
    resourceIds,
    filter,
    fuzzy.map((f) => ({ key: f.TagKey, values: f.TagValues ?? [] })),
  );
  const w = pageWindow(list.total, input, { defaultSize: TAG_PAGE_SIZE, tokens: offsetTokens('tag-page-') });
  const page = list.rows(w.offset, w.limit);
  return {
    NextToken: w.nextToken,
    TagResources: { TagResource: page.map((r) => ({ ResourceId: r.resourceId, ResourceType: type, TagKey: r.key, TagValue: r.value })) },
  };
};
