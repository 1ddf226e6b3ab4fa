import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { describeInstanceAutoRenewAttributeSpec, modifyInstanceAutoRenewAttributeSpec } from '../../spec/ecs/instance-renewal.js';
import { ownInstance } from './lifecycle-common.js';
import { getInstance, listInstances, updateInstance, type InstanceRecord } from './repository.js';

/** Auto-renewal lengths ECS sells per unit (docs: Month 1, 2, 3, 6, 12, 24, 36, 48, 60; Week 1 to 4). */
const DURATIONS: Readonly<Record<string, readonly number[]>> = { Month: [1, 2, 3, 6, 12, 24, 36, 48, 60], Week: [1, 2, 3, 4] };

function subscription(ctx: HandlerContext, id: string): InstanceRecord {
  const inst = ownInstance(ctx, id);
  if (inst.instanceChargeType !== 'PrePaid')
    throw apiError('ChargeTypeViolation', `The instance "${id}" is pay-as-you-go (PostPaid); only subscription instances renew.`);
  return inst;
}

/**
 * ModifyInstanceAutoRenewAttribute: every listed subscription instance takes the renewal status;
 * `AutoRenewal` (or the older `AutoRenew=true`) also takes Duration (default 1) in PeriodUnit
 * (default Month), which must be a length ECS sells. All are checked before any changes.
 */
export const modifyInstanceAutoRenewAttribute: HandlerOf<typeof modifyInstanceAutoRenewAttributeSpec> = (ctx, input) => {
  const instances = [...new Set(input.InstanceId)].map((id) => subscription(ctx, id));
  if (instances.length === 0) throw apiError('InvalidInstanceId.MalFormed', 'InstanceId must list 1 to 100 instance ids.');
  const status = input.RenewalStatus ?? (input.AutoRenew === true ? 'AutoRenewal' : input.AutoRenew === false ? 'Normal' : undefined);
  if (status === undefined) throw apiError('MissingParameter', 'Either RenewalStatus or AutoRenew must be given.');
  const unit = input.PeriodUnit ?? 'Month';
  const duration = input.Duration ?? 1;
  if (status === 'AutoRenewal' && !DURATIONS[unit]!.includes(duration))
    throw apiError('InvalidDuration', `Duration ${duration} with PeriodUnit ${unit} is not sold: allowed ${DURATIONS[unit]!.join(', ')}.`);
  for (const inst of instances) {
    const extra = { ...inst.extra, renewalStatus: status };
    if (status === 'AutoRenewal') Object.assign(extra, { autoRenewPeriod: duration, renewPeriodUnit: unit });
    else {
      delete extra.autoRenewPeriod;
      delete extra.renewPeriodUnit;
    }
    updateInstance(ctx.db, inst.id, { extra });
  }
  return {};
};

/**
 * DescribeInstanceAutoRenewAttribute: the renewal attribute of the listed (or all) subscription
 * instances of the region, filtered by RenewalStatus and paged. Listed ids that are unknown or
 * pay-as-you-go are left out, as ECS does.
 */
export const describeInstanceAutoRenewAttribute: HandlerOf<typeof describeInstanceAutoRenewAttributeSpec> = (ctx, input) => {
  const { accountId } = ctx.account;
  const found = input.InstanceId
    ? input.InstanceId.map((id) => getInstance(ctx.db, accountId, ctx.regionId, id)).filter((i): i is InstanceRecord => i !== undefined)
    : listInstances(ctx.db, accountId, ctx.regionId);
  const rows = found
    .filter((i) => i.instanceChargeType === 'PrePaid')
    .map((i) => {
      const status = i.extra?.renewalStatus ?? 'Normal';
      const auto = status === 'AutoRenewal';
      return {
        InstanceId: i.id,
        RenewalStatus: status,
        AutoRenewEnabled: auto,
        Duration: auto ? (i.extra?.autoRenewPeriod ?? 1) : 0,
        PeriodUnit: auto ? (i.extra?.renewPeriodUnit ?? 'Month') : '',
      };
    })
    .filter((r) => input.RenewalStatus === undefined || r.RenewalStatus === input.RenewalStatus);
  const size = Math.min(Number(input.PageSize ?? 10), 100);
  const page = Number(input.PageNumber ?? 1);
  return {
    TotalCount: rows.length,
    PageNumber: page,
    PageSize: size,
    InstanceRenewAttributes: { InstanceRenewAttribute: rows.slice((page - 1) * size, page * size) },
  };
};
