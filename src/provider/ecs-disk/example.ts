/** The documentation example of `alicloud_ecs_disk` (and `alicloud_disk`): a pay-as-you-go ESSD data disk. */
export const diskExample = (typeName: string) => `data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}

resource "${typeName}" "default" {
  zone_id     = data.alicloud_zones.default.zones[0].id
  disk_name   = "terraform-example"
  description = "terraform-example"
  category    = "cloud_essd"
  size        = 30
  tags = {
    Created = "terraform"
  }
}
`;
