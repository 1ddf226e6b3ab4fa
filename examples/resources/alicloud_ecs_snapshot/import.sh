# An existing alicloud_ecs_snapshot can be imported using its id.
terraform import alicloud_ecs_snapshot.default s-running-data-1234567890123456
