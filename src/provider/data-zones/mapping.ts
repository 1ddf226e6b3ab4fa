/** Pure request building, filtering and mapping for `alicloud_zones`. */
import type { AvailableResourceFilter, SlbMasterZone, SlbZoneFilter, Zone, ZoneFilter as DescribeZonesFilter } from '../../ecs/index.js';
import { OFFICIAL_SLB_VPC, type ZoneResult } from './schema.js';

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

/** The arguments that make the read ask SLB for its zone pairs. */
export interface SlbZoneConfig {
  available_resource_creation?: string | null;
  available_slb_address_type?: string | null;
  available_slb_address_ip_version?: string | null;
}

/**
 * SLB DescribeAvailableResource's filters, or undefined when SLB is not asked: it is asked when
 * `available_resource_creation` is `Slb` (as the official provider) or when either
 * `available_slb_*` argument is set (the official provider ignores them otherwise; here they always
 * take effect).
 */
export function slbZonesInput(c: SlbZoneConfig): SlbZoneFilter | undefined {
  // `Vpc` is how the official provider spells it; the API's value is `vpc`.
  const type = c.available_slb_address_type === OFFICIAL_SLB_VPC ? 'vpc' : (c.available_slb_address_type ?? undefined);
  const version = c.available_slb_address_ip_version ?? undefined;
  if (c.available_resource_creation !== 'Slb' && type === undefined && version === undefined) return undefined;
  return {
    ...(type !== undefined ? { AddressType: type as SlbZoneFilter['AddressType'] } : {}),
    ...(version !== undefined ? { AddressIPVersion: version as SlbZoneFilter['AddressIPVersion'] } : {}),
  };
}

/** Master zone id -> its SLB slave zone ids. */
export type SlbSlaves = ReadonlyMap<string, readonly string[]>;

export function slbSlaves(masters: readonly SlbMasterZone[]): SlbSlaves {
  return new Map(masters.map((m) => [m.ZoneId, m.SlaveZoneIds]));
}

export interface ZoneFilter {
  available_resource_creation?: string | null;
  available_instance_type?: string | null;
  available_disk_category?: string | null;
  multi?: boolean | null;
}

/**
 * Zones passing every given filter, in the order ECS listed them: with `available` (the zone ids
 * DescribeAvailableResource has stock in) only those, with `slb` (SLB was asked) only its master
 * zones, and never a zone with no instance type or disk category (as the official provider). The
 * kind `Slb` is decided by `slb` alone; the other kinds by DescribeZones' `AvailableResourceCreation`.
 */
export function filterZones(zones: readonly Zone[], f: ZoneFilter, available?: ReadonlySet<string>, slb?: SlbSlaves): Zone[] {
  if (f.multi) return [];
  const disk = f.available_disk_category;
  const kind = f.available_resource_creation === 'Slb' && slb ? undefined : f.available_resource_creation;
  return zones.filter(
    (z) =>
      (available === undefined || available.has(z.ZoneId)) &&
      (slb === undefined || slb.has(z.ZoneId)) &&
      z.AvailableInstanceTypes.length > 0 &&
      z.AvailableDiskCategories.length > 0 &&
      (!kind || z.AvailableResourceCreation.includes(kind)) &&
      (!f.available_instance_type || z.AvailableInstanceTypes.includes(f.available_instance_type)) &&
      (!disk || disk === 'all' || z.AvailableDiskCategories.includes(disk)),
  );
}

/** The `zones` results; `slb_slave_zone_ids` from `slb` when SLB was asked, else empty. */
export function toZoneResults(zones: readonly Zone[], slb?: SlbSlaves): ZoneResult[] {
  return zones.map((z) => ({
    id: z.ZoneId,
    local_name: z.LocalName,
    available_instance_types: [...z.AvailableInstanceTypes],
    available_resource_creation: [...z.AvailableResourceCreation],
    available_disk_categories: [...z.AvailableDiskCategories],
    multi_zone_ids: [],
    slb_slave_zone_ids: [...(slb?.get(z.ZoneId) ?? [])],
  }));
}
