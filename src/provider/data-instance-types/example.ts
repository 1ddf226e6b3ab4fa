/**
 * The documentation example of the `alicloud_instance_types` data source (also written to
 * examples/data-sources/alicloud_instance_types/ by `npm run docs`); runs as is against the
 * local emulator.
 */
export const INSTANCE_TYPES_EXAMPLE = `data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.g6"
  cpu_core_count       = 2
  memory_size          = 8
}

output "first_instance_type" {
  value = data.alicloud_instance_types.default.ids[0]
}
`;
