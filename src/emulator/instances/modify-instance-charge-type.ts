import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { modifyInstanceChargeTypeSpec } from '../../spec/ecs/instance-lifecycle.js';
import { minuteTime } from '../core/time.js';
import { withClientToken } from '../db/client-tokens.js';
import { ownInstance, statusNow } from './lifecycle-common.js';
import { updateInstance } from './repository.js';

/** Periods ECS sells per unit (docs: Month 1-9, 12, 24, 36, 48, 60; Week 1-4; Year 1-5). */
const PERIODS: Readonly<Record<string, readonly number[]>> = {
  Month: [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60],
  Week: [1, 2, 3, 4],
  Year: [1, 2, 3, 4, 5],
};

/** `yyyy-MM-ddTHH:mmZ` one subscription period after `from` (ECS rounds expiry to the next midnight UTC+8: 15:59Z). */
export function subscriptionExpiry(from: Date, period: number, unit: string): string {
  const d = new Date(from.getTime());
  if (unit === 'Week') d.setUTCDate(d.getUTCDate() + 7 * period);
  else d.setUTCMonth(d.getUTCMonth() + (unit === 'Year' ? 12 : 1) * period);
  d.setUTCHours(15, 59, 0, 0);
  return minuteTime(d);
}

/** Period and unit of a subscription (`InvalidPeriod` outside what ECS sells). */
export function checkPeriod(period: number | undefined, unit: string | undefined): { period: number; unit: string } {
  const u = unit ?? 'Month';
  const p = period ?? 1;
  if (!PERIODS[u]?.includes(p))
    throw apiError('InvalidPeriod', `Period ${p} with PeriodUnit ${u} is not sold: allowed ${PERIODS[u]?.join(', ') ?? 'none'}.`);
  return { period: p, unit: u };
}

/**
 * ModifyInstanceChargeType: each listed instance (Running or Stopped, not a spot instance when
 * going PrePaid) switches to the target billing; PrePaid gets an expiry one Period from now and
 * PostPaid drops it. All are checked before any changes. A repeated ClientToken answers the first result.
 */
export const modifyInstanceChargeType: HandlerOf<typeof modifyInstanceChargeTypeSpec> = (ctx, input) =>
  withClientToken(ctx, 'ModifyInstanceChargeType', input.ClientToken, input, () => changeChargeType(ctx, input));

function changeChargeType(ctx: HandlerContext, input: Parameters<typeof modifyInstanceChargeType>[1]) {
  const ids = [...new Set(input.InstanceIds)];
  if (ids.length === 0) throw apiError('InvalidParameter.InstanceIds', 'InstanceIds must list 1 to 20 instance ids.');
  const target = input.InstanceChargeType ?? 'PrePaid';
  const term = target === 'PrePaid' ? checkPeriod(input.Period, input.PeriodUnit) : undefined;
  const instances = ids.map((id) => ownInstance(ctx, id, 'InstanceIds'));
  for (const inst of instances) {
    const status = statusNow(ctx, inst);
    if (status !== 'Running' && status !== 'Stopped')
      throw apiError(
        'InvalidStatus.ValueNotSupported',
        `The instance "${inst.id}" is ${status}; its billing changes only while Running or Stopped.`,
      );
    if ((inst.instanceChargeType || 'PostPaid') === target)
      throw apiError('InvalidInstanceChargeType.ValueNotSupported', `The instance "${inst.id}" already is ${target}.`);
    const spot = inst.extra?.spotStrategy;
    if (target === 'PrePaid' && spot && spot !== 'NoSpot')
      throw apiError(
        'InvalidInstanceChargeType.ValueNotSupported',
        `The instance "${inst.id}" is a spot instance (${spot}); spot instances cannot become PrePaid.`,
      );
  }
  if (input.DryRun === true) throw apiError('DryRunOperation');
  for (const inst of instances) {
    const extra = { ...inst.extra };
    if (term) {
      extra.expiredTime = subscriptionExpiry(ctx.now(), term.period, term.unit);
      extra.periodUnit = term.unit;
      extra.renewalStatus ??= 'Normal';
    } else {
      delete extra.expiredTime;
      delete extra.renewalStatus;
      delete extra.autoRenewPeriod;
      delete extra.renewPeriodUnit;
    }
    updateInstance(ctx.db, inst.id, { instanceChargeType: target, extra });
  }
  return {
    OrderId: String(ctx.now().getTime()),
    FeeOfInstances: { FeeOfInstance: instances.map((i) => ({ InstanceId: i.id, Fee: '0', Currency: 'CNY' })) },
  };
}
