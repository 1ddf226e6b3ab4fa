/**
 * The documentation example of the `alicloud_resource_manager_resource_groups` data source (also
 * written to examples/data-sources/alicloud_resource_manager_resource_groups/ by `npm run docs`);
 * runs as is against the local emulator (its seeded groups are default, dev and prod).
 */
export const RESOURCE_GROUPS_EXAMPLE = `data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "^default$"
  status     = "OK"
}

output "resource_group_id" {
  value = data.alicloud_resource_manager_resource_groups.default.ids[0]
}
`;
