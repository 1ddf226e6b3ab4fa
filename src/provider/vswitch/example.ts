/** The documentation example of `alicloud_vswitch`: self-contained (the VPC and the zone come from the same file). */
export const VSWITCH_EXAMPLE = `data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
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
  description  = "terraform-example"
}
`;
