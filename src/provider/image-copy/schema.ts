/**
 * The single declaration of `alicloud_image_copy`: a copy of a custom image made in the provider's
 * region (the destination) from `source_region_id`. Argument names and flags follow the official
 * provider; format rules come from the CopyImage table (`src/spec/ecs/image-copy.ts`).
 */
import { attr, defineSchema, v, type ReplaceCheck, type StateOf } from '../../framework/index.js';
import { copyImageSpec } from '../../spec/ecs/image-copy.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { specField, stringRules, tagsAttribute } from '../common/index.js';

const params = copyImageSpec.params;
const nameRules = stringRules(specField(params, 'DestinationImageName'));

/** A changed source replaces the copy, except after import (the source is unknown to state): the config's value is adopted. */
const sourceChanged = ({ prior }: ReplaceCheck<string>) => prior !== null && prior !== undefined;

export const imageCopySchema = defineSchema({
  description:
    "Copies a custom image from `source_region_id` into the provider's region and waits until the copy is Available. " +
    'A copy that does not finish within the create timeout is cancelled (CancelCopyImage) and leaves nothing behind. ' +
    'CopyImage carries a ClientToken, so a retry after a lost answer finds the first copy instead of making a second one (the official provider sends none). ' +
    'Name, description and tags are updated in place; a new source or encryption setting makes a new copy.',
  timeouts: { create: '10m', delete: '10m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: "ID of the copy (`m-...`), in the provider's region." }),
    source_image_id: attr.string({
      required: true,
      requiresReplace: sourceChanged,
      validators: [v.nonEmpty()],
      meta: { ecs: 'ImageId' },
      description: 'ID of the custom image to copy: an own image, or one shared with this account (then only within its region).',
    }),
    source_region_id: attr.string({
      required: true,
      requiresReplace: sourceChanged,
      validators: [v.nonEmpty()],
      meta: { ecs: 'RegionId' },
      description: "Region of the source image. The copy is made in the provider's region.",
    }),
    image_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: nameRules,
      meta: { ecs: 'DestinationImageName' },
      description: 'Name of the copy, unique among the custom images of the destination region. If not set, ECS names it.',
    }),
    name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['image_name'],
      validators: nameRules,
      deprecated: "Attribute 'name' has been deprecated from version 1.69.0. Use `image_name` instead.",
      meta: { ecs: 'DestinationImageName' },
      description: 'Alias of `image_name`; always mirrors it.',
    }),
    description: attr.string({
      optional: true,
      validators: stringRules(specField(params, 'DestinationDescription')),
      meta: { ecs: 'DestinationDescription' },
      description: 'Description of the copy.',
    }),
    encrypted: attr.bool({
      optional: true,
      requiresReplace: true,
      meta: { ecs: 'Encrypted' },
      description: 'Encrypt the copy. Not read back from ECS (the configured value is kept).',
    }),
    kms_key_id: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      meta: { ecs: 'KMSKeyId' },
      description: 'KMS key that encrypts the copy. Not read back from ECS.',
    }),
    force: attr.bool({
      optional: true,
      default: false,
      description: 'Delete the copy even when instances use it or it is shared (DeleteImage `Force`). Never read back.',
    }),
    delete_auto_snapshot: attr.bool({
      optional: true,
      description: 'On destroy, also delete the snapshots the copy made in its region. Never read back.',
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the copy (set on CopyImage, then kept in sync).'),
  },
});

export type ImageCopyState = StateOf<typeof imageCopySchema>;
