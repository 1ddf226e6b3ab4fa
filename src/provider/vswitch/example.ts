/**
 * The documentation example of `alicloud_vswitch` (also written to
 * examples/resources/alicloud_vswitch/ by `npm run docs`). Self-contained: the VPC and the zone
 * come from the same file, so it runs as is against the local emulator.
 */
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

/** The id shown in the Import section. */
export const VSWITCH_IMPORT_ID = 'vsw-default-1234567890123456';

/** examples/resources/alicloud_vswitch/import.sh */
export const VSWITCH_IMPORT_SH = `# A vSwitch can be imported using its id.
terraform import alicloud_vswitch.default ${VSWITCH_IMPORT_ID}
`;
