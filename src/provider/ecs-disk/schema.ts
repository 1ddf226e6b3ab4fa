/**
 * Schema of `alicloud_ecs_disk` (and its older twin `alicloud_disk`): a pay-as-you-go ECS data
 * disk in a zone, empty or from a snapshot. Argument names follow the official provider
 * (`disk_name`/`name`, `zone_id`/`availability_zone`), so its HCL works unchanged.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { DISK_CATEGORIES, PERFORMANCE_LEVELS, createDiskSpec, diskNameParam } from '../../spec/ecs/disks.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { provisionedIopsRules, specField, stringRules, tagsAttribute } from '../common/index.js';

const nameRules = stringRules(diskNameParam);
export const PAYMENT_TYPES = ['PayAsYouGo', 'Subscription'] as const;

export const ecsDiskSchema = defineSchema({
  description: 'An ECS block storage disk (a data disk you attach with `alicloud_ecs_disk_attachment`).',
  timeouts: { create: '5m', update: '15m', delete: '5m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Disk id (`d-...`).' }),
    zone_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      conflictsWith: ['availability_zone'],
      validators: [v.nonEmpty()],
      description: 'Zone of the disk; an instance it is attached to must be in the same zone.',
      meta: { ecs: 'ZoneId' },
    }),
    availability_zone: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      deprecated: 'Field `availability_zone` has been deprecated from provider version 1.122.0. New field `zone_id` instead',
      conflictsWith: ['zone_id'],
      validators: [v.nonEmpty()],
      description: 'Alias of `zone_id`.',
    }),
    category: attr.string({
      optional: true,
      default: 'cloud_efficiency',
      validators: [v.oneOf(...DISK_CATEGORIES)],
      description: 'Disk category. A change is refused (ModifyDiskSpec is not supported yet).',
      meta: { ecs: 'DiskCategory' },
    }),
    size: attr.int({
      optional: true,
      computed: true,
      validators: [v.range(1, 65536)],
      description:
        'Size in GiB (range by category: cloud 5-2000, cloud_efficiency and cloud_ssd 20-32768, cloud_essd PL0 1-65536, PL1 20-65536, PL2 461-65536, PL3 1261-65536). If not set, the size of `snapshot_id`. It can only grow, in place (ResizeDisk).',
      meta: { ecs: 'Size' },
    }),
    snapshot_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Snapshot to create the disk from.',
      meta: { ecs: 'SnapshotId' },
    }),
    performance_level: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...PERFORMANCE_LEVELS)],
      description:
        'ESSD performance level. If not set, `PL1` for cloud_essd (ignored for other categories). A change applies in place (ModifyDiskSpec, after a `size` change of the same apply, since PL2 and PL3 need at least 461 and 1261 GiB); refused for other categories.',
      meta: { ecs: 'PerformanceLevel' },
    }),
    disk_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: nameRules,
      description: 'Name of the disk.',
      meta: { ecs: 'DiskName' },
    }),
    name: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Field `name` has been deprecated from provider version 1.122.0. New field `disk_name` instead.',
      conflictsWith: ['disk_name'],
      validators: nameRules,
      description: 'Alias of `disk_name`.',
    }),
    description: attr.string({
      optional: true,
      validators: [v.length(0, 256), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the disk.',
      meta: { ecs: 'Description' },
    }),
    encrypted: attr.bool({
      optional: true,
      computed: true,
      requiresReplace: true,
      description: 'Encrypt the disk. If not set, false.',
      meta: { ecs: 'Encrypted' },
    }),
    kms_key_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'KMS key of an encrypted disk. If not set, the region default key.',
      meta: { ecs: 'KMSKeyId' },
    }),
    encrypt_algorithm: attr.string({
      optional: true,
      validators: [v.nonEmpty()],
      description: 'Encryption algorithm (`AES-256` or `SM4-128`); sent to CreateDisk, not read back.',
      meta: { ecs: 'EncryptAlgorithm' },
    }),
    dry_run: attr.bool({
      optional: true,
      description:
        'Check performance level and provisioned IOPS changes without making them (ModifyDiskSpec DryRun, as the official provider sends it): with `true`, such an apply fails saying whether ECS would accept the change, and nothing changes. Creation and the other changes are not affected.',
    }),
    enable_auto_snapshot: attr.bool({
      optional: true,
      computed: true,
      deprecated:
        'This field is deprecated. The automatic snapshot policy feature is enabled by default for a cloud disk after it is created. To use the automatic snapshot policy, apply one to the cloud disk.',
      validators: [
        v.custom<boolean>('only `true`', (on) =>
          on === false
            ? 'must be true: ECS keeps the automatic snapshot feature on for every disk and ignores a request to turn it off; to take no automatic snapshots, apply no automatic snapshot policy to the disk'
            : undefined,
        ),
      ],
      description:
        'Whether the automatic snapshot feature is on for the disk, as DescribeDisks reports it: always `true` (ECS ignores a switch to `false`, so it is refused).',
      meta: { ecs: 'EnableAutoSnapshot' },
    }),
    delete_auto_snapshot: attr.bool({
      optional: true,
      default: false,
      description: 'Release the automatic snapshots of the disk with it.',
      meta: { ecs: 'DeleteAutoSnapshot' },
    }),
    delete_with_instance: attr.bool({
      optional: true,
      computed: true,
      description: 'Release the disk with the instance it is attached to. If not set, false for a new disk.',
      meta: { ecs: 'DeleteWithInstance' },
    }),
    bursting_enabled: attr.bool({
      optional: true,
      description:
        'Performance burst of a cloud_auto disk (refused for other categories). A change applies in place (ModifyDiskAttribute).',
      meta: { ecs: 'BurstingEnabled' },
    }),
    provisioned_iops: attr.int({
      optional: true,
      validators: provisionedIopsRules,
      description: 'Provisioned IOPS of a cloud_auto disk (refused for other categories). A change applies in place (ModifyDiskSpec).',
      meta: { ecs: 'ProvisionedIops' },
    }),
    multi_attach: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: stringRules(specField(createDiskSpec.params, 'MultiAttach')),
      description: 'Whether the disk may be attached to several instances (ESSD). If not set, `Disabled`.',
      meta: { ecs: 'MultiAttach' },
    }),
    advanced_features: attr.string({
      optional: true,
      validators: [v.nonEmpty()],
      description: 'Advanced features of the disk; sent to CreateDisk, not read back.',
      meta: { ecs: 'AdvancedFeatures' },
    }),
    storage_set_id: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Storage set of the disk; sent to CreateDisk, not read back.',
      meta: { ecs: 'StorageSetId' },
    }),
    storage_set_partition_number: attr.int({
      optional: true,
      requiresReplace: true,
      description: 'Partition of the storage set; sent to CreateDisk, not read back.',
      meta: { ecs: 'StorageSetPartitionNumber' },
    }),
    instance_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description:
        'Create the disk for this subscription instance (CreateDisk `InstanceId`). If not set, the instance the disk is attached to, if any.',
      meta: { ecs: 'InstanceId' },
    }),
    payment_type: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...PAYMENT_TYPES)],
      description: 'Billing of the disk. If not set, `PayAsYouGo`; `Subscription` (ModifyDiskChargeType) is refused for now.',
    }),
    type: attr.string({
      optional: true,
      validators: [v.oneOf('offline', 'online')],
      description: 'How a size change is applied (ResizeDisk `Type`). If not set, `offline`.',
      meta: { ecs: 'Type' },
    }),
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description: 'Resource group of the disk. If not set, the account default group. Changing it moves the disk.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the disk.'),
    status: attr.string({ computed: true, description: 'Disk status (`Available`, `In_use`, ...).' }),
    region_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Region of the disk.' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time.' }),
  },
});

export type EcsDiskState = StateOf<typeof ecsDiskSchema>;
