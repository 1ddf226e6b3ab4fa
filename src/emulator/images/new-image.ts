/**
 * What every action that makes an image (CreateImage, CopyImage, ImportImage) checks the same
 * way before it makes anything: the name is free among the account's images of the region the
 * image lands in, the resource group exists (the account's default when none is given), and the
 * tags are well-formed.
 */
import { apiError, type HandlerContext } from '../context.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import { findImageByName } from './repository.js';

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
