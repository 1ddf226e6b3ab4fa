# An existing alicloud_snapshot can be imported using its id.
terraform import alicloud_snapshot.default s-running-data-1234567890123456
