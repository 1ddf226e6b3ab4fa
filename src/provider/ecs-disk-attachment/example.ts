/** The documentation examples of the disk resources: a network, an instance and a data disk in its zone, then what each type adds. */

/** What every disk example builds on: an instance and an ESSD data disk (`alicloud_ecs_disk.default`) in the instance's zone. */
export const DISK_ATTACHMENT_BASE = `data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

data "alicloud_images" "default" {
  name_regex  = "^ubuntu_[0-9]+_[0-9]+_x64*"
  owners      = "system"
  most_recent = true
}

data "alicloud_instance_types" "default" {
  availability_zone    = data.alicloud_zones.default.zones[0].id
  instance_type_family = "ecs.sn1ne"
}

resource "alicloud_vpc" "default" {
  vpc_name   = "terraform-example"
  cidr_block = "172.17.0.0/16"
}

resource "alicloud_vswitch" "default" {
  vswitch_name = "terraform-example"
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "172.17.3.0/24"
  zone_id      = data.alicloud_zones.default.zones[0].id
}

resource "alicloud_security_group" "default" {
  security_group_name = "terraform-example"
  vpc_id              = alicloud_vpc.default.id
}

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
