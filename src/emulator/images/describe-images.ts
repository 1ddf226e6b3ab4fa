import { apiError, type HandlerOf } from '../context.js';
import { IMAGE_STATUSES, type describeImagesSpec } from '../../spec/ecs/images.js';
import { getTagsOfMany } from '../tags/repository.js';
import { queryImageIds } from './image-query.js';
import { imagesByIds } from './repository.js';
import { imageView } from './image-view.js';
import { bootableBy } from './instance-type-fit.js';

const FILTER_KEYS = [
  'CreationStartTime',
  'CreationEndTime',
  'NetworkType',
  'CpuOnlineUpgrade',
  'CpuOnlineDowngrade',
  'MemoryOnlineUpgrade',
  'MemoryOnlineDowngrade',
];

/** `Status`: comma list of statuses or ALL; default Available only (ecs-api.md 3.2). */
function statusFilter(list: readonly string[]): Set<string> {
  if (list.length === 0) return new Set(['Available']);
  if (list.includes('ALL')) {
    if (list.length > 1) throw apiError('InvalidParameter', 'Status ALL cannot be combined with other statuses.');
    return new Set(IMAGE_STATUSES);
  }
  const bad = list.filter((s) => !(IMAGE_STATUSES as readonly string[]).includes(s));
  if (bad.length > 0)
    throw apiError('InvalidParameter', `Status "${bad.join(',')}" is not valid; allowed: ${IMAGE_STATUSES.join(', ')} or ALL.`);
  return new Set(list);
}

function parseFilterTime(key: string, value: string): number {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value) || Number.isNaN(t))
    throw apiError('InvalidParameter', `Filter ${key} must be yyyy-MM-ddTHH:mmZ (UTC); got "${value}".`);
  return t;
}

/**
 * DescribeImages: public and own images of the region, filtered, newest CreationTime first then
 * ImageId, paged (PageSize 1-100, default 10). Unknown ids give an empty list, never an error.
 */
export const describeImages: HandlerOf<typeof describeImagesSpec> = (ctx, input) => {
  if (input.Usable !== undefined && input.Status === undefined)
    throw apiError('InvalidParameter', 'Usable can only be given together with Status.');
  const statuses = statusFilter(input.Status ?? []);
  const now = ctx.now();
  const filters = input.Filter ?? [];
  for (const f of filters) {
    if (f.Key !== undefined && !FILTER_KEYS.includes(f.Key))
      throw apiError('InvalidFilterKey.NotFound', `Filter.N.Key "${f.Key}" is not supported; allowed: ${FILTER_KEYS.join(', ')}.`);
  }
  const start = filters.find((f) => f.Key === 'CreationStartTime');
  const end = filters.find((f) => f.Key === 'CreationEndTime');
  const startMs = start?.Value ? parseFilterTime('CreationStartTime', start.Value) : undefined;
  const endMs = end?.Value ? parseFilterTime('CreationEndTime', end.Value) : undefined;
  const fit = input.InstanceType ? bootableBy(input.InstanceType) : undefined;
  if (input.DryRun === true) throw apiError('DryRunOperation');
  const pageNumber = input.PageNumber ?? 1;
  const pageSize = input.PageSize ?? 10;
  const inUse = ctx.backend.queries.instances?.imageIdsInUse(ctx.db, ctx.account.accountId) ?? [];
  const { total, ids: pageIds } = queryImageIds(
    ctx.db,
    {
      accountId: ctx.account.accountId,
      regionId: ctx.regionId,
      now: now.getTime(),
      ownerAlias: input.ImageOwnerAlias,
      ids: input.ImageId,
      statuses,
      usable: input.Usable,
      usableLagMs: (ctx.settings.imageUsableLagSeconds ?? 0) * 1000,
      nameContains: input.ImageName?.toLowerCase(),
      family: input.ImageFamily,
      architecture: input.Architecture,
      osType: input.OSType,
      resourceGroupId: input.ResourceGroupId,
      snapshotId: input.SnapshotId,
      ...(fit ? { bootableBy: fit } : {}),
      noneSupported: input.IsSupportIoOptimized === false || input.IsSupportCloudinit === false,
      isPublic: input.IsPublic,
      ownerId: input.ImageOwnerId,
      createdFrom: startMs,
      createdTo: endMs,
      usage: input.Usage === undefined ? undefined : { value: input.Usage, inUse },
      tags: (input.Tag ?? []).flatMap((f) => (f.Key === undefined ? [] : [{ key: f.Key, value: f.Value }])),
    },
    (pageNumber - 1) * pageSize,
    pageSize,
  );
  const page = imagesByIds(ctx.db, pageIds);
  const tags = getTagsOfMany(
    ctx.db,
    'image',
    page.map((img) => ({ accountId: img.accountId, resourceId: img.id })),
  );
  const used = new Set(inUse);
  return {
    RegionId: ctx.regionId,
    TotalCount: total,
    PageNumber: pageNumber,
    PageSize: pageSize,
    Images: {
      Image: page.map((img) => imageView(ctx, img, { tags: tags.get(`${img.accountId}/${img.id}`) ?? [], inUse: used.has(img.id) })),
    },
  };
};
