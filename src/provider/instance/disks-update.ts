/**
 * Plan and update steps of the disk arguments of `alicloud_instance` (see disks-schema.ts),
 * called from the instance's modifyPlan and update.
 */
import type { Diagnostics, PlanOf } from '../../framework/index.js';
import { describeSystemDisk, modifyDiskAttribute, type AlibabaCloudClient } from '../../ecs/index.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

/** A new image means a new system disk: its id is unknown until applied. Shrinking or re-levelling is refused at plan time. */
export function planInstanceDisks(plan: Planned, prior: InstanceState, diags: Diagnostics): void {
  if (plan.image_id !== undefined && plan.image_id !== prior.image_id) plan.system_disk_id = undefined;
  const level = plan.system_disk_performance_level;
  if (typeof level === 'string' && level !== prior.system_disk_performance_level && prior.system_disk_performance_level)
    diags.addAttributeError(
      [{ attribute: 'system_disk_performance_level' }],
      'Change Not Supported Yet',
      `Changing the performance level of the system disk of ${prior.id} needs ModifyDiskSpec, which this provider does not call yet. Keep ${prior.system_disk_performance_level}.`,
    );
}

/** Name and description of the system disk change in place (ModifyDiskAttribute). */
export async function updateSystemDisk(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  changed: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<void> {
  const name = changed.has('system_disk_name') ? (plan.system_disk_name ?? undefined) : undefined;
  const description = changed.has('system_disk_description') ? (plan.system_disk_description ?? undefined) : undefined;
  if (name === undefined && description === undefined) return;
  const disk = await describeSystemDisk(client, id, { signal });
  if (!disk) throw new Error(`instance ${id} lists no system disk to rename`);
  await modifyDiskAttribute(client, { DiskId: disk.diskId, DiskName: name, Description: description }, { signal });
}
