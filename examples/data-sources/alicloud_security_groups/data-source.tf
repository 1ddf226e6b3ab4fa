data "alicloud_vpcs" "default" {
  is_default = true
}

data "alicloud_security_groups" "default" {
  vpc_id = data.alicloud_vpcs.default.ids[0]
}

output "security_group_ids" {
  value = data.alicloud_security_groups.default.ids
}
