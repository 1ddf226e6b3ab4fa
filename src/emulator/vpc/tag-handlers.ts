/**
 * Handlers of the VPC product's TagResources, UnTagResources, ListTagResources and
 * MoveResourceGroup for VPCs and vSwitches. Tags go to the shared tags table under the
 * resource types `VPC` / `VSWITCH`; resources are looked up in the caller's account and
 * region only, so another account's ids are simply not found.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import {
  VPC_MOVE_RESOURCE_TYPES,
  VPC_TAG_RESOURCE_TYPES,
  type listTagResourcesVpcSpec,
  type moveResourceGroupVpcSpec,
  type tagResourcesVpcSpec,
  type unTagResourcesVpcSpec,
} from '../../spec/vpc/tags.js';
import { ids } from '../core/input.js';
import { offsetTokens, paginate } from '../core/paging.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { getTags, listTagRows, MAX_TAGS_PER_RESOURCE, removeTags, upsertTags } from '../tags/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import * as repo from './repository.js';

type TagType = (typeof VPC_TAG_RESOURCE_TYPES)[number];

/** The wire ResourceType, case-insensitive, as one of the served tag types. */
function tagType(raw: string): TagType {
  const t = VPC_TAG_RESOURCE_TYPES.find((x) => x === raw.toUpperCase());
  if (!t)
    throw apiError(
      'InvalidResourceType.NotFound',
      `The specified ResourceType "${raw}" is not supported; allowed: ${VPC_TAG_RESOURCE_TYPES.join(', ')} (case-insensitive).`,
    );
  return t;
}

function exists(ctx: HandlerContext, type: TagType, id: string): boolean {
  const { db, account, regionId } = ctx;
  return type === 'VPC'
    ? repo.findVpc(db, account.accountId, regionId, id) !== undefined
    : repo.findVSwitch(db, account.accountId, regionId, id) !== undefined;
}

/** Every id must name a resource of this type in the caller's account and region. */
function checkIds(ctx: HandlerContext, type: TagType, ids: readonly string[]): void {
  const missing = ids.filter((id) => !exists(ctx, type, id));
  if (missing.length > 0)
    throw apiError(
      'InvalidResourceId.NotFound',
      `The specified ResourceId ${missing.join(', ')} of type ${type} does not exist in region ${ctx.regionId}.`,
    );
}

/** TagResources: add or overwrite tags on up to 50 VPCs or vSwitches; at most 20 tags per resource. */
export const tagResources: HandlerOf<typeof tagResourcesVpcSpec> = (ctx, input) => {
  const type = tagType(input.ResourceType);
  const resourceIds = ids(input.ResourceId);
  const tags = tagsFromInput(input.Tag);
  checkIds(ctx, type, resourceIds);
  for (const id of resourceIds) {
    const current = getTags(ctx.db, ctx.account.accountId, type, id);
    const total = current.length + tags.filter((t) => !current.some((c) => c.key === t.key)).length;
    if (total > MAX_TAGS_PER_RESOURCE)
      throw apiError(
        'OperationDenied.QuotaExceed',
        `Resource ${id} would carry ${total} tags; at most ${MAX_TAGS_PER_RESOURCE} are allowed.`,
      );
  }
  for (const id of resourceIds) upsertTags(ctx.db, ctx.account.accountId, type, id, tags);
  return {};
};

/** UnTagResources: remove the named keys (unknown keys are ignored) or, with All=true and no keys, every tag. */
export const unTagResources: HandlerOf<typeof unTagResourcesVpcSpec> = (ctx, input) => {
  const type = tagType(input.ResourceType);
  const resourceIds = ids(input.ResourceId);
  const keys = ids(input.TagKey);
  checkIds(ctx, type, resourceIds);
  if (keys.length === 0 && input.All !== true) return {};
  for (const id of resourceIds) removeTags(ctx.db, ctx.account.accountId, type, id, keys.length > 0 ? keys : 'all');
  return {};
};

/**
 * ListTagResources: the tag rows of the given resources and/or of the resources carrying every
 * `Tag.N` (a key alone matches any value); MaxResults per page (default 50) and an opaque NextToken.
 */
export const listTagResources: HandlerOf<typeof listTagResourcesVpcSpec> = (ctx, input) => {
  const type = tagType(input.ResourceType);
  const resourceIds = ids(input.ResourceId);
  const filter = input.Tag ?? [];
  if (resourceIds.length === 0 && filter.length === 0)
    throw apiError('MissingParameter', 'Specify ResourceId.N or Tag.N (or both) to choose the resources whose tags are listed.');
  if (filter.some((f) => f.Key === undefined || f.Key === ''))
    throw apiError('InvalidParameter.TagValue', 'Tag.N.Value was given without Tag.N.Key; every Tag.N needs a Key.');
  const live = (id: string) => (resourceIds.length === 0 ? exists(ctx, type, id) : resourceIds.includes(id));
  const rows = listTagRows(ctx.db, ctx.account.accountId, type).filter((r) => live(r.resourceId));
  const matching = new Set(
    [...new Set(rows.map((r) => r.resourceId))].filter((id) =>
      filter.every((f) =>
        rows.some((r) => r.resourceId === id && r.key === f.Key && (f.Value === undefined || f.Value === '' || r.value === f.Value)),
      ),
    ),
  );
  const selected = rows.filter((r) => matching.has(r.resourceId));
  const page = paginate(selected, input, { defaultSize: 50, tokens: offsetTokens('vpc-tag-page-') });
  return {
    NextToken: page.nextToken,
    TagResources: {
      TagResource: page.items.map((r) => ({ ResourceId: r.resourceId, ResourceType: type, TagKey: r.key, TagValue: r.value })),
    },
  };
};

/** MoveResourceGroup: move a VPC of the caller's account to another of its resource groups. */
export const moveResourceGroup: HandlerOf<typeof moveResourceGroupVpcSpec> = (ctx, input) => {
  const rawType = input.ResourceType;
  if (!VPC_MOVE_RESOURCE_TYPES.some((t) => t.toLowerCase() === rawType.toLowerCase())) {
    throw apiError(
      'IllegalParam.ResourceType',
      `The specified ResourceType "${rawType}" is not supported by this emulator; allowed: ${VPC_MOVE_RESOURCE_TYPES.join(', ')} (case-insensitive).`,
    );
  }
  const id = input.ResourceId;
  const vpc = repo.findVpc(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!vpc)
    throw apiError(
      'InvalidResourceId.NotFound',
      `The specified ResourceId "${id}" is not a VPC of this account in region ${ctx.regionId}.`,
    );
  vpc.resourceGroupId = resolveResourceGroup(ctx, input.NewResourceGroupId, 'InvalidResourceGroupId');
  repo.updateVpc(ctx.db, vpc);
  return {};
};
