/**
 * The single declaration of `alicloud_image_share_permission`: one (image, account) share of a
 * custom image of the provider's region. Both arguments replace the share when changed, as upstream.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';

export const imageSharePermissionSchema = defineSchema({
  description:
    'Shares a custom image with another Alibaba Cloud account (ModifyImageSharePermission). The account then sees the image with the owner alias `others` in the same region and can launch instances from it, but cannot change or delete it. Destroying the resource stops sharing.',
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'The share, as `<image_id>:<account_id>`.' }),
    image_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      meta: { ecs: 'ImageId' },
      description: "ID of an own custom image in the provider's region.",
    }),
    account_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.pattern(/^[0-9]+$/, 'an Alibaba Cloud account id (digits only)')],
      meta: { ecs: 'AddAccount.N' },
      description: 'ID of the Alibaba Cloud account to share the image with (digits only; not the image owner).',
    }),
  },
});

export type ImageSharePermissionState = StateOf<typeof imageSharePermissionSchema>;
