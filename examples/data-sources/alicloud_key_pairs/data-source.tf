data "alicloud_key_pairs" "default" {
  name_regex = "^terraform-"
}

output "first_key_pair" {
  value = data.alicloud_key_pairs.default.names
}
