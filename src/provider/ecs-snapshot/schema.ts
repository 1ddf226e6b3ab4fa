/**
 * Schema of `alicloud_ecs_snapshot` (and its older twin `alicloud_snapshot`): a user snapshot of
 * an ECS disk. Argument names follow the official provider (`snapshot_name` with the deprecated
 * alias `name`), so its HCL works unchanged.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { createSnapshotSpec, snapshotNameParam } from '../../spec/ecs/snapshots.js';
import { descriptionParam } from '../../spec/ecs/images.js';
import { specField, stringRules, tagsAttribute } from '../common/index.js';
import { tagsParam } from '../../spec/ecs/images.js';

const nameRules = stringRules(snapshotNameParam);
const retention = specField(createSnapshotSpec.params, 'RetentionDays');

export const ecsSnapshotSchema = defineSchema({
  description: 'A snapshot of an ECS disk: a point-in-time copy that images and new disks can be made from.',
  timeouts: { create: '5m', update: '5m', delete: '5m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Snapshot id (`s-...`).' }),
    disk_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Disk to snapshot: attached to an instance, or attached once before.',
      meta: { ecs: 'DiskId' },
    }),
    category: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf('standard', 'flash')],
      description: 'Snapshot category (deprecated by ECS; `flash` was instant access). If not set, `standard`.',
      meta: { ecs: 'Category' },
    }),
    snapshot_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: nameRules,
      description: 'Name of the snapshot.',
      meta: { ecs: 'SnapshotName' },
    }),
    name: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Field `name` has been deprecated from provider version 1.120.0. New field `snapshot_name` instead.',
      conflictsWith: ['snapshot_name'],
      validators: nameRules,
      description: 'Alias of `snapshot_name`.',
    }),
    description: attr.string({
      optional: true,
      validators: [v.length(0, 256), ...stringRules({ ...descriptionParam, minLength: undefined, maxLength: undefined })],
      description: 'Description of the snapshot.',
      meta: { ecs: 'Description' },
    }),
    retention_days: attr.int({
      optional: true,
      validators: [v.range(retention.min!, retention.max!)],
      description: 'Days until the snapshot is released automatically; it can only be extended. If not set, it is kept until deleted.',
      meta: { ecs: 'RetentionDays' },
    }),
    instant_access: attr.bool({
      optional: true,
      deprecated: 'Field `instant_access` has been deprecated from provider version 1.231.0.',
      description: 'Sent to CreateSnapshot as `InstantAccess`; ECS ignores it since the feature was retired.',
      meta: { ecs: 'InstantAccess' },
    }),
    instant_access_retention_days: attr.int({
      optional: true,
      deprecated: 'Field `instant_access_retention_days` has been deprecated from provider version 1.231.0.',
      description: 'Sent to CreateSnapshot as `InstantAccessRetentionDays`; ECS ignores it since the feature was retired.',
      meta: { ecs: 'InstantAccessRetentionDays' },
    }),
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description: 'Resource group of the snapshot. If not set, the account default group. Changing it moves the snapshot.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    force: attr.bool({
      optional: true,
      description: 'Delete the snapshot even when disks were created from it (DeleteSnapshot `Force`). Never read back.',
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the snapshot.'),
    status: attr.string({ computed: true, description: 'Snapshot status (`accomplished` once created).' }),
    region_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Region of the snapshot.' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time (ISO 8601).' }),
  },
});

export type EcsSnapshotState = StateOf<typeof ecsSnapshotSchema>;
