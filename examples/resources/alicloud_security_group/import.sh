# An existing alicloud_security_group can be imported using its id.
terraform import alicloud_security_group.default sg-default-1234567890123456
