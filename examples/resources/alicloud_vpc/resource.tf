resource "alicloud_vpc" "default" {
  vpc_name    = "terraform-example"
  cidr_block  = "172.16.0.0/12"
  description = "terraform-example"
  tags = {
    Created = "terraform"
  }
}
