/**
 * Schema of `alicloud_image_export`: one export of a custom image to an OSS bucket (ExportImage).
 * Every argument replaces the export (official provider); there is nothing to update in place.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { exportImageSpec } from '../../spec/ecs/image-transfer.js';
import { specField, stringRules } from '../common/index.js';

const prefix = specField(exportImageSpec.params, 'OSSPrefix');

export const imageExportSchema = defineSchema({
  description:
    'Exports a custom image to an OSS bucket in the provider region (ExportImage) and waits until the export task is Finished. ' +
    'The object is `<oss_prefix>_<image_id>_system.raw.tar.gz`; destroying the resource deletes that object (the image stays).',
  timeouts: { create: '20m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'ID of the exported image (same as `image_id`).' }),
    image_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      meta: { ecs: 'ImageId' },
      description: 'ID of the Available custom image to export.',
    }),
    oss_bucket: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      meta: { ecs: 'OSSBucket' },
      description: 'OSS bucket to write to, in the provider region.',
    }),
    oss_prefix: attr.string({
      optional: true,
      requiresReplace: true,
      validators: stringRules(prefix, '1-30 letters and digits'),
      meta: { ecs: 'OSSPrefix' },
      description: 'Prefix of the object name: 1-30 letters and digits.',
    }),
  },
});

export type ImageExportState = StateOf<typeof imageExportSchema>;
