/** Pure filtering, sorting and mapping for `alicloud_instance_types`. */
import type { InstanceType, Zone } from '../../ecs/index.js';
import type { InstanceTypesConfig, InstanceTypeResult } from './schema.js';

export interface TypeWithZones extends InstanceType {
  zones: string[];
}

/** Attach the zones offering each type; drop types no (selected) zone offers. */
export function withZones(types: readonly InstanceType[], zones: readonly Zone[], zoneId: string | null | undefined): TypeWithZones[] {
  const picked = zoneId ? zones.filter((z) => z.ZoneId === zoneId) : zones;
  return types
    .map((t) => ({ ...t, zones: picked.filter((z) => z.AvailableInstanceTypes.includes(t.InstanceTypeId)).map((z) => z.ZoneId) }))
    .filter((t) => t.zones.length > 0);
}

/** Exact-match filters the API does not apply for us. */
export function filterTypes(types: readonly TypeWithZones[], c: Partial<InstanceTypesConfig>): TypeWithZones[] {
  return types.filter(
    (t) =>
      (c.instance_type == null || t.InstanceTypeId === c.instance_type) &&
      (c.cpu_core_count == null || t.CpuCoreCount === c.cpu_core_count) &&
      (c.memory_size == null || t.MemorySize === c.memory_size) &&
      (c.gpu_amount == null || t.GPUAmount === c.gpu_amount) &&
      (c.eni_amount == null || t.EniQuantity >= c.eni_amount),
  );
}

/** Smallest first: by vCPU then memory (or memory first with `Memory`), then id. */
export function sortTypes(types: readonly TypeWithZones[], sortedBy: string | null | undefined): TypeWithZones[] {
  const byCpu = (a: TypeWithZones, b: TypeWithZones) => a.CpuCoreCount - b.CpuCoreCount || a.MemorySize - b.MemorySize;
  const byMem = (a: TypeWithZones, b: TypeWithZones) => a.MemorySize - b.MemorySize || a.CpuCoreCount - b.CpuCoreCount;
  const primary = sortedBy === 'Memory' ? byMem : byCpu;
  return [...types].sort((a, b) => primary(a, b) || a.InstanceTypeId.localeCompare(b.InstanceTypeId));
}

export function toTypeResults(types: readonly TypeWithZones[]): InstanceTypeResult[] {
  return types.map((t) => ({
    id: t.InstanceTypeId,
    cpu_core_count: t.CpuCoreCount,
    memory_size: t.MemorySize,
    family: t.InstanceTypeFamily,
    eni_amount: t.EniQuantity,
    availability_zones: t.zones,
    nvme_support: t.NvmeSupport,
  }));
}
