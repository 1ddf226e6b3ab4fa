import { apiError, type Handler } from '../context.js';
import { IMAGE_STATUSES } from '../../spec/ecs/images.js';
import { getTags, matchesTagFilter } from '../tags/repository.js';
import { tagFilterFromInput } from '../tags/validate.js';
import { paginate, records, stringList } from '../instances/paging.js';
import { imageState } from './model.js';
import { listVisibleImages, PUBLIC_ACCOUNT, type ImageRecord } from './repository.js';
import { imageUsage, imageView } from './image-view.js';

const FILTER_KEYS = ['CreationStartTime', 'CreationEndTime', 'NetworkType', 'CpuOnlineUpgrade', 'CpuOnlineDowngrade', 'MemoryOnlineUpgrade', 'MemoryOnlineDowngrade'];

/** `Status`: comma list of statuses or ALL; default Available only (docs 3.2). */
function statusFilter(v: unknown): Set<string> {
  const list = stringList(v) ?? [];
  if (list.length === 0) return new Set(['Available']);
  if (list.includes('ALL')) {
    if (list.length > 1) throw apiError('InvalidParameter', 'Status ALL cannot be combined with other statuses.');
    return new Set(IMAGE_STATUSES);
  }
  const bad = list.filter((s) => !(IMAGE_STATUSES as readonly string[]).includes(s));
  if (bad.length > 0) throw apiError('InvalidParameter', `Status "${bad.join(',')}" is not valid; allowed: ${IMAGE_STATUSES.join(', ')} or ALL.`);
  return new Set(list);
}

function parseFilterTime(key: string, value: string): number {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value) || Number.isNaN(t)) throw apiError('InvalidParameter', `Filter ${key} must be yyyy-MM-ddTHH:mmZ (UTC); got "${value}".`);
  return t;
}

/**
 * DescribeImages: public and own images of the region, filtered, newest CreationTime first then
 * ImageId, paged (PageSize 1-100, default 10). Unknown ids give an empty list, never an error.
 */
export const describeImages: Handler = (ctx, input) => {
  if (input.Usable !== undefined && input.Status === undefined) throw apiError('InvalidParameter', 'Usable can only be given together with Status.');
  const statuses = statusFilter(input.Status);
  const now = ctx.now();
  const owner = input.ImageOwnerAlias as string | undefined;
  const ids = stringList(input.ImageId);
  const tagFilter = tagFilterFromInput(input.Tag);
  const filters = records(input.Filter);
  for (const f of filters) {
    if (f.Key !== undefined && !FILTER_KEYS.includes(String(f.Key))) throw apiError('InvalidFilterKey.NotFound', `Filter.N.Key "${String(f.Key)}" is not supported; allowed: ${FILTER_KEYS.join(', ')}.`);
  }
  const start = filters.find((f) => f.Key === 'CreationStartTime');
  const end = filters.find((f) => f.Key === 'CreationEndTime');
  const startMs = start?.Value ? parseFilterTime('CreationStartTime', String(start.Value)) : undefined;
  const endMs = end?.Value ? parseFilterTime('CreationEndTime', String(end.Value)) : undefined;
  const name = typeof input.ImageName === 'string' ? input.ImageName.toLowerCase() : undefined;

  const keep = (img: ImageRecord): boolean => {
    const system = img.accountId === PUBLIC_ACCOUNT;
    if (owner === 'system' && !system) return false;
    if (owner === 'self' && system) return false;
    if (owner === 'others' || owner === 'marketplace') return false;
    if (ids && !ids.includes(img.id)) return false;
    const state = imageState(img, now);
    if (!statuses.has(state.status)) return false;
    if (input.Usable !== undefined && state.usable !== input.Usable) return false;
    if (name !== undefined && !img.name.toLowerCase().includes(name)) return false;
    if (input.ImageFamily !== undefined && img.family !== input.ImageFamily) return false;
    if (input.Architecture !== undefined && img.architecture !== input.Architecture) return false;
    if (input.OSType !== undefined && img.osType !== input.OSType) return false;
    if (input.ResourceGroupId !== undefined && img.resourceGroupId !== input.ResourceGroupId) return false;
    if (input.SnapshotId !== undefined && !img.disks.some((d) => d.snapshotId === input.SnapshotId)) return false;
    if (input.IsPublic !== undefined && (system || img.isPublic) !== input.IsPublic) return false;
    if (input.ImageOwnerId !== undefined && (system ? 0 : img.accountId) !== Number(input.ImageOwnerId)) return false;
    if (startMs !== undefined && img.createdAt < startMs) return false;
    if (endMs !== undefined && img.createdAt > endMs) return false;
    if (input.Usage !== undefined && imageUsage(ctx, img) !== input.Usage) return false;
    if (tagFilter.length > 0 && !matchesTagFilter(getTags(ctx.db, system ? PUBLIC_ACCOUNT : img.accountId, 'image', img.id), tagFilter)) return false;
    return true;
  };
  const all = listVisibleImages(ctx.db, ctx.account.accountId, ctx.regionId).filter(keep)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = paginate(all, { PageNumber: input.PageNumber ?? 1, PageSize: input.PageSize ?? 10 });
  return {
    RegionId: ctx.regionId, TotalCount: all.length, PageNumber: page.pageNumber, PageSize: page.pageSize,
    Images: { Image: page.items.map((img) => imageView(ctx, img)) },
  };
};
