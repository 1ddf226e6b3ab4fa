/** Pure mapping between `alicloud_ecs_disk` state and the ECS disk API. */
import type { CreateDiskInput, Disk } from '../../ecs/index.js';
import { optionalString, optionalValue, tagsForState, tagsToInput } from '../common/index.js';
import type { EcsDiskState } from './schema.js';

type Planned = { [K in keyof EcsDiskState]: EcsDiskState[K] | undefined };

export function toCreateDiskInput(plan: Planned): CreateDiskInput {
  const category = (plan.category ?? 'cloud_efficiency') as CreateDiskInput['DiskCategory'];
  return {
    ZoneId: plan.zone_id ?? plan.availability_zone ?? undefined,
    InstanceId: plan.instance_id ?? undefined,
    DiskCategory: category,
    Size: plan.size ?? undefined,
    SnapshotId: plan.snapshot_id ?? undefined,
    // ESSD only, as the official provider suppresses the level for other categories.
    PerformanceLevel:
      category === 'cloud_essd' ? ((plan.performance_level ?? undefined) as CreateDiskInput['PerformanceLevel']) : undefined,
    Encrypted: plan.encrypted ?? undefined,
    KMSKeyId: plan.kms_key_id ?? undefined,
    EncryptAlgorithm: plan.encrypt_algorithm ?? undefined,
    DiskName: plan.disk_name ?? plan.name ?? undefined,
    Description: plan.description || undefined,
    MultiAttach: (plan.multi_attach ?? undefined) as CreateDiskInput['MultiAttach'],
    ProvisionedIops: plan.provisioned_iops ?? undefined,
    BurstingEnabled: plan.bursting_enabled ?? undefined,
    StorageSetId: plan.storage_set_id ?? undefined,
    StorageSetPartitionNumber: plan.storage_set_partition_number ?? undefined,
    AdvancedFeatures: plan.advanced_features ?? undefined,
    ResourceGroupId: plan.resource_group_id ?? undefined,
    Tag: tagsToInput(plan.tags),
  };
}

/** State from a described disk; arguments ECS does not report (algorithm, storage set, resize type) keep their prior value. */
export function fromDisk(d: Disk, prior: Partial<EcsDiskState>): EcsDiskState {
  return {
    id: d.DiskId,
    zone_id: d.ZoneId,
    availability_zone: d.ZoneId,
    category: d.Category,
    size: d.Size,
    snapshot_id: d.SourceSnapshotId,
    // The official provider ignores the level of non-ESSD disks, so keep what was planned there.
    performance_level: d.Category === 'cloud_essd' ? d.PerformanceLevel : (prior.performance_level ?? d.PerformanceLevel),
    disk_name: d.DiskName,
    name: d.DiskName,
    description: optionalString(d.Description, prior.description),
    encrypted: d.Encrypted,
    kms_key_id: d.KMSKeyId,
    encrypt_algorithm: prior.encrypt_algorithm ?? null,
    enable_auto_snapshot: d.EnableAutoSnapshot,
    dry_run: prior.dry_run ?? null,
    delete_auto_snapshot: d.DeleteAutoSnapshot,
    delete_with_instance: d.DeleteWithInstance,
    bursting_enabled: optionalValue(d.BurstingEnabled, false, prior.bursting_enabled),
    provisioned_iops: optionalValue(d.ProvisionedIops, 0, prior.provisioned_iops),
    multi_attach: d.MultiAttach || 'Disabled',
    advanced_features: prior.advanced_features ?? null,
    storage_set_id: prior.storage_set_id ?? null,
    storage_set_partition_number: prior.storage_set_partition_number ?? null,
    instance_id: d.InstanceId,
    payment_type: d.DiskChargeType === 'PrePaid' ? 'Subscription' : 'PayAsYouGo',
    type: prior.type ?? null,
    resource_group_id: d.ResourceGroupId,
    tags: tagsForState(Object.fromEntries(d.Tags.Tag.map((t) => [t.TagKey, t.TagValue])), prior.tags),
    status: d.Status,
    region_id: d.RegionId,
    create_time: d.CreationTime,
  };
}
