# Image a Running or Stopped instance (here: the emulator's seeded instance).
resource "alicloud_image" "default" {
  instance_id       = "i-running-1234567890123456"
  image_name        = "terraform-example"
  description       = "terraform-example"
  architecture      = "x86_64"
  platform          = "CentOS"
  resource_group_id = "rg-default-1234567890123456"
  tags = {
    FinanceDept = "FinanceDeptJoshua"
  }
}

# Combine disk snapshots into one image.
resource "alicloud_image" "from_disks" {
  image_name = "terraform-example-disks"
  disk_device_mapping {
    snapshot_id = "s-running-system-1234567890123456"
    disk_type   = "system"
    device      = "/dev/xvda"
  }
  disk_device_mapping {
    snapshot_id = "s-running-data-1234567890123456"
    disk_type   = "data"
    device      = "/dev/xvdb"
  }
}
