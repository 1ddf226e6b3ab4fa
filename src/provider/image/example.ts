/**
 * The documentation example of `alicloud_image`: a custom image of the instance of the
 * `alicloud_instance` example (itself built from data sources: zone, public image, instance
 * type), in the account's default resource group, so it runs unchanged against Alibaba Cloud
 * and against the local emulator.
 */
import { INSTANCE_EXAMPLE } from '../instance/example.js';

export const IMAGE_EXAMPLE = `${INSTANCE_EXAMPLE}
data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "^default$"
}

# A custom image of the instance (Running or Stopped): every disk gets a snapshot.
resource "alicloud_image" "default" {
  instance_id       = alicloud_instance.default.id
  image_name        = "terraform-example"
  description       = "terraform-example"
  architecture      = "x86_64"
  platform          = "Ubuntu"
  resource_group_id = data.alicloud_resource_manager_resource_groups.default.ids[0]
  tags = {
    Created = "terraform"
  }
}
`;
