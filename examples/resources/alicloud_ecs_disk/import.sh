# An existing alicloud_ecs_disk can be imported using its id.
terraform import alicloud_ecs_disk.default d-running-data-1234567890123456
