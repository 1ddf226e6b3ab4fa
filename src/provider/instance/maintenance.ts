/**
 * The maintenance arguments of `alicloud_instance` (maintenance_action, maintenance_notify, the
 * maintenance_time block): schema, state mapping, plan check and the update step
 * (ModifyInstanceMaintenanceAttributes), called from the instance's schema, mapping and resource.
 */
import { attr, block, v, type Diagnostics, type PlanOf } from '../../framework/index.js';
import { modifyInstanceMaintenance, type AlibabaCloudClient, type InstanceMaintenance, type MaintenanceAction } from '../../ecs/index.js';
import { MAINTENANCE_ACTIONS, MAINTENANCE_HOUR_PATTERN } from '../../spec/ecs/instance-maintenance.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;
type Prior = Partial<InstanceState> | Partial<Planned>;

const hour = (what: string) =>
  attr.string({
    required: true,
    validators: [v.pattern(new RegExp(`^${MAINTENANCE_HOUR_PATTERN}$`), 'a whole hour HH:00:00 (UTC+8), such as 02:00:00')],
    description: `${what} of the maintenance window, a whole hour \`HH:00:00\` (UTC+8).`,
    meta: { ecs: `MaintenanceWindow.1.${what === 'Start' ? 'StartTime' : 'EndTime'}` },
  });

export const maintenanceAttributes = {
  maintenance_action: attr.string({
    optional: true,
    computed: true,
    validators: [v.oneOf(...MAINTENANCE_ACTIONS)],
    description:
      'What ECS does to the instance during maintenance: `Stop`, `AutoRecover` (the ECS default) or `AutoRedeploy` (may lose data on local disks). Changes apply in place (ModifyInstanceMaintenanceAttributes).',
    meta: { ecs: 'ActionOnMaintenance' },
  }),
  maintenance_notify: attr.bool({
    optional: true,
    default: false,
    description: 'Whether ECS sends an event before maintenance (default false, as ECS). Changes apply in place.',
    meta: { ecs: 'NotifyOnMaintenance' },
  }),
} as const;

export const maintenanceBlocks = {
  maintenance_time: block.set({
    maxItems: 1,
    description:
      'The maintenance window: one block with both bounds, 1 to 23 hours apart (it may wrap past midnight). Changes apply in place; once set, ECS keeps a window, so removing the block is refused at plan (set another window instead).',
    attributes: { start_time: hour('Start'), end_time: hour('End') },
  }),
} as const;

/** State of the maintenance arguments. */
export function fromMaintenance(m: InstanceMaintenance | undefined, prior: Prior) {
  return {
    maintenance_action: m?.action ?? prior.maintenance_action ?? 'AutoRecover',
    maintenance_notify: m?.notify ?? prior.maintenance_notify ?? false,
    maintenance_time: m?.window ? [{ start_time: m.window.startTime, end_time: m.window.endTime }] : [],
  };
}

/** A window bound's hour. */
const hourOf = (t: string | null | undefined) => Number((t ?? '').slice(0, 2));

/** Refuse a window of 0 hours at validate, and the removal of a window ECS keeps at plan. */
export function checkMaintenance(
  plan: { maintenance_time?: readonly ({ start_time?: string | null; end_time?: string | null } | undefined)[] | null },
  prior: Prior | undefined,
  diags: Diagnostics,
): void {
  const w = plan.maintenance_time?.[0];
  if (typeof w?.start_time === 'string' && typeof w.end_time === 'string' && hourOf(w.start_time) === hourOf(w.end_time))
    diags.addAttributeError(
      [{ attribute: 'maintenance_time' }],
      'Invalid Maintenance Window',
      `maintenance_time from ${w.start_time} to ${w.end_time} is empty: a window lasts 1 to 23 hours.`,
    );
  if (prior && (prior.maintenance_time?.length ?? 0) > 0 && Array.isArray(plan.maintenance_time) && plan.maintenance_time.length === 0)
    diags.addAttributeError(
      [{ attribute: 'maintenance_time' }],
      'Maintenance Window Cannot Be Removed',
      `ECS keeps the maintenance window of ${prior.id ?? 'the instance'} once it is set (ModifyInstanceMaintenanceAttributes has no way to clear it). Keep a maintenance_time block, with other hours if you like.`,
    );
}

const MAINTENANCE = ['maintenance_action', 'maintenance_notify', 'maintenance_time'] as const;

/** ModifyInstanceMaintenanceAttributes with what changed (on create: what is configured). */
export async function updateMaintenance(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  changed: ReadonlySet<string> | 'create',
  signal: AbortSignal,
): Promise<void> {
  const configured = (k: (typeof MAINTENANCE)[number]) =>
    k === 'maintenance_time' ? (plan.maintenance_time?.length ?? 0) > 0 : plan[k] != null && plan[k] !== false;
  const has = (k: (typeof MAINTENANCE)[number]) => (changed === 'create' ? configured(k) : changed.has(k));
  if (!MAINTENANCE.some(has)) return;
  const w = plan.maintenance_time?.[0];
  await modifyInstanceMaintenance(
    client,
    id,
    {
      action: has('maintenance_action') && plan.maintenance_action ? (plan.maintenance_action as MaintenanceAction) : undefined,
      notify: has('maintenance_notify') ? plan.maintenance_notify === true : undefined,
      window: has('maintenance_time') && w?.start_time && w.end_time ? { startTime: w.start_time, endTime: w.end_time } : undefined,
    },
    { signal },
  );
}
