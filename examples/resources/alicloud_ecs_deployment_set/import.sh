# An existing alicloud_ecs_deployment_set can be imported using its id.
terraform import alicloud_ecs_deployment_set.default ds-default-1234567890123456
