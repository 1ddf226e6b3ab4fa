/**
 * Schema of `alicloud_ecs_disk_attachment` (and its older twin `alicloud_disk_attachment`): a
 * data disk attached to an instance. Its id is `<disk_id>:<instance_id>`.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';

export const ecsDiskAttachmentSchema = defineSchema({
  description: 'Attaches an ECS data disk to an instance of the same zone.',
  timeouts: { create: '10m', delete: '10m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Attachment id, `<disk_id>:<instance_id>`.' }),
    disk_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Disk to attach (Available).',
      meta: { ecs: 'DiskId' },
    }),
    instance_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Instance to attach the disk to (Running or Stopped).',
      meta: { ecs: 'InstanceId' },
    }),
    delete_with_instance: attr.bool({
      optional: true,
      default: false,
      description: 'Release the disk together with the instance; a change applies in place (ModifyDiskAttribute).',
      meta: { ecs: 'DeleteWithInstance' },
    }),
    bootable: attr.bool({
      optional: true,
      default: false,
      requiresReplace: true,
      description: 'Attach the disk as the system disk (the instance must be Stopped and have none).',
      meta: { ecs: 'Bootable' },
    }),
    key_pair_name: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Key pair for a disk attached as the system disk of a Linux instance. Never read back.',
      meta: { ecs: 'KeyPairName' },
    }),
    password: attr.string({
      optional: true,
      sensitive: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Login password for a disk attached as the system disk. Never read back.',
      meta: { ecs: 'Password' },
    }),
    device: attr.string({ computed: true, description: 'Device name of the disk in the instance (`/dev/xvdb`...).' }),
  },
});

export type EcsDiskAttachmentState = StateOf<typeof ecsDiskAttachmentSchema>;
