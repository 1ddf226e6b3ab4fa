# The golden-image pipeline, in HCL: bring a disk image in from OSS, copy the
# image to the regions you run in, share it with your other accounts, and
# export it back to OSS. Plain HCL for the official provider's arguments; the
# default provider's region (cn-hangzhou here) is where the image is built.
#
# src/acceptance/example-pipeline.test.ts applies this file as it is against the
# emulator (adding only endpoints for the provider blocks), re-plans and destroys it.

variable "source_bucket" {
  description = "OSS bucket (in the provider region) holding the disk image file."
  type        = string
  default     = "my-image-bucket"
}

variable "share_with" {
  description = "Account ids the golden image is shared with."
  type        = set(string)
  default     = ["1234567890123457"]
}

# 1. Build: import the golden image from a qcow2 file in OSS.
resource "alicloud_image_import" "golden" {
  image_name  = "golden-ubuntu"
  description = "Golden image built from OSS"
  platform    = "Ubuntu"

  disk_device_mapping {
    oss_bucket      = var.source_bucket
    oss_object      = "images/ubuntu-22.04.qcow2"
    format          = "qcow2"
    disk_image_size = 40
  }
}

# 2. Copy to regions: CopyImage runs in the destination region, so each copy
#    uses a provider alias for its region and names the source region.
provider "alicloud" {
  alias  = "beijing"
  region = "cn-beijing"
}

provider "alicloud" {
  alias  = "shanghai"
  region = "cn-shanghai"
}

resource "alicloud_image_copy" "beijing" {
  provider         = alicloud.beijing
  source_image_id  = alicloud_image_import.golden.id
  source_region_id = "cn-hangzhou"
  image_name       = "golden-ubuntu-beijing"
}

resource "alicloud_image_copy" "shanghai" {
  provider         = alicloud.shanghai
  source_image_id  = alicloud_image_import.golden.id
  source_region_id = "cn-hangzhou"
  image_name       = "golden-ubuntu-shanghai"
}

# 3. Share: the other accounts can launch instances from the golden image.
resource "alicloud_image_share_permission" "accounts" {
  for_each   = var.share_with
  image_id   = alicloud_image_import.golden.id
  account_id = each.key
}

# 4. Export: write the golden image back to OSS as <prefix>_<image id>_system.raw.tar.gz.
resource "alicloud_image_export" "archive" {
  image_id   = alicloud_image_import.golden.id
  oss_bucket = var.source_bucket
  oss_prefix = "archive"
}

output "golden_image_id" {
  value = alicloud_image_import.golden.id
}

output "exported_object" {
  value = "${alicloud_image_export.archive.oss_prefix}_${alicloud_image_export.archive.image_id}_system.raw.tar.gz"
}
