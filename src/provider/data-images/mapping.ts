/** Pure mapping for `alicloud_images`: config to one DescribeImages filter, local filters, the `images` result list. */
import type { DescribeImagesFilter, Image } from '../../ecs/index.js';
import type { ImagesConfig, ImageResult } from './schema.js';

export function toDescribeImagesFilter(c: Partial<ImagesConfig>): Omit<DescribeImagesFilter, 'PageNumber' | 'PageSize'> {
  const tags = Object.entries(c.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return {
    ImageOwnerAlias: (c.owners || undefined) as DescribeImagesFilter['ImageOwnerAlias'],
    ImageOwnerId: c.image_owner_id ? Number(c.image_owner_id) : undefined,
    Status: (c.status ?? 'Available')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ImageId: c.image_id ? [c.image_id] : undefined,
    ImageName: c.image_name ?? undefined,
    ImageFamily: c.image_family ?? undefined,
    SnapshotId: c.snapshot_id ?? undefined,
    Architecture: (c.architecture ?? undefined) as DescribeImagesFilter['Architecture'],
    OSType: (c.os_type ?? undefined) as DescribeImagesFilter['OSType'],
    Usage: (c.usage ?? undefined) as DescribeImagesFilter['Usage'],
    // The official provider names the OS-replacement scenario CreateOS; the API calls it ChangeOS.
    ActionType: (c.action_type === 'CreateOS' ? 'ChangeOS' : (c.action_type ?? undefined)) as DescribeImagesFilter['ActionType'],
    InstanceType: c.instance_type ?? undefined,
    IsSupportIoOptimized: c.is_support_io_optimized ?? undefined,
    IsSupportCloudinit: c.is_support_cloud_init ?? undefined,
    ResourceGroupId: c.resource_group_id ?? undefined,
    Tag: tags.length ? tags : undefined,
  };
}

/** Local filters (regex on non-empty names, support flags) and `most_recent`. */
export function selectImages(images: readonly Image[], c: Partial<ImagesConfig>): Image[] {
  const re = c.name_regex ? new RegExp(c.name_regex) : undefined;
  let out = images.filter(
    (i) =>
      (!re || (i.ImageName !== '' && re.test(i.ImageName))) &&
      (c.is_support_io_optimized == null || i.IsSupportIoOptimized === c.is_support_io_optimized) &&
      (c.is_support_cloud_init == null || i.IsSupportCloudinit === c.is_support_cloud_init),
  );
  if (c.most_recent && out.length > 1) {
    const newest = out.reduce((a, b) => (Date.parse(b.CreationTime) > Date.parse(a.CreationTime) ? b : a));
    out = [newest];
  }
  return out;
}

export function toImageResults(images: readonly Image[]): ImageResult[] {
  return images.map((i) => ({
    id: i.ImageId,
    image_id: i.ImageId,
    name: i.ImageName,
    image_name: i.ImageName,
    description: i.Description,
    architecture: i.Architecture,
    creation_time: i.CreationTime,
    image_owner_alias: i.ImageOwnerAlias,
    image_family: i.ImageFamily,
    image_version: i.ImageVersion,
    os_type: i.OSType,
    os_name: i.OSName,
    os_name_en: i.OSNameEn,
    platform: i.Platform,
    status: i.Status,
    state: i.Status,
    size: i.Size,
    progress: i.Progress,
    usage: i.Usage,
    product_code: i.ProductCode,
    is_self_shared: i.IsSelfShared,
    is_subscribed: i.IsSubscribed,
    is_copied: i.IsCopied,
    is_support_io_optimized: i.IsSupportIoOptimized,
    resource_group_id: i.ResourceGroupId,
    tags: Object.fromEntries(i.Tags.Tag.map((t) => [t.TagKey, t.TagValue])),
    disk_device_mappings: i.DiskDeviceMappings.DiskDeviceMapping.map((d) => ({
      device: d.Device,
      size: d.Size,
      snapshot_id: d.SnapshotId,
    })),
  }));
}
