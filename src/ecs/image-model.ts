/**
 * The `Image` object of DescribeImages, mirroring ecs-api.md 3.2 field by field
 * (PascalCase wire names, ECS wrapper objects kept), decoded so every field has the
 * JS type given here. Note the sheet's quirks are kept on purpose: a disk mapping's
 * `Size` and `IsSelfShared` are strings on the wire and stay strings.
 */
import { bool, items, num, obj, str, type Json } from './decode.js';

export type ImageStatus = 'Creating' | 'Waiting' | 'Available' | 'UnAvailable' | 'CreateFailed' | 'Deprecated';

export interface ImageTag {
  TagKey: string;
  TagValue: string;
}

export interface ImageDiskDeviceMapping {
  /** `/dev/xvda` (system) ... */
  Device: string;
  /** `system` or `data`. */
  Type: string;
  SnapshotId: string;
  /** GiB as a string, e.g. `"40"` (wire type). */
  Size: string;
  Format: string;
  ImportOSSBucket: string;
  ImportOSSObject: string;
  /** Copy progress, `""` or e.g. `"32%"`. */
  Progress: string;
  /** Seconds. */
  RemainTime: number;
  Encrypted: boolean;
}

export interface ImageFeatures {
  NvmeSupport: string;
  ImdsSupport: string;
  CpuOnlineUpgrade: string;
  CpuOnlineDowngrade: string;
  MemoryOnlineUpgrade: string;
  MemoryOnlineDowngrade: string;
}

export interface ImageDetectionItem {
  Name: string;
  RiskCode: string;
  RiskLevel: string;
  Value: string;
}

export interface Image {
  ImageId: string;
  ImageName: string;
  /** `""` when unset. */
  Description: string;
  ImageFamily: string;
  ImageVersion: string;
  /** `self` for custom images. */
  ImageOwnerAlias: string;
  /** Account id (int64; emulator ids stay below 2^53). */
  ImageOwnerId: number;
  /** As sent; one of {@link ImageStatus} for known values. */
  Status: ImageStatus | string;
  /** Percent with sign, e.g. `"40%"`. */
  Progress: string;
  /** The image can launch instances now (may turn true before `Available`). */
  Usable: boolean;
  /** `yyyy-MM-ddTHH:mm:ssZ`. */
  CreationTime: string;
  /** GiB. */
  Size: number;
  Architecture: string;
  Platform: string;
  OSType: string;
  OSName: string;
  OSNameEn: string;
  BootMode: string;
  /** `instance` (used by instances) or `none`. */
  Usage: string;
  IsCopied: boolean;
  /** String on the wire (e.g. `"False"`). */
  IsSelfShared: string;
  IsSubscribed: boolean;
  IsSupportCloudinit: boolean;
  IsSupportIoOptimized: boolean;
  IsPublic: boolean;
  LoginAsNonRootSupported: boolean;
  ProductCode: string;
  SupplierName: string;
  LicenseType: string;
  ResourceGroupId: string;
  Features: ImageFeatures;
  SecureBootOptions: { SecureBootSupport: string };
  DetectionOptions: { Status: string; Items: { Item: ImageDetectionItem[] } };
  DiskDeviceMappings: { DiskDeviceMapping: ImageDiskDeviceMapping[] };
  Tags: { Tag: ImageTag[] };
}

/** Decode one element of `Images.Image`. */
export function decodeImage(raw: unknown): Image {
  const o = obj(raw);
  const f = obj(o.Features);
  const d = obj(o.DetectionOptions);
  return {
    ImageId: str(o.ImageId),
    ImageName: str(o.ImageName),
    Description: str(o.Description),
    ImageFamily: str(o.ImageFamily),
    ImageVersion: str(o.ImageVersion),
    ImageOwnerAlias: str(o.ImageOwnerAlias),
    ImageOwnerId: num(o.ImageOwnerId),
    Status: str(o.Status),
    Progress: str(o.Progress),
    Usable: bool(o.Usable),
    CreationTime: str(o.CreationTime),
    Size: num(o.Size),
    Architecture: str(o.Architecture),
    Platform: str(o.Platform),
    OSType: str(o.OSType),
    OSName: str(o.OSName),
    OSNameEn: str(o.OSNameEn),
    BootMode: str(o.BootMode),
    Usage: str(o.Usage),
    IsCopied: bool(o.IsCopied),
    IsSelfShared: str(o.IsSelfShared),
    IsSubscribed: bool(o.IsSubscribed),
    IsSupportCloudinit: bool(o.IsSupportCloudinit),
    IsSupportIoOptimized: bool(o.IsSupportIoOptimized),
    IsPublic: bool(o.IsPublic),
    LoginAsNonRootSupported: bool(o.LoginAsNonRootSupported),
    ProductCode: str(o.ProductCode),
    SupplierName: str(o.SupplierName),
    LicenseType: str(o.LicenseType),
    ResourceGroupId: str(o.ResourceGroupId),
    Features: {
      NvmeSupport: str(f.NvmeSupport),
      ImdsSupport: str(f.ImdsSupport),
      CpuOnlineUpgrade: str(f.CpuOnlineUpgrade),
      CpuOnlineDowngrade: str(f.CpuOnlineDowngrade),
      MemoryOnlineUpgrade: str(f.MemoryOnlineUpgrade),
      MemoryOnlineDowngrade: str(f.MemoryOnlineDowngrade),
    },
    SecureBootOptions: { SecureBootSupport: str(obj(o.SecureBootOptions).SecureBootSupport) },
    DetectionOptions: {
      Status: str(d.Status),
      Items: {
        Item: items(d.Items, 'Item').map((i) => ({
          Name: str(i.Name),
          RiskCode: str(i.RiskCode),
          RiskLevel: str(i.RiskLevel),
          Value: str(i.Value),
        })),
      },
    },
    DiskDeviceMappings: { DiskDeviceMapping: items(o.DiskDeviceMappings, 'DiskDeviceMapping').map(decodeMapping) },
    Tags: { Tag: items(o.Tags, 'Tag').map((t) => ({ TagKey: str(t.TagKey), TagValue: str(t.TagValue) })) },
  };
}

function decodeMapping(m: Json): ImageDiskDeviceMapping {
  return {
    Device: str(m.Device),
    Type: str(m.Type),
    SnapshotId: str(m.SnapshotId),
    Size: str(m.Size),
    Format: str(m.Format),
    ImportOSSBucket: str(m.ImportOSSBucket),
    ImportOSSObject: str(m.ImportOSSObject),
    Progress: str(m.Progress),
    RemainTime: num(m.RemainTime),
    Encrypted: bool(m.Encrypted),
  };
}

/** The image's tags as a plain map, skipping system tags (`aliyun*`, `acs:*`, `http(s)://`) like the provider. */
export function imageTagMap(image: Pick<Image, 'Tags'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of image.Tags.Tag) if (!/^(aliyun|acs:|https?:\/\/)/i.test(t.TagKey)) out[t.TagKey] = t.TagValue;
  return out;
}
