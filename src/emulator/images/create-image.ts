import { newImageHere, newSelfImage } from './new-image.js';
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import { withClientToken } from '../db/client-tokens.js';
import type { createImageSpec } from '../../spec/ecs/images.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import { setTags } from '../tags/repository.js';
import { osNames } from './model.js';
import { findImageAnyOwner, insertImage, type ImageDiskMapping, type ImageRecord } from './repository.js';
import { mappingFromSnapshot, mappingsFromInput, sourceInstance } from './image-sources.js';

/**
 * CreateImage: from an instance (one new snapshot per disk), from DiskDeviceMapping, or from one
 * system-disk snapshot, in that precedence. Returns at once; the image then goes
 * Waiting -> Creating -> Available over settings.imageCreateSeconds (see model.ts).
 */
export const createImage: HandlerOf<typeof createImageSpec> = (ctx, input) =>
  withClientToken(ctx, 'CreateImage', input.ClientToken, input, () => create(ctx, input));

function create(ctx: HandlerContext, input: InputOf<typeof createImageSpec>): { ImageId: string } {
  const mappingInput = input.DiskDeviceMapping ?? [];
  const { InstanceId: instanceId, SnapshotId: snapshotId } = input;
  if (!instanceId && mappingInput.length === 0 && !snapshotId) {
    throw apiError('MissingParameter', 'One of InstanceId, DiskDeviceMapping or SnapshotId must be given to create an image.');
  }
  const { name, resourceGroupId, tags } = newImageHere(ctx, input);
  const now = ctx.now().getTime();
  const createSeconds = ctx.settings.imageCreateSeconds;

  let disks: ImageDiskMapping[];
  let inherited: ImageRecord | undefined;
  let fromInstance: ReturnType<typeof sourceInstance> | undefined;
  const newSnapshots: { diskId: string; type: 'system' | 'data'; size: number; category: string; device: string }[] = [];
  if (instanceId) {
    const inst = sourceInstance(ctx, instanceId);
    fromInstance = inst;
    inherited = findImageAnyOwner(ctx.db, ctx.account.accountId, inst.imageId);
    const instDisks = ctx.backend.need('disks').ofInstance(ctx.db, inst.id);
    const ordered = [...instDisks.filter((d) => d.type === 'system'), ...instDisks.filter((d) => d.type === 'data')];
    for (const d of ordered) newSnapshots.push({ diskId: d.id, type: d.type, size: d.sizeGiB, category: d.category, device: d.device });
    disks = [];
  } else if (mappingInput.length > 0) {
    disks = mappingsFromInput(ctx, mappingInput);
  } else {
    disks = mappingFromSnapshot(ctx, snapshotId!);
  }
  if (input.DryRun === true) throw apiError('DryRunOperation');

  // The instance recorded its OS at launch, so it wins over its image (which may be gone or changed).
  const platform = input.Platform || fromInstance?.platform || inherited?.platform || 'Others Linux';
  const architecture = input.Architecture || inherited?.architecture || 'x86_64';
  const os: Pick<ImageRecord, 'osType' | 'osName' | 'osNameEn'> =
    !input.Platform &&
    fromInstance?.platform &&
    fromInstance.osName &&
    (fromInstance.osType === 'linux' || fromInstance.osType === 'windows')
      ? { osType: fromInstance.osType, osName: fromInstance.osName, osNameEn: fromInstance.osNameEn || fromInstance.osName }
      : osNames(platform, architecture);
  const description = input.Description ?? '';
  const imageId = ctx.newId('m-');
  const features = input.Features ?? {};
  ctx.db.transaction(() => {
    for (const s of newSnapshots) {
      const id = ctx.newId('s-');
      ctx.backend.need('snapshots').insert(ctx.db, {
        id,
        accountId: ctx.account.accountId,
        regionId: ctx.regionId,
        name: `image-${imageId}-${s.type}`,
        description: `Created for image ${imageId}`,
        sourceDiskId: s.diskId,
        sourceDiskSizeGiB: s.size,
        sourceDiskType: s.type,
        sourceStorageType: s.category,
        instanceId: instanceId!,
        createdAt: now,
        readyAt: now + createSeconds * 1000,
        resourceGroupId,
        snapshotType: 'user',
        category: 'standard',
        encrypted: false,
        retentionDays: 0,
      });
      disks.push({
        device: s.device || (s.type === 'system' ? '/dev/xvda' : ''),
        type: s.type,
        snapshotId: id,
        sizeGiB: s.size,
        format: '',
      });
    }
    insertImage(ctx.db, {
      ...newSelfImage(ctx, { imageId, regionId: ctx.regionId, name, description, resourceGroupId, now, createSeconds }),
      family: input.ImageFamily ?? '',
      version: input.ImageVersion ?? '',
      platform,
      ...os,
      architecture,
      bootMode: input.BootMode || inherited?.bootMode || 'BIOS',
      sizeGiB: disks.find((d) => d.type === 'system')?.sizeGiB ?? 20,
      // CreateImage takes neither: both come from the source and ModifyImageAttribute.
      licenseType: '',
      nvmeSupport: inherited?.nvmeSupport || 'unsupported',
      imdsSupport: features.ImdsSupport || inherited?.imdsSupport || 'v1',
      detectionStrategy: input.DetectionStrategy ?? '',
      secureBoot: input.SecureBootOptions?.SecureBootSupport ?? '',
      productCode: '',
      sourceInstanceId: instanceId ?? '',
      disks,
    });
    if (tags.length > 0) setTags(ctx.db, ctx.account.accountId, 'image', imageId, tags);
  })();
  return { ImageId: imageId };
}
