data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.g6"
  cpu_core_count       = 2
  memory_size          = 8
}

output "first_instance_type" {
  value = data.alicloud_instance_types.default.ids[0]
}
