resource "alicloud_image_import" "golden" {
  image_name = "golden-for-export"
  platform   = "Ubuntu"

  disk_device_mapping {
    oss_bucket      = "my-image-bucket"
    oss_object      = "images/ubuntu-22.04.qcow2"
    format          = "qcow2"
    disk_image_size = 40
  }
}

resource "alicloud_image_export" "default" {
  image_id   = alicloud_image_import.golden.id
  oss_bucket = "my-image-bucket"
  oss_prefix = "golden"
}
