/** The documentation example of `alicloud_image_share_permission`: the image of the `alicloud_image` example, shared with another account. */
import { IMAGE_EXAMPLE } from '../image/example.js';

export const IMAGE_SHARE_EXAMPLE = `${IMAGE_EXAMPLE}
variable "other_account_id" {
  description = "The Alibaba Cloud account to share the image with (the emulator's second account by default)."
  default     = "2234567890123456"
}

resource "alicloud_image_share_permission" "default" {
  image_id   = alicloud_image.default.id
  account_id = var.other_account_id
}
`;
