# A VPC can be imported using its id.
terraform import alicloud_vpc.default vpc-default-1234567890123456
