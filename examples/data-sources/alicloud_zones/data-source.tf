data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
  available_disk_category     = "cloud_essd"
}

output "first_zone_id" {
  value = data.alicloud_zones.default.zones[0].id
}
