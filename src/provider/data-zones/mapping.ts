/** Pure request building, filtering and mapping for `alicloud_zones`. */
import type { AvailableResourceFilter, Zone, ZoneFilter as DescribeZonesFilter } from '../../ecs/index.js';
import type { ZoneResult } from './schema.js';

/** The zone-level filters of the configuration. */
export interface ZoneConfig {
  instance_charge_type?: string | null;
  spot_strategy?: string | null;
  network_type?: string | null;
}

/** DescribeAvailableResource (Zone): the zones with stock under the charge, spot and network filters. */
export function availableZonesInput(c: ZoneConfig): AvailableResourceFilter {
  return {
    DestinationResource: 'Zone',
    IoOptimized: 'optimized',
    InstanceChargeType: (c.instance_charge_type ?? undefined) as AvailableResourceFilter['InstanceChargeType'],
    SpotStrategy: (c.spot_strategy ?? undefined) as AvailableResourceFilter['SpotStrategy'],
    NetworkCategory: c.network_type ? (c.network_type.toLowerCase() as AvailableResourceFilter['NetworkCategory']) : undefined,
  };
}

/** DescribeZones: charge type and spot strategy decide the instance types listed per zone. */
export function describeZonesInput(c: ZoneConfig): DescribeZonesFilter {
  return {
    InstanceChargeType: (c.instance_charge_type ?? undefined) as DescribeZonesFilter['InstanceChargeType'],
    SpotStrategy: (c.spot_strategy ?? undefined) as DescribeZonesFilter['SpotStrategy'],
  };
}

export interface ZoneFilter {
  available_resource_creation?: string | null;
  available_instance_type?: string | null;
  available_disk_category?: string | null;
  multi?: boolean | null;
}

/**
 * Zones passing every given filter, in the order ECS listed them: with `available` (the zone ids
 * DescribeAvailableResource has stock in) only those, and never a zone with no instance type or disk
 * category (as the official provider).
 */
export function filterZones(zones: readonly Zone[], f: ZoneFilter, available?: ReadonlySet<string>): Zone[] {
  if (f.multi) return [];
  const disk = f.available_disk_category;
  return zones.filter(
    (z) =>
      (available === undefined || available.has(z.ZoneId)) &&
      z.AvailableInstanceTypes.length > 0 &&
      z.AvailableDiskCategories.length > 0 &&
      (!f.available_resource_creation || z.AvailableResourceCreation.includes(f.available_resource_creation)) &&
      (!f.available_instance_type || z.AvailableInstanceTypes.includes(f.available_instance_type)) &&
      (!disk || disk === 'all' || z.AvailableDiskCategories.includes(disk)),
  );
}

/** A stable id for a data source result: the hash of its ids (like the official provider). */
export function toZoneResults(zones: readonly Zone[]): ZoneResult[] {
  return zones.map((z) => ({
    id: z.ZoneId,
    local_name: z.LocalName,
    available_instance_types: [...z.AvailableInstanceTypes],
    available_resource_creation: [...z.AvailableResourceCreation],
    available_disk_categories: [...z.AvailableDiskCategories],
    multi_zone_ids: [],
    slb_slave_zone_ids: [],
  }));
}
