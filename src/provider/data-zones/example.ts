/**
 * The documentation example of the `alicloud_zones` data source (also written to
 * examples/data-sources/alicloud_zones/ by `npm run docs`); runs as is against the local emulator.
 */
export const ZONES_EXAMPLE = `data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
  available_disk_category     = "cloud_essd"
}

output "first_zone_id" {
  value = data.alicloud_zones.default.zones[0].id
}
`;
