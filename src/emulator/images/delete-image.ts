import { apiError, type HandlerOf } from '../context.js';
import type { deleteImageSpec } from '../../spec/ecs/images.js';
import { setTags } from '../tags/repository.js';
import { deleteImage as removeImage } from './repository.js';
import { ownImage } from './modify-image-attribute.js';
import { isCopying } from './copy-image.js';
import { sharesOf } from './shares.js';

/**
 * DeleteImage: refused while instances use the image or it is shared with other accounts, unless
 * Force (which also ends the shares; assumed, ecs-api.md 7); a copy in progress needs CancelCopyImage.
 * The image's snapshots stay.
 */
export const deleteImage: HandlerOf<typeof deleteImageSpec> = (ctx, input) => {
  const img = ownImage(ctx, input.ImageId);
  if (isCopying(ctx, img))
    throw apiError('OperationDenied.ImageCopying', `The image "${img.id}" is still being copied; cancel the copy with CancelCopyImage.`);
  const shared = sharesOf(ctx.db, img.id);
  if (shared.length > 0 && input.Force !== true)
    throw apiError(
      'ImageUseShared',
      `The image "${img.id}" is shared with account(s) ${shared.map((s) => s.accountId).join(', ')}; remove the shares first or pass Force=true.`,
    );
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
