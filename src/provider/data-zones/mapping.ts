/** Pure filtering and mapping for `alicloud_zones`. */
import type { Zone } from '../../ecs/index.js';
import type { ZoneResult } from './schema.js';

export interface ZoneFilter {
  available_resource_creation?: string | null;
  available_instance_type?: string | null;
  available_disk_category?: string | null;
  multi?: boolean | null;
}

/** Zones passing every given filter, in the order ECS listed them. */
export function filterZones(zones: readonly Zone[], f: ZoneFilter): Zone[] {
  if (f.multi) return [];
  return zones.filter(
    (z) =>
      (!f.available_resource_creation || z.AvailableResourceCreation.includes(f.available_resource_creation)) &&
      (!f.available_instance_type || z.AvailableInstanceTypes.includes(f.available_instance_type)) &&
      (!f.available_disk_category || z.AvailableDiskCategories.includes(f.available_disk_category)),
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
