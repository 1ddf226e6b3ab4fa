/**
 * The documentation example of `alicloud_security_group` (also written to
 * examples/resources/alicloud_security_group/ by `npm run docs`). Self-contained, so it runs as is
 * against the local emulator; the import id is the emulator's seeded default group.
 */
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

/** The id shown in the Import section. */
export const SECURITY_GROUP_IMPORT_ID = 'sg-default-1234567890123456';

/** examples/resources/alicloud_security_group/import.sh */
export const SECURITY_GROUP_IMPORT_SH = `# A security group can be imported using its id.
terraform import alicloud_security_group.default ${SECURITY_GROUP_IMPORT_ID}
`;
