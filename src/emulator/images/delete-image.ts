import { apiError, type HandlerOf } from '../context.js';
import type { deleteImageSpec } from '../../spec/ecs/images.js';
import { setTags } from '../tags/repository.js';
import { deleteImage as removeImage } from './repository.js';
import { ownImage } from './modify-image-attribute.js';

/** DeleteImage: refused while instances use the image unless Force; the image's snapshots stay. */
export const deleteImage: HandlerOf<typeof deleteImageSpec> = (ctx, input) => {
  const img = ownImage(ctx, input.ImageId);
  const users = ctx.backend.queries.instances?.usingImage(ctx.db, ctx.account.accountId, img.id) ?? [];
  if (users.length > 0 && input.Force !== true) {
    throw apiError(
      'ImageUsingByInstance',
      `The image "${img.id}" is used by instance(s) ${users.join(', ')}; pass Force=true to delete it anyway.`,
    );
  }
  if (input.DryRun === true) throw apiError('DryRunOperation');
  removeImage(ctx.db, img.id);
  setTags(ctx.db, ctx.account.accountId, 'image', img.id, []);
  return {};
};
