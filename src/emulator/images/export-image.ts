import { apiError, type HandlerOf } from '../context.js';
import type { exportImageSpec } from '../../spec/ecs/image-transfer.js';
import { imageState } from './model.js';
import { getCustomImage, getPublicImage } from './repository.js';
import { checkBucket } from './oss-source.js';
import { insertTask, runningTask } from './tasks.js';

/** The object ExportImage writes: `<OSSPrefix>_<ImageId>_system.<format>.tar.gz` (the Go provider deletes exactly the raw one). */
export function exportObjectKey(prefix: string, imageId: string, format: string): string {
  return `${prefix}_${imageId}_system.${format}.tar.gz`;
}

/**
 * ExportImage: an Available custom image of the account goes to a bucket of the account in the
 * request's region (api-wave2.md §1.5). The object is written at once (a small manifest stands
 * for the disk bytes); the ExportImage task reports Processing for half of
 * settings.imageCreateSeconds, then Finished. The image itself is unchanged.
 */
export const exportImage: HandlerOf<typeof exportImageSpec> = (ctx, input) => {
  const img = getCustomImage(ctx.db, ctx.account.accountId, ctx.regionId, input.ImageId);
  if (!img) {
    if (getPublicImage(ctx.db, input.ImageId)) {
      throw apiError('ImageNotSupported', `The image "${input.ImageId}" is a public image; only custom images can be exported.`);
    }
    throw apiError('InvalidImageId.NotFound', `The image "${input.ImageId}" does not exist in region ${ctx.regionId}.`);
  }
  const status = imageState(img, ctx.now()).status;
  if (status !== 'Available') {
    throw apiError('IncorrectImageStatus', `The image "${img.id}" is ${status}; only an Available image can be exported.`);
  }
  checkBucket(ctx, input.OSSBucket, 'OSSBucket');
  if (runningTask(ctx, 'ExportImage', img.id)) throw apiError('ImageIsExporting', `The image "${img.id}" is already being exported.`);
  if (input.DryRun === true) throw apiError('DryRunOperation');
  const format = input.ImageFormat ?? 'raw';
  const key = exportObjectKey(input.OSSPrefix ?? '', img.id, format);
  const manifest = [
    'alicloud-image emulator: exported image',
    `image: ${img.id}`,
    `name: ${img.name}`,
    `format: ${format}`,
    `size-gib: ${img.sizeGiB}`,
    `disks: ${img.disks.length}`,
    '',
  ].join('\n');
  ctx.backend.need('oss').putObject(ctx.db, input.OSSBucket, key, Buffer.from(manifest, 'utf8'), 'application/x-gzip', ctx.now());
  const taskId = ctx.newId('t-');
  const now = ctx.now().getTime();
  insertTask(ctx.db, {
    id: taskId,
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    action: 'ExportImage',
    resourceId: img.id,
    createdAt: now,
    finishAt: now + (ctx.settings.imageCreateSeconds * 1000) / 2,
    fail: false,
  });
  return { RegionId: ctx.regionId, TaskId: taskId };
};
