data "alicloud_vpcs" "default" {
  name_regex = "^default$"
  is_default = true
}

output "default_vpc_id" {
  value = data.alicloud_vpcs.default.ids[0]
}
