/** The documentation example of the `alicloud_vswitches` data source; runs as is against the emulator (the default VPC has a default vSwitch). */
export const VSWITCHES_EXAMPLE = `data "alicloud_vpcs" "default" {
  is_default = true
}

data "alicloud_vswitches" "default" {
  vpc_id = data.alicloud_vpcs.default.ids[0]
}

output "first_vswitch_id" {
  value = data.alicloud_vswitches.default.ids[0]
}
`;
