# An existing alicloud_vswitch can be imported using its id.
terraform import alicloud_vswitch.default vsw-default-1234567890123456
