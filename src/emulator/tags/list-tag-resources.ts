import { apiError, type Handler } from '../context.js';
import { tagRowListing, taggable } from './repository.js';
import { TAG_RESOURCE_TYPES } from '../../spec/ecs/tags.js';

/** Rows per ListTagResources page (the real page size is undocumented). */
export const TAG_PAGE_SIZE = 50;

/**
 * ListTagResources: tag rows of the given resources and/or matching `Tag.N`; paged with an
 * opaque NextToken that is empty on the last page.
 */
export const listTagResources: Handler = (ctx, input) => {
  const type = String(input.ResourceType);
  if (!taggable(type)) throw apiError('InvalidResourceType.NotFound', `The specified ResourceType "${type}" is not supported; allowed: ${TAG_RESOURCE_TYPES.filter((t) => taggable(t)).join(', ')}.`);
  const resourceIds = Array.isArray(input.ResourceId) ? input.ResourceId.map(String) : [];
  const filter = (Array.isArray(input.Tag) ? input.Tag : []) as Record<string, unknown>[];
  if (filter.some((f) => f.Key === undefined && f.Value !== undefined)) throw apiError('InvalidParameter.TagValue', 'Tag.N.Value was given without Tag.N.Key.');
  const list = tagRowListing(ctx.db, ctx.account.accountId, type, resourceIds, filter.map((f) => ({
    Key: f.Key === undefined ? undefined : String(f.Key), Value: f.Value === undefined ? undefined : String(f.Value) })));
  let start = 0;
  if (typeof input.NextToken === 'string' && input.NextToken !== '') {
    const m = /^tag-page-(\d+)$/.exec(input.NextToken);
    if (!m || Number(m[1]) > list.total) throw apiError('InvalidNextToken', `The NextToken "${input.NextToken}" is not valid; pass the NextToken of the previous page.`);
    start = Number(m[1]);
  }
  const page = list.rows(start, TAG_PAGE_SIZE);
  const next = start + TAG_PAGE_SIZE < list.total ? `tag-page-${start + TAG_PAGE_SIZE}` : '';
  return {
    NextToken: next,
    TagResources: { TagResource: page.map((r) => ({ ResourceId: r.resourceId, ResourceType: type, TagKey: r.key, TagValue: r.value })) },
  };
};
