import { apiError, type HandlerOf } from '../context.js';
import { pageWindow } from '../core/paging.js';
import type {
  describeInstanceMaintenanceAttributesSpec,
  modifyInstanceMaintenanceAttributesSpec,
} from '../../spec/ecs/instance-maintenance.js';
import { MAINTENANCE_ACTIONS } from '../../spec/ecs/instance-maintenance.js';
import { ownInstance } from './lifecycle-common.js';
import { queryInstances } from './instance-query.js';
import { instancesByIds, updateInstance } from './repository.js';

const hourOf = (t: string) => Number(t.slice(0, 2));

/**
 * ModifyInstanceMaintenanceAttributes: every named instance (all must exist) takes the given
 * action, notification and window; what is not given keeps its value. A window needs both bounds,
 * 1 to 23 hours apart (it may wrap past midnight).
 */
export const modifyInstanceMaintenanceAttributes: HandlerOf<typeof modifyInstanceMaintenanceAttributesSpec> = (ctx, input) => {
  const instances = [...new Set(input.InstanceId)].map((id, i) => ownInstance(ctx, id, `InstanceId.${i + 1}`));
  const window = input.MaintenanceWindow?.[0];
  if (window) {
    const { StartTime: start, EndTime: end } = window;
    if (start === undefined || end === undefined)
      throw apiError('MissingParameter', 'MaintenanceWindow.1.StartTime and MaintenanceWindow.1.EndTime are given together.');
    const span = (hourOf(end) - hourOf(start) + 24) % 24;
    if (span < 1)
      throw apiError('InvalidParameter', `The maintenance window ${start} to ${end} must last 1 to 23 hours (HH:00:00, UTC+8).`);
  }
  for (const inst of instances) {
    const extra = { ...inst.extra };
    if (input.ActionOnMaintenance !== undefined) extra.maintenanceAction = input.ActionOnMaintenance;
    if (input.NotifyOnMaintenance !== undefined) extra.maintenanceNotify = input.NotifyOnMaintenance;
    if (window) extra.maintenanceWindow = { start: window.StartTime!, end: window.EndTime! };
    updateInstance(ctx.db, inst.id, { extra });
  }
  return {};
};

/**
 * DescribeInstanceMaintenanceAttributes: the named instances of the region (or all of them, newest
 * first), paged; an instance never changed reports AutoRecover, no notification and no window.
 */
export const describeInstanceMaintenanceAttributes: HandlerOf<typeof describeInstanceMaintenanceAttributesSpec> = (ctx, input) => {
  const list = queryInstances(ctx.db, {
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    now: ctx.now().getTime(),
    transitionSeconds: ctx.settings.instanceStartSeconds,
    ids: input.InstanceId?.length ? input.InstanceId : undefined,
    tags: [],
  });
  const w = pageWindow(list.total, input);
  const page = instancesByIds(ctx.db, list.ids(w.offset, w.limit));
  return {
    TotalCount: list.total,
    PageNumber: w.pageNumber,
    PageSize: w.pageSize,
    MaintenanceAttributes: {
      MaintenanceAttribute: page.map((r) => {
        const x = r.extra ?? {};
        return {
          InstanceId: r.id,
          NotifyOnMaintenance: x.maintenanceNotify === true,
          ActionOnMaintenance: {
            Value: x.maintenanceAction ?? 'AutoRecover',
            DefaultValue: 'AutoRecover',
            SupportedValues: { SupportedValue: [...MAINTENANCE_ACTIONS] },
          },
          MaintenanceWindows: {
            MaintenanceWindow: x.maintenanceWindow ? [{ StartTime: x.maintenanceWindow.start, EndTime: x.maintenanceWindow.end }] : [],
          },
        };
      }),
    },
  };
};
