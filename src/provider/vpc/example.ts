/**
 * The documentation example of `alicloud_vpc` (also written to examples/resources/alicloud_vpc/
 * by `npm run docs`). Self-contained, so it runs as is against the local emulator; the import id
 * is the emulator's seeded default VPC.
 */
export const VPC_EXAMPLE = `resource "alicloud_vpc" "default" {
  vpc_name    = "terraform-example"
  cidr_block  = "172.16.0.0/12"
  description = "terraform-example"
  tags = {
    Created = "terraform"
  }
}
`;

/** The id shown in the Import section. */
export const VPC_IMPORT_ID = 'vpc-default-1234567890123456';

/** examples/resources/alicloud_vpc/import.sh */
export const VPC_IMPORT_SH = `# A VPC can be imported using its id.
terraform import alicloud_vpc.default ${VPC_IMPORT_ID}
`;
