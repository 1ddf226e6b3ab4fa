# An existing alicloud_security_group_rule can be imported using its id.
terraform import alicloud_security_group_rule.default sg-default-1234567890123456:ingress:tcp:22/22:intranet:10.0.0.0/8:accept:1
