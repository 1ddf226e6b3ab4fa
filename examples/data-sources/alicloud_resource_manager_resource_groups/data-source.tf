data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "^default$"
  status     = "OK"
}

output "resource_group_id" {
  value = data.alicloud_resource_manager_resource_groups.default.ids[0]
}
