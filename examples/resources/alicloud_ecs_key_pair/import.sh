# An existing alicloud_ecs_key_pair can be imported using its id.
terraform import alicloud_ecs_key_pair.default ops-key
