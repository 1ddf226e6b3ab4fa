/** Pure mapping between `alicloud_image_import` state and ImportImage / DescribeImages. */
import type { Image, ImportImageInput } from '../../ecs/index.js';
import { optionalString } from '../common/index.js';
import type { ImageImportPlan, ImageImportState } from './schema.js';

/** What the state keeps that ECS may not report back. */
interface Prior {
  license_type?: string | null;
  description?: string | null;
  disk_device_mapping?: readonly ({ oss_bucket?: string | null; oss_object?: string | null } | undefined)[];
}

export function toImportImageInput(plan: ImageImportPlan): ImportImageInput {
  return {
    Architecture: (plan.architecture ?? undefined) as ImportImageInput['Architecture'],
    OSType: (plan.os_type ?? undefined) as ImportImageInput['OSType'],
    Platform: (plan.platform ?? undefined) as ImportImageInput['Platform'],
    BootMode: (plan.boot_mode ?? undefined) as ImportImageInput['BootMode'],
    LicenseType: (plan.license_type ?? undefined) as ImportImageInput['LicenseType'],
    ImageName: plan.image_name ?? undefined,
    Description: plan.description ?? undefined,
    DiskDeviceMapping: (plan.disk_device_mapping ?? []).map((m) => ({
      OSSBucket: m.oss_bucket ?? undefined,
      OSSObject: m.oss_object ?? undefined,
      Format: (m.format ?? undefined) as NonNullable<ImportImageInput['DiskDeviceMapping']>[number]['Format'],
      Device: m.device ?? undefined,
      DiskImageSize: m.disk_image_size ?? undefined,
    })),
  };
}

/** State from the described image; `license_type` keeps the prior value when ECS reports none. */
export function fromImportedImage(img: Image, prior: Prior): ImageImportState {
  return {
    id: img.ImageId,
    architecture: img.Architecture,
    os_type: img.OSType,
    platform: img.Platform,
    boot_mode: img.BootMode,
    license_type: img.LicenseType || (prior.license_type ?? 'Auto'),
    image_name: img.ImageName,
    description: optionalString(img.Description, prior.description),
    disk_device_mapping: img.DiskDeviceMappings.DiskDeviceMapping.map((d, i) => ({
      format: d.Format,
      oss_bucket: d.ImportOSSBucket || (prior.disk_device_mapping?.[i]?.oss_bucket ?? null),
      oss_object: d.ImportOSSObject || (prior.disk_device_mapping?.[i]?.oss_object ?? null),
      device: d.Device,
      disk_image_size: Number.parseInt(d.Size, 10),
    })),
  };
}
