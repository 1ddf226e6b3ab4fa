# An existing alicloud_instance can be imported using its id.
terraform import alicloud_instance.default i-running-1234567890123456
