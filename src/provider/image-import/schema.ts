/**
 * Schema of `alicloud_image_import`: a custom image made from disk image files in OSS
 * (ImportImage). Arguments, defaults and replace rules follow the official provider; the value
 * rules come from the ImportImage table (`src/spec/ecs/image-transfer.ts`) so they fail at plan.
 */
import { attr, block, defineSchema, v, type ConfigOf, type PlanOf, type StateOf } from '../../framework/index.js';
import { importImageSpec } from '../../spec/ecs/image-transfer.js';
import { PLATFORMS, descriptionParam, imageNameParam } from '../../spec/ecs/images.js';
import { specSubField, stringRules } from '../common/index.js';

const params = importImageSpec.params;
const sizeField = specSubField(params, 'DiskDeviceMapping', 'DiskImageSize');
const objectField = specSubField(params, 'DiskDeviceMapping', 'OSSObject');
const mappings = params.find((p) => p.name === 'DiskDeviceMapping');
const mappingsMax = mappings?.kind === 'repeatList' ? mappings.maxItems : undefined;

/** Formats the official provider accepts (`qcow2` in lower case, as it sends it). */
export const IMPORT_FORMATS = ['RAW', 'VHD', 'qcow2'] as const;
/** Default size of each imported disk in GiB (official default). */
export const DEFAULT_DISK_IMAGE_GIB = 5;

export const imageImportSchema = defineSchema({
  description:
    'Imports a custom image from disk image files in OSS (ImportImage) and waits until it is Available. ' +
    'The bucket must be in the provider region. Changing the disks, architecture, OS type, platform or boot mode creates a new image; ' +
    '`image_name`, `description` and `license_type` are updated in place.',
  timeouts: { create: '20m', delete: '20m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'ID of the image (`m-...`).' }),
    architecture: attr.string({
      optional: true,
      default: 'x86_64',
      requiresReplace: true,
      validators: [v.oneOf('x86_64', 'i386')],
      meta: { ecs: 'Architecture' },
      description: 'System architecture of the image: `x86_64` or `i386`.',
    }),
    os_type: attr.string({
      optional: true,
      default: 'linux',
      requiresReplace: true,
      validators: [v.oneOf('windows', 'linux')],
      meta: { ecs: 'OSType' },
      description: 'Operating system type: `linux` or `windows`.',
    }),
    platform: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf(...PLATFORMS, 'Other Windows')],
      meta: { ecs: 'Platform' },
      description: 'Operating system distribution, e.g. `Ubuntu`. If not set, `Others Linux` (or `Other Windows`).',
    }),
    boot_mode: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf('BIOS', 'UEFI')],
      meta: { ecs: 'BootMode' },
      description: 'Boot mode: `BIOS` or `UEFI`. If not set, `BIOS`.',
    }),
    license_type: attr.string({
      optional: true,
      default: 'Auto',
      validators: [v.oneOf('Auto', 'Aliyun', 'BYOL')],
      meta: { ecs: 'LicenseType' },
      description: 'License used to activate the operating system after import: `Auto`, `Aliyun` or `BYOL` (Windows only).',
    }),
    image_name: attr.string({
      optional: true,
      computed: true,
      validators: stringRules(imageNameParam),
      meta: { ecs: 'ImageName' },
      description: `Name of the image: ${imageNameParam.description} If not set, the image id.`,
    }),
    description: attr.string({
      optional: true,
      validators: stringRules(descriptionParam),
      meta: { ecs: 'Description' },
      description: `Description of the image: ${descriptionParam.description}`,
    }),
  },
  blocks: {
    disk_device_mapping: block.list({
      minItems: 1,
      maxItems: mappingsMax,
      description:
        'The disk image files: the first block is the system disk, the others data disks (up to 16). Any change creates a new image.',
      attributes: {
        format: attr.string({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: [v.oneOf(...IMPORT_FORMATS)],
          description: 'Format of the file: `RAW`, `VHD` or `qcow2`. If not set, ECS detects it.',
        }),
        oss_bucket: attr.string({
          optional: true,
          requiresReplace: true,
          validators: [v.nonEmpty()],
          description: 'OSS bucket holding the file, in the provider region. Required to create.',
        }),
        oss_object: attr.string({
          optional: true,
          requiresReplace: true,
          validators: [v.length(1, objectField.maxLength)],
          description: 'Object key of the file. Required to create.',
        }),
        device: attr.string({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: [v.nonEmpty()],
          description: 'Device name of the disk (deprecated by ECS). If not set, `/dev/xvda` for the system disk, then `/dev/xvdb`, ...',
        }),
        disk_image_size: attr.int({
          optional: true,
          default: DEFAULT_DISK_IMAGE_GIB,
          requiresReplace: true,
          validators: [v.range(sizeField.min!, sizeField.max!)],
          description: `Size of the disk in GiB, ${sizeField.min}-${sizeField.max}. Default ${DEFAULT_DISK_IMAGE_GIB}.`,
        }),
      },
    }),
  },
});

export type ImageImportState = StateOf<typeof imageImportSchema>;
export type ImageImportConfig = ConfigOf<typeof imageImportSchema>;
export type ImageImportPlan = PlanOf<typeof imageImportSchema>;
