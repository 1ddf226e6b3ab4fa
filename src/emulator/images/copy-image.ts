import { newImageBasics, newSelfImage } from './new-image.js';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import { withClientToken } from '../db/client-tokens.js';
import type { cancelCopyImageSpec, copyImageSpec } from '../../spec/ecs/image-copy.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import { setTags } from '../tags/repository.js';
import { imageState } from './model.js';
import { deleteImage, getCustomImage, getPublicImage, getSharedImage, insertImage, type ImageRecord } from './repository.js';

/** Seconds a copy of `sizeGiB` takes (settings.imageCopySecondsPerGiB per GiB, at least 0.1 s). */
export function copySeconds(ctx: HandlerContext, sizeGiB: number): number {
  return Math.max(0.1, (ctx.settings.imageCopySecondsPerGiB ?? 0.25) * sizeGiB);
}

/** The source of a copy in the request's region: an own custom image, or one shared with the account. */
function copySource(ctx: HandlerContext, id: string, destination: string): ImageRecord {
  const own = getCustomImage(ctx.db, ctx.account.accountId, ctx.regionId, id);
  const shared = own ? undefined : getSharedImage(ctx.db, ctx.account.accountId, ctx.regionId, id);
  const img = own ?? shared;
  if (!img) {
    if (getPublicImage(ctx.db, id))
      throw apiError('OperationDenied.SystemImage', `The image "${id}" is a public image; only custom images can be copied.`);
    throw apiError('InvalidImageId.NotFound', `The image "${id}" does not exist in region ${ctx.regionId}.`);
  }
  if (shared && destination !== ctx.regionId)
    throw apiError(
      'OperationDenied.SameRegionOnly',
      `The image "${id}" is shared with you; it can only be copied within ${ctx.regionId}, not to ${destination}.`,
    );
  const status = imageState(img, ctx.now()).status;
  if (status !== 'Available')
    throw apiError('IncorrectImageStatus', `The image not available: "${id}" is ${status}; only an Available image can be copied.`);
  return img;
}

/**
 * CopyImage (in the SOURCE region): the copy appears at once in DestinationRegionId as Waiting,
 * then Creating with Progress rising, then Available, over a time proportional to the source's size
 * (settings.imageCopySecondsPerGiB), each disk with its own new snapshot in the destination region.
 * A ClientToken makes a retry return the first copy. The source is unchanged.
 */
export const copyImage: HandlerOf<typeof copyImageSpec> = (ctx, input) =>
  withClientToken(ctx, 'CopyImage', input.ClientToken, input, () => copy(ctx, input));

function copy(ctx: HandlerContext, input: InputOf<typeof copyImageSpec>): { ImageId: string } {
  const destination = input.DestinationRegionId ?? ctx.regionId;
  if (!ctx.backend.regionExists(ctx.db, destination))
    throw apiError(
      'DestinationRegion.NotFound',
      `The destination region "${destination}" does not exist; call DescribeRegions for the known regions.`,
    );
  const source = copySource(ctx, input.ImageId, destination);
  const name = input.DestinationImageName ?? '';
  const { resourceGroupId, tags } = newImageBasics(
    ctx,
    { name, regionId: destination, ResourceGroupId: input.ResourceGroupId, Tag: input.Tag },
    `The destination image is exist: the name "${name}" is already used in region ${destination}.`,
  );
  if (input.DryRun === true) throw apiError('DryRunOperation');

  const now = ctx.now().getTime();
  const createSeconds = copySeconds(ctx, source.sizeGiB);
  const imageId = ctx.newId('m-');
  const description = input.DestinationDescription ?? '';
  const base = newSelfImage(ctx, { imageId, regionId: destination, name, description, resourceGroupId, now, createSeconds });
  const snapshots = ctx.backend.need('snapshots');
  ctx.db.transaction(() => {
    const disks = source.disks.map((d) => {
      const id = ctx.newId('s-');
      snapshots.insert(ctx.db, {
        id,
        accountId: ctx.account.accountId,
        regionId: destination,
        name: `copy-${imageId}-${d.type}`,
        description: `Copied for image ${imageId} from ${d.snapshotId || source.id} in ${ctx.regionId}`,
        sourceDiskId: '',
        sourceDiskSizeGiB: d.sizeGiB,
        sourceDiskType: d.type,
        sourceStorageType: 'cloud_essd',
        instanceId: '',
        createdAt: now,
        readyAt: now + createSeconds * 1000,
        resourceGroupId,
        snapshotType: 'user',
        category: 'standard',
        encrypted: input.Encrypted === true,
        retentionDays: 0,
      });
      return { ...d, snapshotId: id };
    });
    insertImage(ctx.db, {
      ...source,
      ...base,
      fail: source.fail || base.fail,
      disks,
      copiedFrom: source.id,
      encrypted: input.Encrypted === true || (input.Encrypted === undefined && source.encrypted === true),
      kmsKeyId: input.KMSKeyId ?? '',
    });
    if (tags.length > 0) setTags(ctx.db, ctx.account.accountId, 'image', imageId, tags);
  })();
  return { ImageId: imageId };
}

/** True while a copy is still being made (DeleteImage refuses it; CancelCopyImage accepts it). */
export function isCopying(ctx: HandlerContext, img: ImageRecord): boolean {
  if (!img.copiedFrom) return false;
  const status = imageState(img, ctx.now()).status;
  return status === 'Waiting' || status === 'Creating';
}

/** CancelCopyImage (in the DESTINATION region): removes a copy in progress with its snapshots and tags. */
export const cancelCopyImage: HandlerOf<typeof cancelCopyImageSpec> = (ctx, input) => {
  const img = getCustomImage(ctx.db, ctx.account.accountId, ctx.regionId, input.ImageId);
  if (!img) throw apiError('InvalidImageId.NotFound', `The image "${input.ImageId}" does not exist in region ${ctx.regionId}.`);
  if (!img.copiedFrom)
    throw apiError('ImageCreatedNotFromCopy', `The image "${img.id}" was not made by CopyImage; delete it with DeleteImage.`);
  if (!isCopying(ctx, img)) {
    const status = imageState(img, ctx.now()).status;
    throw apiError(
      'IncorrectImageStatus',
      status === 'CreateFailed'
        ? `The copy "${img.id}" failed; delete it with DeleteImage.`
        : `The copy "${img.id}" is completed (${status}); delete it with DeleteImage.`,
    );
  }
  const snapshots = ctx.backend.need('snapshots');
  ctx.db.transaction(() => {
    deleteImage(ctx.db, img.id);
    for (const d of img.disks) if (d.snapshotId) snapshots.remove(ctx.db, d.snapshotId);
    setTags(ctx.db, ctx.account.accountId, 'image', img.id, []);
  })();
  return {};
};
