# An existing alicloud_key_pair can be imported using its id.
terraform import alicloud_key_pair.default ops-key
