/**
 * What every action that makes an image (CreateImage, CopyImage, ImportImage) checks the same
 * way before it makes anything: the name is free among the account's images of the region the
 * image lands in, the resource group exists (the account's default when none is given), and the
 * tags are well-formed.
 */
import { apiError, type HandlerContext } from '../context.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import { FAIL_MARKER } from './model.js';
import { findImageByName, type ImageRecord } from './repository.js';

export function newImageBasics(
  ctx: HandlerContext,
  input: {
    name: string;
    regionId: string;
    ResourceGroupId?: string | undefined;
    Tag?: readonly { Key?: string; Value?: string }[] | undefined;
  },
  duplicateMessage: string,
): { resourceGroupId: string; tags: ReturnType<typeof tagsFromInput> } {
  if (input.name && findImageByName(ctx.db, ctx.account.accountId, input.regionId, input.name))
    throw apiError('InvalidImageName.Duplicated', duplicateMessage);
  const resourceGroupId = resolveResourceGroup(
    ctx,
    input.ResourceGroupId,
    'InvalidResourceGroup.NotFound',
    `The resource group "${input.ResourceGroupId}" given in ResourceGroupId does not exist.`,
  );
  return { resourceGroupId, tags: tagsFromInput(input.Tag) };
}

/** {@link newImageBasics} for an image made in the request's region (CreateImage, ImportImage), named `ImageName`. */
export function newImageHere(
  ctx: HandlerContext,
  input: {
    ImageName?: string | undefined;
    ResourceGroupId?: string | undefined;
    Tag?: readonly { Key?: string; Value?: string }[] | undefined;
  },
): { name: string; resourceGroupId: string; tags: ReturnType<typeof tagsFromInput> } {
  const name = input.ImageName ?? '';
  const basics = newImageBasics(
    ctx,
    { name, regionId: ctx.regionId, ResourceGroupId: input.ResourceGroupId, Tag: input.Tag },
    `The image name "${name}" is already used by another image in region ${ctx.regionId}.`,
  );
  return { name, ...basics };
}

/** What CreateImage, ImportImage and CopyImage each decide for a new custom image. */
export interface NewImageFacts {
  imageId: string;
  /** The region the image is made in (CopyImage: the destination). */
  regionId: string;
  name: string;
  description: string;
  resourceGroupId: string;
  /** ms since epoch when the request was accepted. */
  now: number;
  createSeconds: number;
}

/**
 * The fields every image an account makes starts with: owned by the caller, not public, not
 * deprecated, named after its id when unnamed, and ending in CreateFailed when its name or
 * description carries the failure marker.
 */
export function newSelfImage(
  ctx: HandlerContext,
  f: NewImageFacts,
): Pick<
  ImageRecord,
  | 'id'
  | 'accountId'
  | 'regionId'
  | 'ownerAlias'
  | 'name'
  | 'description'
  | 'deprecated'
  | 'createdAt'
  | 'createSeconds'
  | 'fail'
  | 'resourceGroupId'
  | 'isPublic'
> {
  return {
    id: f.imageId,
    accountId: ctx.account.accountId,
    regionId: f.regionId,
    ownerAlias: 'self',
    name: f.name || f.imageId,
    description: f.description,
    deprecated: false,
    createdAt: f.now,
    createSeconds: f.createSeconds,
    fail: f.name.includes(FAIL_MARKER) || f.description.includes(FAIL_MARKER),
    resourceGroupId: f.resourceGroupId,
    isPublic: false,
  };
}
