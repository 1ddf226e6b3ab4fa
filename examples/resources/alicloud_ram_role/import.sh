# An existing alicloud_ram_role can be imported using its id.
terraform import alicloud_ram_role.default ecs-image-builder
