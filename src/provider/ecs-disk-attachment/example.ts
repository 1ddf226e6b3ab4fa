import { INSTANCE_PREREQUISITES } from '../instance/example.js';

/** The documentation examples of the disk resources: a network, an instance and a data disk in its zone, then what each type adds. */

/** What every disk example builds on: an instance and an ESSD data disk (`alicloud_ecs_disk.default`) in the instance's zone. */
export const DISK_ATTACHMENT_BASE = `${INSTANCE_PREREQUISITES}
resource "alicloud_instance" "default" {
  instance_name        = "terraform-example"
  availability_zone    = data.alicloud_zones.default.zones[0].id
  image_id             = data.alicloud_images.default.ids[0]
  instance_type        = data.alicloud_instance_types.default.ids[0]
  security_groups      = [alicloud_security_group.default.id]
  vswitch_id           = alicloud_vswitch.default.id
  system_disk_category = "cloud_essd"
}

resource "alicloud_ecs_disk" "default" {
  zone_id   = data.alicloud_zones.default.zones[0].id
  disk_name = "terraform-example"
  category  = "cloud_essd"
  size      = 20
}
`;

/** The example for `typeName` (`alicloud_ecs_disk_attachment` or `alicloud_disk_attachment`). */
export const diskAttachmentExample = (typeName: string) => `${DISK_ATTACHMENT_BASE}
resource "${typeName}" "default" {
  disk_id     = alicloud_ecs_disk.default.id
  instance_id = alicloud_instance.default.id
}
`;
