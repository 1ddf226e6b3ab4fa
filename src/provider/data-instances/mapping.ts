/** Pure request building and mapping for `alicloud_instances`. */
import type { DescribeInstancesFilter, Disk, Instance } from '../../ecs/index.js';
import type { InstancesDataConfig } from './schema.js';

type Config = Partial<InstancesDataConfig>;

/** The DescribeInstances filters; `Creating` (the official provider's name) is the `Pending` ECS reports. */
export function describeInstancesFilter(c: Config): Omit<DescribeInstancesFilter, 'PageNumber' | 'PageSize'> {
  const status = c.status === 'Creating' ? 'Pending' : c.status;
  return {
    InstanceIds: c.ids && c.ids.length > 0 ? c.ids : undefined,
    InstanceName: c.instance_name ?? undefined,
    ImageId: c.image_id ?? undefined,
    ResourceGroupId: c.resource_group_id ?? undefined,
    Status: (status ?? undefined) as DescribeInstancesFilter['Status'],
    VpcId: c.vpc_id ?? undefined,
    VSwitchId: c.vswitch_id ?? undefined,
    ZoneId: c.availability_zone ?? undefined,
    Tag: Object.entries(c.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
  };
}

/** One `disk_device_mappings` entry of an instance. */
export function toDiskMapping(d: Disk) {
  return { device: d.Device, size: d.Size, category: d.Category, type: d.Type, disk_id: d.DiskId, disk_name: d.DiskName };
}

/** Details read with `enable_details`: role name and disks by instance id. */
export interface InstanceDetails {
  roles: ReadonlyMap<string, string>;
  disks: ReadonlyMap<string, readonly Disk[]>;
}

/** One `instances` entry; `ram_role_name` and `disk_device_mappings` are empty without details. */
export function toInstanceResult(i: Instance, details?: InstanceDetails) {
  return {
    id: i.InstanceId,
    region_id: i.RegionId,
    availability_zone: i.ZoneId,
    resource_group_id: i.ResourceGroupId,
    status: i.Status,
    name: i.InstanceName,
    description: i.Description,
    instance_type: i.InstanceType,
    vpc_id: i.VpcAttributes.VpcId,
    vswitch_id: i.VpcAttributes.VSwitchId,
    image_id: i.ImageId,
    private_ip: i.VpcAttributes.PrivateIpAddress.IpAddress[0] ?? i.InnerIpAddress.IpAddress[0] ?? '',
    public_ip: i.PublicIpAddress.IpAddress[0] ?? i.EipAddress.IpAddress,
    eip: i.EipAddress.IpAddress,
    security_groups: i.SecurityGroupIds.SecurityGroupId,
    key_name: i.KeyPairName,
    creation_time: i.CreationTime,
    instance_charge_type: i.InstanceChargeType,
    internet_charge_type: i.InternetChargeType,
    internet_max_bandwidth_out: i.InternetMaxBandwidthOut,
    spot_strategy: i.SpotStrategy,
    ram_role_name: details?.roles.get(i.InstanceId) ?? '',
    disk_device_mappings: (details?.disks.get(i.InstanceId) ?? []).map(toDiskMapping),
    tags: Object.fromEntries(i.Tags.Tag.map((t) => [t.TagKey, t.TagValue])),
  };
}
