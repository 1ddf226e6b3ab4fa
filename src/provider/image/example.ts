/**
 * The documentation example of `alicloud_image` (also written to
 * examples/resources/alicloud_image/ by `npm run docs`). The ids are the local emulator's
 * seeded instance and resource group, so the example runs as is against it.
 */
export const IMAGE_EXAMPLE = `# Image a Running or Stopped instance (here: the emulator's seeded instance).
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
`;

/** The id shown in the Import section. */
export const IMAGE_IMPORT_ID = 'm-bp1g6zv0ce8oghu7k0zf';

/** examples/resources/alicloud_image/import.sh */
export const IMAGE_IMPORT_SH = `# An image can be imported using its id.
terraform import alicloud_image.default ${IMAGE_IMPORT_ID}
`;
