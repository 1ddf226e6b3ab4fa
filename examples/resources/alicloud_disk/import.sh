# An existing alicloud_disk can be imported using its id.
terraform import alicloud_disk.default d-running-data-1234567890123456
