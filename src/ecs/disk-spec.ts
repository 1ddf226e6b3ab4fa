/**
 * ModifyDiskSpec (types from `src/spec/ecs/disk-spec.ts`): a new ESSD performance level and/or new
 * provisioned IOPS of a cloud_auto disk, then wait until the disk is Available or In_use again, as
 * the official provider does after the call.
 */
import { modifyDiskSpecSpec } from '../spec/ecs/disk-spec.js';
import type { PERFORMANCE_LEVELS } from '../spec/ecs/disks.js';
import type { AlibabaCloudClient } from './client.js';
import { waitDiskStatus } from './disks.js';

export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];

/** What ModifyDiskSpec changes; at least one is given. */
export interface DiskSpecChange {
  PerformanceLevel?: PerformanceLevel;
  ProvisionedIops?: number;
  /** Check only: ECS answers `DryRunOperation` when the change would pass, and makes none. */
  DryRun?: boolean;
}

/** Change the disk's performance level and/or provisioned IOPS, and wait until it is usable again. */
export async function modifyDiskSpec(
  client: AlibabaCloudClient,
  diskId: string,
  change: DiskSpecChange,
  o: { timeoutMs: number; signal?: AbortSignal },
): Promise<void> {
  // Setting the same values twice has the effect of once: safe to retry.
  await client.call(modifyDiskSpecSpec, { DiskId: diskId, ...change }, { signal: o.signal, idempotent: true });
  if (change.DryRun === true) return;
  await waitDiskStatus(client, diskId, ['Available', 'In_use'], { timeoutMs: o.timeoutMs, signal: o.signal });
}

/** Set the disk's performance level and wait until it is usable again. */
export async function modifyDiskPerformanceLevel(
  client: AlibabaCloudClient,
  diskId: string,
  level: PerformanceLevel,
  o: { timeoutMs: number; signal?: AbortSignal },
): Promise<void> {
  await modifyDiskSpec(client, diskId, { PerformanceLevel: level }, o);
}
