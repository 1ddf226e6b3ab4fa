data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_disk" "default" {
  zone_id     = data.alicloud_zones.default.zones[0].id
  disk_name   = "terraform-example"
  description = "terraform-example"
  category    = "cloud_essd"
  size        = 30
  tags = {
    Created = "terraform"
  }
}
