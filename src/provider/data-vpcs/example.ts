/** The documentation example of the `alicloud_vpcs` data source; runs as is against the emulator (its default VPC is named `default`). */
export const VPCS_EXAMPLE = `data "alicloud_vpcs" "default" {
  name_regex = "^default$"
  is_default = true
}

output "default_vpc_id" {
  value = data.alicloud_vpcs.default.ids[0]
}
`;
