import type { HandlerContext } from '../context.js';
import type { describeImagesSpec } from '../../spec/ecs/images.js';
import type { HandlerOutputOf } from '../../spec/ecs/infer.js';
import { tagSet, type Tag } from '../tags/repository.js';
import { isoSeconds } from '../core/time.js';
import { imageState } from './model.js';
import { PUBLIC_ACCOUNT, type ImageRecord } from './repository.js';

/** What the Image object needs besides the record, loaded once per page by the caller. */
export interface ImageExtras {
  tags: readonly Tag[];
  /** `Usage` instance: the requesting account runs instances on the image. */
  inUse: boolean;
}

/** One Image object of DescribeImages. */
export type ImageObject = HandlerOutputOf<typeof describeImagesSpec>['Images']['Image'][number];

/** The Image object of DescribeImages with every field of ecs-api.md 3.2 in its SDK JSON type. */
export function imageView(ctx: HandlerContext, img: ImageRecord, extras: ImageExtras): ImageObject {
  const state = imageState(img, ctx.now(), ctx.settings.imageUsableLagSeconds);
  const isSystem = img.accountId === PUBLIC_ACCOUNT;
  return {
    ImageId: img.id,
    ImageName: img.name,
    Description: img.description,
    ImageFamily: img.family,
    ImageVersion: img.version,
    ImageOwnerAlias: isSystem || img.accountId === ctx.account.accountId ? img.ownerAlias : 'others',
    ImageOwnerId: isSystem ? 0 : img.accountId,
    Status: state.status,
    Progress: `${state.progress}%`,
    Usable: state.usable,
    CreationTime: isoSeconds(img.createdAt),
    Size: img.sizeGiB,
    Architecture: img.architecture,
    Platform: img.platform,
    OSType: img.osType,
    OSName: img.osName,
    OSNameEn: img.osNameEn,
    BootMode: img.bootMode,
    Usage: extras.inUse ? 'instance' : 'none',
    IsCopied: Boolean(img.copiedFrom),
    IsSelfShared: '',
    IsSubscribed: false,
    IsSupportCloudinit: true,
    IsSupportIoOptimized: true,
    IsPublic: isSystem || img.isPublic,
    LoginAsNonRootSupported: false,
    ProductCode: img.productCode,
    SupplierName: '',
    LicenseType: img.licenseType,
    ResourceGroupId: img.resourceGroupId,
    Features: {
      NvmeSupport: img.nvmeSupport,
      ImdsSupport: img.imdsSupport,
      CpuOnlineUpgrade: '',
      CpuOnlineDowngrade: '',
      MemoryOnlineUpgrade: '',
      MemoryOnlineDowngrade: '',
    },
    SecureBootOptions: { SecureBootSupport: img.secureBoot },
    DetectionOptions: {
      Status: img.detectionStrategy && state.status === 'Available' ? 'Finished' : img.detectionStrategy ? 'Processing' : '',
      Items: { Item: [] },
    },
    DiskDeviceMappings: {
      DiskDeviceMapping: img.disks.map((d) => ({
        Device: d.device,
        Type: d.type,
        SnapshotId: d.snapshotId,
        Size: String(d.sizeGiB),
        Format: d.format,
        ImportOSSBucket: d.importOssBucket ?? '',
        ImportOSSObject: d.importOssObject ?? '',
        Progress: state.status === 'Available' || state.status === 'Deprecated' ? '100%' : `${state.progress}%`,
        RemainTime: state.remainSeconds,
        Encrypted: false,
      })),
    },
    Tags: tagSet(extras.tags),
  };
}
