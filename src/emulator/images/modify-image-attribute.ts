import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { modifyImageAttributeSpec } from '../../spec/ecs/images.js';
import { imageState } from './model.js';
import { findImageByName, getCustomImage, getPublicImage, updateImage, type ImageRecord } from './repository.js';

/** The caller's own custom image, or the right error for public and unknown ids. */
export function ownImage(ctx: HandlerContext, id: string): ImageRecord {
  const img = getCustomImage(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (img) return img;
  if (getPublicImage(ctx.db, id))
    throw apiError(
      'OperationDenied.SystemImage',
      `The image "${id}" is a public system image; only custom images can be changed or deleted.`,
    );
  throw apiError('InvalidImageId.NotFound', `The image "${id}" does not exist in region ${ctx.regionId}.`);
}

/** ModifyImageAttribute: absent or empty fields keep their value; Status toggles Deprecated/Available. */
export const modifyImageAttribute: HandlerOf<typeof modifyImageAttributeSpec> = (ctx, input) => {
  const img = ownImage(ctx, input.ImageId);
  const name = input.ImageName;
  if (name && name !== img.name) {
    const other = findImageByName(ctx.db, ctx.account.accountId, ctx.regionId, name);
    if (other && other !== img.id)
      throw apiError('InvalidImageName.Duplicated', `The image name "${name}" is already used by image ${other}.`);
  }
  const features = input.Features ?? {};
  const imds = features.ImdsSupport;
  if (imds === 'v1' && img.imdsSupport === 'v2') throw apiError('InvalidParameter', 'Features.ImdsSupport cannot go back from v2 to v1.');
  const status = input.Status;
  let deprecated: boolean | undefined;
  if (status) {
    const current = imageState(img, ctx.now()).status;
    if (current !== 'Available' && current !== 'Deprecated')
      throw apiError('IncorrectImageStatus', `The image "${img.id}" is ${current}; only Available or Deprecated images can change Status.`);
    deprecated = status === 'Deprecated';
  }
  if (input.DryRun === true) throw apiError('DryRunOperation');
  updateImage(ctx.db, img.id, {
    name,
    description: input.Description,
    family: input.ImageFamily,
    bootMode: input.BootMode,
    deprecated,
    licenseType: input.LicenseType,
    nvmeSupport: features.NvmeSupport,
    imdsSupport: imds,
  });
  return {};
};
