data "alicloud_instances" "running" {
  status     = "Running"
  name_regex = "^web-"
}

output "running_instance_ids" {
  value = data.alicloud_instances.running.ids
}
