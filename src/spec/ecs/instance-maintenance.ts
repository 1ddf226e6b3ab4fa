/**
 * ECS (2014-05-26) maintenance attributes of instances: ModifyInstanceMaintenanceAttributes and
 * DescribeInstanceMaintenanceAttributes. `InstanceId.N` names 1 to 100 instances; the action on
 * maintenance is `Stop`, `AutoRecover` (the ECS default) or `AutoRedeploy`; one maintenance window
 * (`MaintenanceWindow.1.StartTime` / `EndTime`, `HH:00:00` UTC+8 on the hour, given together, 1 to
 * 23 hours apart); `NotifyOnMaintenance` (default false). Parameter names follow the
 * `@alicloud/ecs20140526` request models.
 */
import type { ActionSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, pageNumberParam, pageSizeParam, regionIdParam } from './images.js';

export const MAINTENANCE_ACTIONS = ['Stop', 'AutoRecover', 'AutoRedeploy'] as const;
/** A window bound: a whole hour, `HH:00:00`. */
export const MAINTENANCE_HOUR_PATTERN = '([01]\\d|2[0-3]):00:00';

const instanceIds = { kind: 'scalarList', name: 'InstanceId', type: 'string', maxItems: 100 } as const;
const hour = (name: string) =>
  ({
    kind: 'scalar',
    name,
    type: 'string',
    pattern: MAINTENANCE_HOUR_PATTERN,
    errorCode: 'InvalidParameter',
  }) as const satisfies ScalarParam;

export const modifyInstanceMaintenanceAttributesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceMaintenanceAttributes',
  mutating: true,
  params: [
    regionIdParam,
    { ...instanceIds, required: true },
    {
      kind: 'scalar',
      name: 'ActionOnMaintenance',
      type: 'string',
      enum: MAINTENANCE_ACTIONS,
      emptyIsAbsent: true,
      errorCode: 'InvalidParameter',
    },
    {
      kind: 'repeatList',
      name: 'MaintenanceWindow',
      maxItems: 1,
      tooManyCode: 'InvalidParameter',
      fields: [hour('StartTime'), hour('EndTime')],
      description: 'One window; absent keeps the current one.',
    },
    { kind: 'scalar', name: 'NotifyOnMaintenance', type: 'boolean' },
    ...ownerParams,
  ],
  errors: ['InvalidInstanceId.NotFound', 'InvalidParameter', 'MissingParameter'],
  response: r.response({}),
});

export const describeInstanceMaintenanceAttributesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeInstanceMaintenanceAttributes',
  params: [regionIdParam, instanceIds, pageNumberParam, pageSizeParam, ...ownerParams],
  errors: ['InvalidParameter'],
  response: r.response({
    TotalCount: r.integer,
    PageNumber: r.integer,
    PageSize: r.integer,
    MaintenanceAttributes: r.list(
      'MaintenanceAttribute',
      r.object({
        InstanceId: r.string,
        ...r.defaults({
          NotifyOnMaintenance: r.boolean,
          ActionOnMaintenance: r.object(
            r.defaults({ Value: r.string, DefaultValue: r.string, SupportedValues: r.list('SupportedValue', r.string) }),
          ),
          MaintenanceWindows: r.list('MaintenanceWindow', r.object(r.defaults({ StartTime: r.string, EndTime: r.string }))),
        }),
      }),
    ),
  }),
});

export const instanceMaintenanceActions: readonly ActionSpec[] = [
  modifyInstanceMaintenanceAttributesSpec,
  describeInstanceMaintenanceAttributesSpec,
];
