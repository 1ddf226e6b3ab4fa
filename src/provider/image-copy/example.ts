/**
 * The documentation example of `alicloud_image_copy`: the image of the `alicloud_image` example,
 * copied with a second provider configuration whose region is the destination.
 */
import { IMAGE_EXAMPLE } from '../image/example.js';

export const IMAGE_COPY_EXAMPLE = `${IMAGE_EXAMPLE}
# The copy is made in the region of the provider configuration it uses.
resource "alicloud_image_copy" "default" {
  source_image_id  = alicloud_image.default.id
  source_region_id = "cn-hangzhou"
  image_name       = "terraform-example-copy"
  description      = "terraform-example"
  tags = {
    Created = "terraform"
  }
}
`;
