# An existing alicloud_ecs_hpc_cluster can be imported using its id.
terraform import alicloud_ecs_hpc_cluster.default hpc-default-1234567890123456
