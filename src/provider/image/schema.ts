/**
 * The single declaration of `alicloud_image`: attributes, blocks, flags, validators and
 * docs text. Format rules (lengths, patterns, prefixes, enums) are derived from the ECS
 * action tables in `src/spec/ecs/images.ts`, never retyped.
 *
 * Plan rules worth knowing (see tfplugin6.md 5.3-5.7):
 * - image_name/name, description, platform, resource_group_id, boot_mode, image_family,
 *   image_version and license_type are Optional+Computed: leaving them out keeps the cloud's
 *   value (ECS cannot clear a description, so removing it must not diff forever).
 * - disk_device_mapping and features are Optional+Computed blocks (`computed: true`, as in the
 *   official provider): without blocks in the config they are filled from the API (unknown at
 *   create, kept on update), so `disk_device_mapping[0].snapshot_id` always works; written blocks
 *   are matched element by element and a changed element replaces the image (`requiresReplace`
 *   on the sub-attributes plus the count check in `resource.ts`). See docs/optional-computed-blocks.md.
 */
import { attr, block, defineSchema, v, type StateOf, type ConfigOf, type PlanOf, type ReplaceCheck } from '../../framework/index.js';
import {
  ARCHITECTURES,
  BOOT_MODES,
  PLATFORMS,
  createImageSpec,
  descriptionParam,
  featuresParam,
  imageFamilyParam,
  imageNameParam,
  licenseTypeParam,
  tagsParam,
} from '../../spec/ecs/images.js';
import { specField, specSubField, stringRules, tagsAttribute } from '../common/index.js';

const params = createImageSpec.params;
const mappingSize = specSubField(params, 'DiskDeviceMapping', 'Size');
const mappingDevice = specSubField(params, 'DiskDeviceMapping', 'Device');
const mappingType = specSubField(params, 'DiskDeviceMapping', 'DiskType');
const nvme = specSubField([featuresParam], 'Features', 'NvmeSupport');
const mappingsParam = params.find((p) => p.name === 'DiskDeviceMapping');
const mappingsMax = mappingsParam?.kind === 'repeatList' ? mappingsParam.maxItems : undefined;

/** Disk sizes ECS accepts in a mapping (GiB): any disk, basic (`cloud`) disks at most, other disks at least. */
export const MIN_DISK_GIB = 5;
export const MAX_BASIC_DISK_GIB = 2000;
export const MIN_DISK_GIB_NOT_BASIC = 20;

/**
 * A changed source replaces the image, except when the prior value is unknown to state
 * (after import: ECS cannot report the source), where the config's value is adopted in place.
 */
const sourceChanged = ({ prior }: ReplaceCheck<string>) => prior !== null && prior !== undefined;

/** ECS parameter names by attribute, for docs and messages. */
const ecs = (name: string) => ({ ecs: name });

export const imageSchema = defineSchema({
  description:
    'Creates an ECS custom image from an instance (`instance_id`), a system-disk snapshot (`snapshot_id`) or a set of disk snapshots (`disk_device_mapping`), ' +
    'and waits until it can launch instances. Changing the source, architecture, platform, image version or NVMe support creates a new image; ' +
    'names, description, family, boot mode, license type, tags and resource group are updated in place.',
  timeouts: { create: '10m', update: '10m', delete: '10m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'ID of the image (`m-...`).' }),
    instance_id: attr.string({
      optional: true,
      requiresReplace: sourceChanged,
      conflictsWith: ['snapshot_id'],
      validators: [v.nonEmpty()],
      meta: ecs('InstanceId'),
      description: 'ID of a Running or Stopped instance to image; every disk of the instance gets a snapshot.',
    }),
    snapshot_id: attr.string({
      optional: true,
      requiresReplace: sourceChanged,
      conflictsWith: ['instance_id'],
      validators: [v.nonEmpty()],
      meta: ecs('SnapshotId'),
      description: 'ID of a system-disk snapshot (created after 2013-07-15) to make the image from.',
    }),
    image_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: stringRules(imageNameParam),
      meta: ecs('ImageName'),
      description: 'Name of the image, unique among the custom images of the region. If not set, ECS keeps its own name.',
    }),
    name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['image_name'],
      validators: stringRules(imageNameParam),
      meta: ecs('ImageName'),
      deprecated: 'Use image_name instead (deprecated since the official provider 1.69.0).',
      description: 'Alias of `image_name`; always mirrors it.',
    }),
    description: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: stringRules(descriptionParam),
      meta: ecs('Description'),
      description: 'Description of the image. Removing it from the configuration keeps the current description (ECS cannot clear it).',
    }),
    architecture: attr.string({
      optional: true,
      default: 'x86_64',
      requiresReplace: true,
      validators: [v.oneOf(...ARCHITECTURES)],
      meta: ecs('Architecture'),
      description: 'Architecture of the system disk, used when a data-disk snapshot becomes the system disk.',
    }),
    platform: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf(...PLATFORMS)],
      meta: ecs('Platform'),
      description: 'Operating system distribution of the system disk. If not set, ECS detects it (`Others Linux` for snapshot sources).',
    }),
    image_version: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      requiresReplace: true,
      validators: stringRules(specField(params, 'ImageVersion'), ''),
      meta: ecs('ImageVersion'),
      description: 'Version of the image.',
    }),
    image_family: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: stringRules(imageFamilyParam),
      meta: ecs('ImageFamily'),
      description: 'Image family the image belongs to. Removing it from the configuration keeps the current family.',
    }),
    boot_mode: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [v.knownValues(...BOOT_MODES)],
      meta: ecs('BootMode'),
      description: 'Boot mode of the image.',
    }),
    license_type: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: stringRules(licenseTypeParam),
      meta: ecs('LicenseType'),
      description: 'License type used to activate the operating system after import.',
    }),
    detection_strategy: attr.string({
      optional: true,
      validators: [v.knownValues(...(specField(params, 'DetectionStrategy').enum ?? []))],
      meta: ecs('DetectionStrategy'),
      description:
        'Image check strategy run at creation (ECS knows `Standard`). Sent on create only (changing it later changes only the state, as in the official provider); read back as `Standard` when ECS reports that a check ran.',
    }),
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [v.nonEmpty()],
      meta: ecs('ResourceGroupId'),
      description:
        'ID of the resource group of the image. If not set, ECS uses the account default group. Changing it moves the image (JoinResourceGroup).',
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the image. System tags on the image (keys with a prefix refused below) are not managed.'),
    force: attr.bool({
      optional: true,
      default: false,
      description: 'Delete the image even when instances use it. Those instances can then no longer re-initialise their system disk.',
    }),
    delete_auto_snapshot: attr.bool({
      optional: true,
      default: false,
      description:
        'After deleting the image, also delete the snapshots ECS made for it from `instance_id`. Snapshots you passed in (`snapshot_id`, `disk_device_mapping`) are never deleted.',
    }),
    status: attr.string({
      computed: true,
      useStateForUnknown: true,
      description: 'Status of the image: `Creating`, `Waiting`, `Available`, `UnAvailable`, `CreateFailed` or `Deprecated`.',
    }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time, e.g. `2024-01-02T03:04:05Z`.' }),
    usable: attr.bool({ computed: true, useStateForUnknown: true, description: 'Whether the image can launch instances.' }),
  },
  blocks: {
    disk_device_mapping: block.list({
      computed: true,
      maxItems: mappingsMax,
      conflictsWith: ['instance_id', 'snapshot_id'],
      description:
        'The disks of the image, one block per disk snapshot (exactly one system disk, up to 16 data disks). Any change creates a new image. ' +
        'If not written, the disks are read from the image (so `disk_device_mapping[0].snapshot_id` works for every source), and leaving them out later changes nothing.',
      // snapshot_id first: a conflict error points at the first set attribute of the first block.
      attributes: {
        snapshot_id: attr.string({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: [v.nonEmpty()],
          description: 'Snapshot of this disk.',
        }),
        device: attr.string({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: [
            v.pattern(
              new RegExp(mappingDevice.pattern!),
              '/dev/xvda or /dev/vda for the system disk, /dev/xvdb to /dev/xvdz or /dev/vdb to /dev/vdz for data disks',
            ),
          ],
          description: 'Device name of the disk.',
        }),
        disk_type: attr.string({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: stringRules(mappingType),
          description: "Disk type. If not set, the type of the snapshot's source disk.",
        }),
        size: attr.int({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: [v.range(MIN_DISK_GIB, mappingSize.max)],
          description: `Disk size in GiB. If not set, the snapshot size. ECS allows ${MIN_DISK_GIB} to ${MAX_BASIC_DISK_GIB} GiB for basic disks (category \`cloud\`), ${MIN_DISK_GIB_NOT_BASIC} to ${mappingSize.max} GiB for the others, and never less than the snapshot; those limits are checked before CreateImage where the snapshot tells them.`,
        }),
        format: attr.string({ computed: true, useStateForUnknown: true, description: 'Image format of the disk (imported images).' }),
        progress: attr.string({ computed: true, useStateForUnknown: true, description: 'Copy progress of the disk, e.g. `100%`.' }),
        import_oss_bucket: attr.string({ computed: true, useStateForUnknown: true, description: 'OSS bucket of an imported image file.' }),
        import_oss_object: attr.string({ computed: true, useStateForUnknown: true, description: 'OSS object of an imported image file.' }),
        remain_time: attr.int({ computed: true, useStateForUnknown: true, description: 'Seconds left until the disk is ready.' }),
      },
    }),
    features: block.list({
      computed: true,
      maxItems: 1,
      description: 'Features of the image. If not written, read from the image.',
      attributes: {
        nvme_support: attr.string({
          optional: true,
          computed: true,
          requiresReplace: true,
          validators: stringRules(nvme),
          description: 'Whether the image supports NVMe.',
        }),
      },
    }),
  },
});

export type ImageState = StateOf<typeof imageSchema>;
export type ImageConfig = ConfigOf<typeof imageSchema>;
/** The plan as create and update see it (computed values not yet known are `undefined`). */
export type ImagePlan = PlanOf<typeof imageSchema>;
export type MappingState = ImageState['disk_device_mapping'][number];
