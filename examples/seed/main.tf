# The example of the alicloud_image documentation, in HCL: a VPC, a vSwitch, a
# security group and an instance built from data sources, then a custom image
# of that instance. It is plain HCL for the official provider: nothing here
# knows whether it talks to Alibaba Cloud or to the local emulator (the
# provider block decides; `npm start` adds an override pointing at the emulator).

resource "alicloud_vpc" "default" {
  cidr_block = "172.17.3.0/24"
  vpc_name   = "terraform-example"
}

data "alicloud_images" "default" {
  name_regex = "^ubuntu_[0-9]+_[0-9]+_x64*"
  owners     = "system"
}

data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.sn1ne"
}

data "alicloud_resource_manager_resource_groups" "default" {}

data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

resource "alicloud_security_group" "default" {
  name   = "terraform-example"
  vpc_id = alicloud_vpc.default.id
}

resource "alicloud_vswitch" "default" {
  cidr_block   = "172.17.3.0/24"
  vpc_id       = alicloud_vpc.default.id
  vswitch_name = "terraform-example"
  zone_id      = data.alicloud_zones.default.zones[0].id
}

resource "alicloud_instance" "default" {
  availability_zone          = data.alicloud_zones.default.zones[0].id
  image_id                   = data.alicloud_images.default.ids[0]
  instance_name              = "terraform-example"
  instance_type              = data.alicloud_instance_types.default.ids[0]
  internet_max_bandwidth_out = 10
  security_groups            = [alicloud_security_group.default.id]
  vswitch_id                 = alicloud_vswitch.default.id
}

resource "alicloud_image" "default" {
  architecture      = "x86_64"
  description       = "terraform-example"
  image_name        = "terraform-example"
  instance_id       = alicloud_instance.default.id
  platform          = "CentOS"
  resource_group_id = data.alicloud_resource_manager_resource_groups.default.ids[0]
  tags = {
    FinanceDept = "FinanceDeptJoshua"
  }
}

output "image_id" {
  value = alicloud_image.default.id
}

output "image_status" {
  value = alicloud_image.default.status
}
