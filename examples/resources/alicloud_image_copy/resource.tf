data "alicloud_zones" "default" {
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
  instance_name              = "terraform-example"
  availability_zone          = data.alicloud_zones.default.zones[0].id
  image_id                   = data.alicloud_images.default.ids[0]
  instance_type              = data.alicloud_instance_types.default.ids[0]
  security_groups            = [alicloud_security_group.default.id]
  vswitch_id                 = alicloud_vswitch.default.id
  internet_max_bandwidth_out = 10
  tags = {
    Created = "terraform"
  }
}

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
