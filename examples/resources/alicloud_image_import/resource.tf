resource "alicloud_image_import" "default" {
  image_name   = "imported-ubuntu"
  description  = "Ubuntu imported from OSS"
  architecture = "x86_64"
  os_type      = "linux"
  platform     = "Ubuntu"
  license_type = "Auto"

  disk_device_mapping {
    oss_bucket      = "my-image-bucket"
    oss_object      = "images/ubuntu-22.04.qcow2"
    format          = "qcow2"
    disk_image_size = 40
  }
}
