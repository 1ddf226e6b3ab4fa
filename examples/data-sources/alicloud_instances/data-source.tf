data "alicloud_instances" "running" {
  status     = "Running"
  name_regex = "^web-"
}

output "first_instance_id" {
  value = data.alicloud_instances.running.instances.0.id
}
