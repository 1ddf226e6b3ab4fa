/** The documentation example of `alicloud_security_group`: self-contained (its VPC is in the same file). */
export const SECURITY_GROUP_EXAMPLE = `resource "alicloud_vpc" "default" {
  vpc_name   = "terraform-example"
  cidr_block = "172.17.0.0/16"
}

resource "alicloud_security_group" "default" {
  security_group_name = "terraform-example"
  vpc_id              = alicloud_vpc.default.id
  description         = "terraform-example"
  inner_access_policy = "Accept"
  tags = {
    Created = "terraform"
  }
}
`;
