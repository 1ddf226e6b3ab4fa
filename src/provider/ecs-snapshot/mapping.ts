/** Pure mapping between `alicloud_ecs_snapshot` state and the ECS snapshot API. */
import type { CreateSnapshotInput, Snapshot } from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import type { EcsSnapshotState } from './schema.js';

type Planned = { [K in keyof EcsSnapshotState]: EcsSnapshotState[K] | undefined };

export function toCreateSnapshotInput(plan: Planned): CreateSnapshotInput {
  return {
    DiskId: plan.disk_id!,
    SnapshotName: plan.snapshot_name ?? plan.name ?? undefined,
    Description: plan.description ?? undefined,
    RetentionDays: plan.retention_days ?? undefined,
    Category: (plan.category ?? undefined) as CreateSnapshotInput['Category'],
    InstantAccess: plan.instant_access ?? undefined,
    InstantAccessRetentionDays: plan.instant_access_retention_days ?? undefined,
    ResourceGroupId: plan.resource_group_id ?? undefined,
    Tag: tagsToInput(plan.tags),
  };
}

/** State from a described snapshot; arguments ECS never reports back (force, instant access) keep their prior value. */
export function fromSnapshot(s: Snapshot, prior: Partial<EcsSnapshotState>): EcsSnapshotState {
  return {
    id: s.SnapshotId,
    disk_id: s.SourceDiskId,
    category: s.Category.toLowerCase(),
    snapshot_name: s.SnapshotName,
    name: s.SnapshotName,
    description: optionalString(s.Description, prior.description),
    retention_days: s.RetentionDays > 0 || (prior.retention_days ?? null) !== null ? s.RetentionDays : null,
    instant_access: prior.instant_access ?? null,
    instant_access_retention_days: prior.instant_access_retention_days ?? null,
    resource_group_id: s.ResourceGroupId,
    force: prior.force ?? null,
    tags: tagsForState(Object.fromEntries(s.Tags.Tag.map((t) => [t.TagKey, t.TagValue])), prior.tags),
    status: s.Status,
    region_id: s.RegionId,
    create_time: s.CreationTime,
  };
}
