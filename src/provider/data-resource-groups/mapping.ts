/** Pure filtering and mapping for `alicloud_resource_manager_resource_groups`. */
import type { ResourceGroup, ResourceGroupRegionStatus } from '../../ecs/index.js';
import type { ResourceGroupResult } from './schema.js';

/** Groups matching the id list and name regex, default group first (as the console lists them). */
export function selectGroups(
  groups: readonly ResourceGroup[],
  f: { ids?: readonly string[] | null; name_regex?: string | null; status?: string | null },
): ResourceGroup[] {
  const re = f.name_regex ? new RegExp(f.name_regex) : undefined;
  return groups.filter(
    (g) => (!f.ids || f.ids.length === 0 || f.ids.includes(g.Id)) && (!re || re.test(g.Name)) && (!f.status || g.Status === f.status),
  );
}

/** Result entries; `regions` (by group id, read with `enable_details`) fills `region_statuses`. */
export function toGroupResults(
  groups: readonly ResourceGroup[],
  regions?: ReadonlyMap<string, readonly ResourceGroupRegionStatus[]>,
): ResourceGroupResult[] {
  return groups.map((g) => ({
    id: g.Id,
    resource_group_name: g.Name,
    name: g.Name,
    display_name: g.DisplayName,
    status: g.Status,
    account_id: g.AccountId,
    region_statuses: (regions?.get(g.Id) ?? []).map((r) => ({ region_id: r.RegionId, status: r.Status })),
  }));
}
