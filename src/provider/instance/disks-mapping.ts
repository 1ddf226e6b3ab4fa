/** Pure mapping of the disk arguments of `alicloud_instance` (see disks-schema.ts) to RunInstances and from DescribeDisks. */
import type { Disk, RunInstanceInput } from '../../ecs/index.js';
import type { PlanOf } from '../../framework/index.js';
import { optionalValue } from '../common/index.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;
type SystemDisk = NonNullable<RunInstanceInput['SystemDisk']>;
type DataDisk = NonNullable<RunInstanceInput['DataDisk']>[number];

const bool = (b: boolean | null | undefined) => (b === true ? 'true' : b === false ? 'false' : undefined);

/** RunInstances `SystemDisk.*` and `DataDisk.N.*` from the plan. */
export function toRunInstanceDisks(plan: Planned): Pick<RunInstanceInput, 'SystemDisk' | 'DataDisk'> {
  const category = plan.system_disk_category ?? undefined;
  const extras = {
    DiskName: plan.system_disk_name ?? undefined,
    Description: plan.system_disk_description ?? undefined,
    PerformanceLevel: category === 'cloud_essd' ? (plan.system_disk_performance_level ?? undefined) : undefined,
    Encrypted: bool(plan.system_disk_encrypted) as SystemDisk['Encrypted'],
    KMSKeyId: plan.system_disk_kms_key_id ?? undefined,
    EncryptAlgorithm: plan.system_disk_encrypt_algorithm ?? undefined,
    // Sent whenever set, whatever the category: ECS refuses them on disks that are not cloud_auto.
    BurstingEnabled: plan.system_disk_bursting_enabled ?? undefined,
    ProvisionedIops: plan.system_disk_provisioned_iops ?? undefined,
    AutoSnapshotPolicyId: plan.system_disk_auto_snapshot_policy_id ?? undefined,
  };
  const system: SystemDisk = {
    Category: category as SystemDisk['Category'],
    Size: plan.system_disk_size == null ? undefined : String(plan.system_disk_size),
    ...Object.fromEntries(Object.entries(extras).filter(([, x]) => x !== undefined)),
  };
  const data = (plan.data_disks ?? []).map((d): DataDisk => ({
    Size: d.size,
    Category: d.category ?? undefined,
    DiskName: d.name ?? undefined,
    Description: d.description ?? undefined,
    SnapshotId: d.snapshot_id ?? undefined,
    AutoSnapshotPolicyId: d.auto_snapshot_policy_id ?? undefined,
    Encrypted: bool(d.encrypted) as DataDisk['Encrypted'],
    KMSKeyId: d.kms_key_id ?? undefined,
    DeleteWithInstance: d.delete_with_instance ?? undefined,
    PerformanceLevel: d.category === 'cloud_essd' ? (d.performance_level ?? undefined) : undefined,
    Device: d.device ?? undefined,
    BurstingEnabled: d.bursting_enabled ?? undefined,
    ProvisionedIops: d.provisioned_iops ?? undefined,
  }));
  return { SystemDisk: system, DataDisk: data.length > 0 ? data : undefined };
}

/** Device of the i-th `data_disks` block: the configured one, else the i-th free name in order as ECS assigns them. */
export const dataDiskDevice = (b: { device?: string | null }, i: number): string => b.device ?? `/dev/xvd${'bcdefghijklmnopq'[i]}`;

/**
 * The disk attributes of the state from the instance's disks. `data_disks` keeps the blocks of
 * the prior state (they are the disks made at launch; disks attached later are not among them),
 * with the computed performance level and the AutoPL settings read from the disk on the same device.
 */
export function fromInstanceDisks(
  disks: readonly Disk[],
  prior: Partial<InstanceState> | Partial<Planned>,
): Pick<
  InstanceState,
  | 'system_disk_category'
  | 'system_disk_size'
  | 'system_disk_id'
  | 'system_disk_name'
  | 'system_disk_description'
  | 'system_disk_performance_level'
  | 'system_disk_encrypted'
  | 'system_disk_kms_key_id'
  | 'system_disk_encrypt_algorithm'
  | 'system_disk_bursting_enabled'
  | 'system_disk_provisioned_iops'
  | 'system_disk_auto_snapshot_policy_id'
  | 'data_disks'
> {
  const sys = disks.find((d) => d.Type === 'system');
  const byDevice = new Map(disks.filter((d) => d.Type === 'data').map((d) => [d.Device, d]));
  return {
    system_disk_category: sys?.Category || prior.system_disk_category || 'cloud_efficiency',
    system_disk_size: sys?.Size ?? prior.system_disk_size ?? null,
    system_disk_id: sys?.DiskId ?? prior.system_disk_id ?? null,
    system_disk_name: sys ? sys.DiskName : (prior.system_disk_name ?? null),
    system_disk_description: sys ? sys.Description : (prior.system_disk_description ?? null),
    system_disk_performance_level: sys ? sys.PerformanceLevel : (prior.system_disk_performance_level ?? null),
    system_disk_encrypted: sys ? sys.Encrypted : (prior.system_disk_encrypted ?? null),
    system_disk_kms_key_id: sys ? sys.KMSKeyId : (prior.system_disk_kms_key_id ?? null),
    // DescribeDisks does not report the algorithm: kept as planned.
    system_disk_encrypt_algorithm: prior.system_disk_encrypt_algorithm ?? null,
    system_disk_bursting_enabled: sys
      ? optionalValue(sys.BurstingEnabled, false, prior.system_disk_bursting_enabled)
      : (prior.system_disk_bursting_enabled ?? null),
    system_disk_provisioned_iops: sys
      ? optionalValue(sys.ProvisionedIops, 0, prior.system_disk_provisioned_iops)
      : (prior.system_disk_provisioned_iops ?? null),
    system_disk_auto_snapshot_policy_id: sys ? sys.AutoSnapshotPolicyId || null : (prior.system_disk_auto_snapshot_policy_id ?? null),
    data_disks: (prior.data_disks ?? []).map((b, i) => {
      const remote = byDevice.get(dataDiskDevice(b, i));
      return {
        size: b.size!,
        category: b.category ?? 'cloud_efficiency',
        name: b.name ?? null,
        description: b.description ?? null,
        snapshot_id: b.snapshot_id ?? null,
        auto_snapshot_policy_id: b.auto_snapshot_policy_id ?? null,
        encrypted: b.encrypted ?? false,
        kms_key_id: b.kms_key_id ?? null,
        delete_with_instance: b.delete_with_instance ?? true,
        performance_level: remote ? remote.PerformanceLevel : (b.performance_level ?? null),
        device: b.device ?? null,
        bursting_enabled: remote ? optionalValue(remote.BurstingEnabled, false, b.bursting_enabled) : (b.bursting_enabled ?? null),
        provisioned_iops: remote ? optionalValue(remote.ProvisionedIops, 0, b.provisioned_iops) : (b.provisioned_iops ?? null),
      };
    }),
  };
}
