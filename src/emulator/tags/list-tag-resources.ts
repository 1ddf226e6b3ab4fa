import { apiError, type Handler } from '../context.js';
import { listTagRows, taggable } from './repository.js';
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
  let rows = listTagRows(ctx.db, ctx.account.accountId, type);
  if (resourceIds.length > 0) rows = rows.filter((r) => resourceIds.includes(r.resourceId));
  if (filter.length > 0) {
    const matching = new Set(rows.map((r) => r.resourceId).filter((id) => filter.every((f) =>
      rows.some((r) => r.resourceId === id && r.key === f.Key && (f.Value === undefined || f.Value === '' || r.value === f.Value)))));
    rows = rows.filter((r) => matching.has(r.resourceId));
  }
  let start = 0;
  if (typeof input.NextToken === 'string' && input.NextToken !== '') {
    const m = /^tag-page-(\d+)$/.exec(input.NextToken);
    if (!m || Number(m[1]) > rows.length) throw apiError('InvalidNextToken', `The NextToken "${input.NextToken}" is not valid; pass the NextToken of the previous page.`);
    start = Number(m[1]);
  }
  const page = rows.slice(start, start + TAG_PAGE_SIZE);
  const next = start + TAG_PAGE_SIZE < rows.length ? `tag-page-${start + TAG_PAGE_SIZE}` : '';
  return {
    NextToken: next,
    TagResources: { TagResource: page.map((r) => ({ ResourceId: r.resourceId, ResourceType: type, TagKey: r.key, TagValue: r.value })) },
  };
};
