/**
 * Plan and update steps of the disk arguments of `alicloud_instance` (see disks-schema.ts),
 * called from the instance's modifyPlan and update.
 */
import type { Diagnostics, PlanOf } from '../../framework/index.js';
import {
  applyAutoSnapshotPolicy,
  describeInstanceDisks,
  describeSystemDisk,
  modifyDiskAttribute,
  modifyDiskPerformanceLevel,
  modifyDiskSpec,
  type AlibabaCloudClient,
  type PerformanceLevel,
} from '../../ecs/index.js';
import { dataDiskDevice } from './disks-mapping.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

/**
 * A new image means a new system disk: its id is unknown until applied. A new performance level is
 * refused at plan time for a disk that is not cloud_essd (ECS levels ESSDs only).
 */
export function planInstanceDisks(plan: Planned, prior: InstanceState, diags: Diagnostics): void {
  if (plan.image_id !== undefined && plan.image_id !== prior.image_id) plan.system_disk_id = undefined;
  for (const c of levelChanges(plan, prior).filter((c) => c.category !== 'cloud_essd'))
    diags.addAttributeError(
      c.path,
      'Performance Level Needs cloud_essd',
      `The ${c.what} of ${prior.id} is ${c.category}; only cloud_essd disks have a performance level. Remove ${c.level} or keep ${c.before || 'it unset'}.`,
    );
}

type AttributePath = Parameters<Diagnostics['addAttributeError']>[0];

interface LevelChange {
  what: string;
  path: AttributePath;
  category: string;
  level: PerformanceLevel;
  before: string;
  /** The device of a data disk; undefined for the system disk. */
  device?: string;
}

/** Known planned performance levels that differ from the prior state's (system disk, then data disks by block). */
function levelChanges(plan: Planned, prior: InstanceState): LevelChange[] {
  const out: LevelChange[] = [];
  const sys = plan.system_disk_performance_level;
  if (typeof sys === 'string' && sys !== (prior.system_disk_performance_level ?? ''))
    out.push({
      what: 'system disk',
      path: [{ attribute: 'system_disk_performance_level' }],
      category: plan.system_disk_category ?? prior.system_disk_category ?? '',
      level: sys as PerformanceLevel,
      before: prior.system_disk_performance_level ?? '',
    });
  (plan.data_disks ?? []).forEach((b, i) => {
    const was = prior.data_disks?.[i];
    // A block of another category is a new disk (the instance is replaced): no level change to check.
    if (typeof b.performance_level !== 'string' || !was || b.category !== was.category) return;
    if (b.performance_level === (was.performance_level ?? '')) return;
    out.push({
      what: `data disk ${i}`,
      path: [{ attribute: 'data_disks' }, { index: i }, { attribute: 'performance_level' }],
      category: was.category ?? '',
      level: b.performance_level as PerformanceLevel,
      before: was.performance_level ?? '',
      device: dataDiskDevice(was, i),
    });
  });
  return out;
}

/** The planned provisioned IOPS of the system disk when it differs from the prior state's (removing it means 0), else undefined. */
function systemIopsChange(plan: Planned, prior: InstanceState): number | undefined {
  const want = plan.system_disk_provisioned_iops;
  if (want === undefined) return undefined;
  return (want ?? 0) !== (prior.system_disk_provisioned_iops ?? 0) ? (want ?? 0) : undefined;
}

/**
 * New performance levels of the system and data disks and new provisioned IOPS of the system disk,
 * one ModifyDiskSpec each (then wait until the disk is usable again). Runs after ResizeDisk, so a
 * disk grown for PL2/PL3 (or for more IOPS) in the same apply has its size first.
 */
export async function updateDiskLevels(
  client: AlibabaCloudClient,
  plan: Planned,
  prior: InstanceState,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const changes = levelChanges(plan, prior);
  const iops = systemIopsChange(plan, prior);
  if (changes.length === 0 && iops === undefined) return;
  const disks = await describeInstanceDisks(client, prior.id!, { signal });
  if (iops !== undefined) {
    const sys = disks.find((d) => d.Type === 'system');
    if (!sys) throw new Error(`instance ${prior.id} lists no system disk to change its provisioned IOPS`);
    await modifyDiskSpec(client, sys.DiskId, { ProvisionedIops: iops }, { timeoutMs, signal });
  }
  for (const c of changes) {
    const disk = disks.find((d) => (c.device === undefined ? d.Type === 'system' : d.Type === 'data' && d.Device === c.device));
    if (!disk)
      throw new Error(`instance ${prior.id} lists no ${c.what}${c.device ? ` on ${c.device}` : ''} to change its performance level`);
    await modifyDiskPerformanceLevel(client, disk.DiskId, c.level, { timeoutMs, signal });
  }
}

/**
 * Name, description and performance burst of the system disk change in place (ModifyDiskAttribute);
 * removing the burst turns it off. A new automatic snapshot policy is applied to it
 * (ApplyAutoSnapshotPolicy); removing the argument keeps the policy (it is computed), as upstream.
 */
export async function updateSystemDisk(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  changed: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<void> {
  const name = changed.has('system_disk_name') ? (plan.system_disk_name ?? undefined) : undefined;
  const description = changed.has('system_disk_description') ? (plan.system_disk_description ?? undefined) : undefined;
  const bursting = changed.has('system_disk_bursting_enabled') ? (plan.system_disk_bursting_enabled ?? false) : undefined;
  const policy = changed.has('system_disk_auto_snapshot_policy_id') ? (plan.system_disk_auto_snapshot_policy_id ?? undefined) : undefined;
  if (name === undefined && description === undefined && bursting === undefined && policy === undefined) return;
  const disk = await describeSystemDisk(client, id, { signal });
  if (!disk) throw new Error(`instance ${id} lists no system disk to change`);
  if (policy !== undefined) await applyAutoSnapshotPolicy(client, policy, [disk.diskId], { signal });
  if (name === undefined && description === undefined && bursting === undefined) return;
  await modifyDiskAttribute(
    client,
    { DiskId: disk.diskId, DiskName: name, Description: description, BurstingEnabled: bursting },
    { signal },
  );
}
