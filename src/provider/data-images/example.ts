/**
 * The documentation example of the `alicloud_images` data source (also written to
 * examples/data-sources/alicloud_images/ by `npm run docs`); runs as is against the local
 * emulator (its seeded public Ubuntu images match).
 */
export const IMAGES_EXAMPLE = `data "alicloud_images" "default" {
  name_regex  = "^ubuntu_[0-9]+_[0-9]+_x64*"
  owners      = "system"
  most_recent = true
}

output "image_id" {
  value = data.alicloud_images.default.ids[0]
}
`;
