# An existing alicloud_vpc can be imported using its id.
terraform import alicloud_vpc.default vpc-default-1234567890123456
