/**
 * The disk arguments of `alicloud_instance`, kept apart from the rest of its schema: the
 * `system_disk_*` attributes besides category and size, and the `data_disks` blocks (created
 * with the instance by RunInstances `DataDisk.N`; a new `performance_level` applies in place with
 * ModifyDiskSpec, any other change of a block replaces the instance, as upstream). The AutoPL
 * arguments (`*bursting_enabled`, `*provisioned_iops`) are for cloud_auto disks: ECS refuses them on
 * other categories. Names and flags follow the official provider.
 */
import { attr, block, v } from '../../framework/index.js';
import { DISK_CATEGORIES, PERFORMANCE_LEVELS, diskNameParam } from '../../spec/ecs/disks.js';
import { provisionedIopsRules, stringRules } from '../common/index.js';

const nameRules = stringRules(diskNameParam);
const descriptionRules = [v.length(2, 256), v.notPrefixedWith('http://', 'https://')];

/** `system_disk_*` attributes (category and size are declared with the instance). */
export const systemDiskAttributes = {
  system_disk_id: attr.string({
    computed: true,
    useStateForUnknown: true,
    description: 'Id of the system disk (changes when the image is replaced).',
  }),
  system_disk_name: attr.string({
    optional: true,
    computed: true,
    validators: nameRules,
    description: 'Name of the system disk; a change applies in place (ModifyDiskAttribute).',
    meta: { ecs: 'SystemDisk.DiskName' },
  }),
  system_disk_description: attr.string({
    optional: true,
    computed: true,
    validators: descriptionRules,
    description: 'Description of the system disk; a change applies in place (ModifyDiskAttribute).',
    meta: { ecs: 'SystemDisk.Description' },
  }),
  system_disk_performance_level: attr.string({
    optional: true,
    computed: true,
    validators: [v.oneOf(...PERFORMANCE_LEVELS)],
    description: 'Performance level of a cloud_essd system disk. If not set, `PL1`. A change applies in place (ModifyDiskSpec).',
    meta: { ecs: 'SystemDisk.PerformanceLevel' },
  }),
  system_disk_encrypted: attr.bool({
    optional: true,
    computed: true,
    requiresReplace: true,
    description: 'Encrypt the system disk. If not set, false.',
    meta: { ecs: 'SystemDisk.Encrypted' },
  }),
  system_disk_kms_key_id: attr.string({
    optional: true,
    computed: true,
    requiresReplace: true,
    validators: [v.nonEmpty()],
    description: 'KMS key of an encrypted system disk. If not set, the region default key.',
    meta: { ecs: 'SystemDisk.KMSKeyId' },
  }),
  system_disk_encrypt_algorithm: attr.string({
    optional: true,
    requiresReplace: true,
    validators: [v.nonEmpty()],
    description:
      'Encryption algorithm of an encrypted system disk (`AES-256` or `SM4-128`; needs `system_disk_encrypted = true`). If not set, the default algorithm. Not reported by DescribeDisks: kept as configured.',
    meta: { ecs: 'SystemDisk.EncryptAlgorithm' },
  }),
  system_disk_bursting_enabled: attr.bool({
    optional: true,
    description:
      'Performance burst of a cloud_auto system disk (refused for other categories). A change applies in place (ModifyDiskAttribute); removing it turns the burst off.',
    meta: { ecs: 'SystemDisk.BurstingEnabled' },
  }),
  system_disk_provisioned_iops: attr.int({
    optional: true,
    validators: provisionedIopsRules,
    description:
      'Provisioned IOPS of a cloud_auto system disk (refused for other categories; at most min{50000, 1000 x size - baseline}). A change applies in place (ModifyDiskSpec); removing it sets 0.',
    meta: { ecs: 'SystemDisk.ProvisionedIops' },
  }),
  system_disk_auto_snapshot_policy_id: attr.string({
    optional: true,
    computed: true,
    validators: [v.nonEmpty()],
    description:
      'Automatic snapshot policy (`sp-...`) the system disk follows. A change applies in place (ApplyAutoSnapshotPolicy); removing it keeps the policy the disk follows, as upstream does.',
    meta: { ecs: 'SystemDisk.AutoSnapshotPolicyId' },
  }),
} as const;

/** The `data_disks` blocks. */
export const dataDisksBlock = block.list({
  maxItems: 16,
  description:
    'Data disks created with the instance (up to 16). A change of `performance_level` applies in place; any other change replaces the instance; attach more with `alicloud_ecs_disk_attachment`.',
  attributes: {
    size: attr.int({
      required: true,
      requiresReplace: true,
      validators: [v.range(1, 32768)],
      description: 'Size in GiB (20-32768, at least the snapshot size).',
      meta: { ecs: 'DataDisk.N.Size' },
    }),
    category: attr.string({
      optional: true,
      default: 'cloud_efficiency',
      requiresReplace: true,
      validators: [v.oneOf(...DISK_CATEGORIES)],
      description: 'Disk category.',
      meta: { ecs: 'DataDisk.N.Category' },
    }),
    name: attr.string({
      optional: true,
      requiresReplace: true,
      validators: nameRules,
      description: 'Name of the disk.',
      meta: { ecs: 'DataDisk.N.DiskName' },
    }),
    description: attr.string({
      optional: true,
      requiresReplace: true,
      validators: descriptionRules,
      description: 'Description of the disk.',
      meta: { ecs: 'DataDisk.N.Description' },
    }),
    snapshot_id: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Snapshot to create the disk from.',
      meta: { ecs: 'DataDisk.N.SnapshotId' },
    }),
    auto_snapshot_policy_id: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Automatic snapshot policy (`sp-...`) the disk follows from launch. A change replaces the instance (as upstream).',
      meta: { ecs: 'DataDisk.N.AutoSnapshotPolicyId' },
    }),
    encrypted: attr.bool({
      optional: true,
      default: false,
      requiresReplace: true,
      description: 'Encrypt the disk.',
      meta: { ecs: 'DataDisk.N.Encrypted' },
    }),
    kms_key_id: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'KMS key of an encrypted disk. If not set, the region default key.',
      meta: { ecs: 'DataDisk.N.KMSKeyId' },
    }),
    delete_with_instance: attr.bool({
      optional: true,
      default: true,
      requiresReplace: true,
      description: 'Release the disk with the instance.',
      meta: { ecs: 'DataDisk.N.DeleteWithInstance' },
    }),
    performance_level: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...PERFORMANCE_LEVELS)],
      description: 'Performance level of a cloud_essd disk. If not set, `PL1`. A change applies in place (ModifyDiskSpec).',
      meta: { ecs: 'DataDisk.N.PerformanceLevel' },
    }),
    device: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.pattern(/^\/dev\/xvd[b-z]$/, '/dev/xvdb to /dev/xvdz')],
      description: 'Device name. If not set, the next free one in order.',
      meta: { ecs: 'DataDisk.N.Device' },
    }),
    bursting_enabled: attr.bool({
      optional: true,
      requiresReplace: true,
      description: 'Performance burst of a cloud_auto disk (refused for other categories).',
      meta: { ecs: 'DataDisk.N.BurstingEnabled' },
    }),
    provisioned_iops: attr.int({
      optional: true,
      requiresReplace: true,
      validators: provisionedIopsRules,
      description: 'Provisioned IOPS of a cloud_auto disk (refused for other categories; at most min{50000, 1000 x size - baseline}).',
      meta: { ecs: 'DataDisk.N.ProvisionedIops' },
    }),
  },
});
