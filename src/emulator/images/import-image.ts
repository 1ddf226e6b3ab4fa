import { newImageHere, newSelfImage } from './new-image.js';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import { withClientToken } from '../db/client-tokens.js';
import type { importImageSpec } from '../../spec/ecs/image-transfer.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import { setTags } from '../tags/repository.js';
import { osNames } from './model.js';
import { insertImage, type ImageDiskMapping } from './repository.js';
import { checkBucket } from './oss-source.js';
import { insertTask } from './tasks.js';

/**
 * ImportImage: every mapping must name an existing object in a bucket of the account in the
 * request's region (api-wave2.md §1.4). The image exists at once, Waiting then Creating with
 * rising Progress over settings.imageCreateSeconds, then Available; its ImportImage task
 * finishes with it. DescribeImages reports each disk's Format, ImportOSSBucket and ImportOSSObject.
 */
export const importImage: HandlerOf<typeof importImageSpec> = (ctx, input) =>
  withClientToken(ctx, 'ImportImage', input.ClientToken, input, () => importNow(ctx, input));

function importNow(ctx: HandlerContext, input: InputOf<typeof importImageSpec>): { RegionId: string; ImageId: string; TaskId: string } {
  const disks: ImageDiskMapping[] = input.DiskDeviceMapping.map((m, i) => {
    const n = i + 1;
    if (!m.OSSBucket)
      throw apiError('MissingParameter', `DiskDeviceMapping.${n}.OSSBucket is required: the bucket holding the disk image.`);
    if (!m.OSSObject) throw apiError('MissingParameter', `DiskDeviceMapping.${n}.OSSObject is required: the object key of the disk image.`);
    checkBucket(ctx, m.OSSBucket, `DiskDeviceMapping.${n}.OSSBucket`);
    if (ctx.backend.need('oss').objectSize(ctx.db, m.OSSBucket, m.OSSObject) === undefined) {
      throw apiError(
        'InvalidOSSObject.NotFound',
        `The object "${m.OSSObject}" does not exist in OSS bucket "${m.OSSBucket}" (DiskDeviceMapping.${n}.OSSObject).`,
      );
    }
    return {
      device: m.Device || (i === 0 ? '/dev/xvda' : `/dev/xvd${String.fromCharCode(98 + i - 1)}`),
      type: i === 0 ? 'system' : 'data',
      snapshotId: '',
      sizeGiB: m.DiskImageSize ?? m.DiskImSize ?? 5,
      format: m.Format ?? '',
      importOssBucket: m.OSSBucket,
      importOssObject: m.OSSObject,
    };
  });
  const osType = input.OSType ?? 'linux';
  if (input.LicenseType === 'BYOL' && osType !== 'windows') {
    throw apiError('InvalidLicenseType.NotSupported', 'LicenseType BYOL applies to Windows images only (OSType windows).');
  }
  if (input.Architecture === 'arm64' && input.BootMode === 'BIOS') {
    throw apiError('InvalidBootMode.ValueNotSupported', 'arm64 images boot with UEFI only; BootMode BIOS is not supported for them.');
  }
  const { name, resourceGroupId, tags } = newImageHere(ctx, input);
  if (input.DryRun === true) throw apiError('DryRunOperation');

  const architecture = input.Architecture ?? 'x86_64';
  const platform = input.Platform ?? (osType === 'windows' ? 'Other Windows' : 'Others Linux');
  const os = osNames(platform, architecture);
  const description = input.Description ?? '';
  const now = ctx.now().getTime();
  const createSeconds = ctx.settings.imageCreateSeconds;
  const imageId = ctx.newId('m-');
  const taskId = ctx.newId('t-');
  const base = newSelfImage(ctx, { imageId, regionId: ctx.regionId, name, description, resourceGroupId, now, createSeconds });
  insertImage(ctx.db, {
    ...base,
    family: '',
    version: '',
    platform,
    ...os,
    osType,
    architecture,
    bootMode: input.BootMode ?? (architecture === 'arm64' ? 'UEFI' : 'BIOS'),
    sizeGiB: disks[0]!.sizeGiB,
    licenseType: input.LicenseType ?? 'Auto',
    nvmeSupport: 'unsupported',
    imdsSupport: 'v1',
    detectionStrategy: '',
    secureBoot: '',
    productCode: '',
    sourceInstanceId: '',
    disks,
  });
  insertTask(ctx.db, {
    id: taskId,
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    action: 'ImportImage',
    resourceId: imageId,
    createdAt: now,
    finishAt: now + createSeconds * 1000,
    fail: base.fail,
  });
  if (tags.length > 0) setTags(ctx.db, ctx.account.accountId, 'image', imageId, tags);
  return { RegionId: ctx.regionId, ImageId: imageId, TaskId: taskId };
}
