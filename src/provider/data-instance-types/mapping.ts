/** Pure request building, filtering, sorting and mapping for `alicloud_instance_types`. */
import type { AvailableResourceFilter, AvailableZone, DescribeInstanceTypesFilter, InstanceType } from '../../ecs/index.js';
import type { InstanceTypesConfig, InstanceTypeResult } from './schema.js';

export interface TypeWithZones extends InstanceType {
  zones: string[];
  /** List price (per hour for PostPaid, per month for PrePaid) when `sorted_by = "Price"`. */
  price?: number;
}

/** DescribeAvailableResource for instance types: the zone-level filters (charge, spot, network, disk, size, outdated). */
export function availableResourceInput(c: Partial<InstanceTypesConfig>): AvailableResourceFilter {
  return {
    DestinationResource: 'InstanceType',
    IoOptimized: c.is_outdated ? 'none' : 'optimized',
    InstanceChargeType: (c.instance_charge_type ?? undefined) as AvailableResourceFilter['InstanceChargeType'],
    SpotStrategy: (c.spot_strategy ?? undefined) as AvailableResourceFilter['SpotStrategy'],
    NetworkCategory: c.network_type ? (c.network_type.toLowerCase() as AvailableResourceFilter['NetworkCategory']) : undefined,
    SystemDiskCategory: c.system_disk_category ?? undefined,
    Cores: c.cpu_core_count ?? undefined,
    Memory: c.memory_size != null && c.memory_size > 0 ? String(c.memory_size) : undefined,
  };
}

/** DescribeInstanceTypes: the filters the API applies for us. */
export function instanceTypesInput(c: Partial<InstanceTypesConfig>): DescribeInstanceTypesFilter {
  return {
    InstanceTypeFamily: c.instance_type_family ?? undefined,
    InstanceTypes: c.instance_type ? [c.instance_type] : undefined,
    GPUSpec: c.gpu_spec ?? undefined,
    MinimumEniIpv6AddressQuantity: c.minimum_eni_ipv6_address_quantity ?? undefined,
    MinimumEniPrivateIpAddressQuantity: c.minimum_eni_private_ip_address_quantity ?? undefined,
  };
}

/** Zones offering each type (sold-out values skipped), limited to one zone when given. */
export function zonesByType(zones: readonly AvailableZone[], zoneId: string | null | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const z of zones) {
    if (z.Status === 'SoldOut' || (zoneId && z.ZoneId !== zoneId)) continue;
    for (const r of z.Resources) if (r.Status !== 'SoldOut') out.set(r.Value, [...(out.get(r.Value) ?? []), z.ZoneId]);
  }
  return out;
}

/** Attach the zones offering each type; drop types no (selected) zone offers. */
export function withZones(types: readonly InstanceType[], byType: ReadonlyMap<string, readonly string[]>): TypeWithZones[] {
  return types.flatMap((t) => {
    const zones = byType.get(t.InstanceTypeId);
    return zones ? [{ ...t, zones: [...zones].sort() }] : [];
  });
}

/** A Kubernetes node needs 2 vCPUs and 4 GiB, no ecs.t5, and a master no GPU family (official provider's rule). */
function fitsKubernetes(t: InstanceType, role: string | null | undefined): boolean {
  if (!role) return true;
  if (t.InstanceTypeFamily === 'ecs.t5' || t.CpuCoreCount < 2 || t.MemorySize < 4) return false;
  return role !== 'Master' || !t.InstanceTypeFamily.startsWith('ecs.gn');
}

/** Filters the API does not apply for us: exact sizes, GPUs, ENIs, image support, Kubernetes role. */
export function filterTypes(
  types: readonly TypeWithZones[],
  c: Partial<InstanceTypesConfig>,
  imageTypes?: ReadonlySet<string>,
): TypeWithZones[] {
  return types.filter(
    (t) =>
      (c.instance_type == null || t.InstanceTypeId === c.instance_type) &&
      (c.cpu_core_count == null || t.CpuCoreCount === c.cpu_core_count) &&
      (c.memory_size == null || t.MemorySize === c.memory_size) &&
      (c.gpu_amount == null || t.GPUAmount === c.gpu_amount) &&
      (c.eni_amount == null || t.EniQuantity >= c.eni_amount) &&
      (imageTypes === undefined || imageTypes.has(t.InstanceTypeId)) &&
      fitsKubernetes(t, c.kubernetes_node_role),
  );
}

/** Smallest first: by vCPU then memory (memory first with `Memory`, price first with `Price`), then id. */
export function sortTypes(types: readonly TypeWithZones[], sortedBy: string | null | undefined): TypeWithZones[] {
  const byCpu = (a: TypeWithZones, b: TypeWithZones) => a.CpuCoreCount - b.CpuCoreCount || a.MemorySize - b.MemorySize;
  const byMem = (a: TypeWithZones, b: TypeWithZones) => a.MemorySize - b.MemorySize || a.CpuCoreCount - b.CpuCoreCount;
  const byPrice = (a: TypeWithZones, b: TypeWithZones) => (a.price ?? 0) - (b.price ?? 0) || byCpu(a, b);
  const primary = sortedBy === 'Memory' ? byMem : sortedBy === 'Price' ? byPrice : byCpu;
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
    price: t.price === undefined ? null : t.price.toFixed(4),
    gpu: { amount: String(t.GPUAmount), category: t.GPUSpec },
    burstable_instance: { initial_credit: String(t.InitialCredit), baseline_credit: String(t.BaselineCredit) },
    local_storage: { capacity: String(t.LocalStorageCapacity), amount: String(t.LocalStorageAmount), category: t.LocalStorageCategory },
    eni_quantity: t.EniQuantity,
    eni_private_ip_address_quantity: t.EniPrivateIpAddressQuantity,
    eni_ipv6_address_quantity: t.EniIpv6AddressQuantity,
    primary_eni_queue_number: t.PrimaryEniQueueNumber,
    secondary_eni_queue_number: t.SecondaryEniQueueNumber,
    maximum_queue_number_per_eni: t.MaximumQueueNumberPerEni,
    total_eni_queue_quantity: t.TotalEniQueueQuantity,
  }));
}
