data "alicloud_images" "default" {
  name_regex  = "^ubuntu_[0-9]+_[0-9]+_x64*"
  owners      = "system"
  most_recent = true
}

output "image_id" {
  value = data.alicloud_images.default.ids[0]
}
