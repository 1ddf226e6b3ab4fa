/** The documentation example of `alicloud_security_group_rule`: SSH from one network into a group of the default VPC. */
export const SECURITY_GROUP_RULE_EXAMPLE = `resource "alicloud_security_group" "default" {
  security_group_name = "terraform-example"
}

resource "alicloud_security_group_rule" "default" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "22/22"
  priority          = 1
  security_group_id = alicloud_security_group.default.id
  cidr_ip           = "10.0.0.0/8"
  description       = "ssh from the office network"
}
`;
