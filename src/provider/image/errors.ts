/** Which `alicloud_image` attribute an ECS error code is about (for attribute-pathed diagnostics). */
const PREFIXES: readonly [string, string][] = [
  ['InvalidImageName', 'image_name'],
  ['InvalidDescription', 'description'],
  ['InvalidImageFamily', 'image_family'],
  ['InvalidImageVersion', 'image_version'],
  ['InvalidPlatform', 'platform'],
  ['InvalidArchitecture', 'architecture'],
  ['InvalidBootMode', 'boot_mode'],
  ['InvalidInstanceId', 'instance_id'],
  ['IncorrectInstanceStatus', 'instance_id'],
  ['InstanceLockedForSecurity', 'instance_id'],
  ['InvalidSnapshot', 'snapshot_id'],
  ['InvalidSystemSnapshot', 'snapshot_id'],
  ['InvalidDevice', 'disk_device_mapping'],
  ['InvalidSize', 'disk_device_mapping'],
  ['InvalidDiskType', 'disk_device_mapping'],
  ['InvalidResourceGroup', 'resource_group_id'],
  ['InvalidTag', 'tags'],
  ['Duplicate.TagKey', 'tags'],
  ['NumberExceed.Tags', 'tags'],
  ['ImageUsingByInstance', 'force'],
];

export function attributeForCode(code: string): string | undefined {
  return PREFIXES.find(([p]) => code.startsWith(p))?.[1];
}
