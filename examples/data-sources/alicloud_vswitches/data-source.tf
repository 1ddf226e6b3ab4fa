data "alicloud_vpcs" "default" {
  is_default = true
}

data "alicloud_vswitches" "default" {
  vpc_id = data.alicloud_vpcs.default.ids[0]
}

output "first_vswitch_id" {
  value = data.alicloud_vswitches.default.ids[0]
}
