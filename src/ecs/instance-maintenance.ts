/**
 * Maintenance attributes of one instance: ModifyInstanceMaintenanceAttributes and
 * DescribeInstanceMaintenanceAttributes (types from `src/spec/ecs/instance-maintenance.ts`).
 */
import {
  describeInstanceMaintenanceAttributesSpec,
  modifyInstanceMaintenanceAttributesSpec,
  type MAINTENANCE_ACTIONS,
} from '../spec/ecs/instance-maintenance.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];

export interface InstanceMaintenance {
  /** `Stop`, `AutoRecover` or `AutoRedeploy`. */
  action: string;
  notify: boolean;
  /** `HH:00:00` bounds (UTC+8), or undefined when no window is set. */
  window?: { startTime: string; endTime: string };
}

/** Change what is given of one instance's maintenance attributes; the rest keeps its value. */
export async function modifyInstanceMaintenance(
  client: AlibabaCloudClient,
  instanceId: string,
  change: { action?: MaintenanceAction; notify?: boolean; window?: { startTime: string; endTime: string } },
  opts: CallOptions = {},
): Promise<void> {
  await client.call(
    modifyInstanceMaintenanceAttributesSpec,
    {
      InstanceId: [instanceId],
      ActionOnMaintenance: change.action,
      NotifyOnMaintenance: change.notify,
      MaintenanceWindow: change.window ? [{ StartTime: change.window.startTime, EndTime: change.window.endTime }] : undefined,
    },
    opts,
  );
}

/** The maintenance attributes of one instance, or undefined when ECS lists none for it. */
export async function describeInstanceMaintenance(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<InstanceMaintenance | undefined> {
  const b = await client.call(describeInstanceMaintenanceAttributesSpec, { InstanceId: [instanceId] }, opts);
  const a = b.MaintenanceAttributes.MaintenanceAttribute.find((x) => x.InstanceId === instanceId);
  if (!a) return undefined;
  const w = a.MaintenanceWindows.MaintenanceWindow[0];
  return {
    action: a.ActionOnMaintenance.Value,
    notify: a.NotifyOnMaintenance,
    window: w ? { startTime: w.StartTime, endTime: w.EndTime } : undefined,
  };
}
