/** The documentation example of `alicloud_vpc`: self-contained, so it runs as is against the emulator and the cloud. */
export const VPC_EXAMPLE = `resource "alicloud_vpc" "default" {
  vpc_name    = "terraform-example"
  cidr_block  = "172.16.0.0/12"
  description = "terraform-example"
  tags = {
    Created = "terraform"
  }
}
`;
