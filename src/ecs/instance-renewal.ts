/**
 * Renewal of one subscription instance: ModifyInstanceAutoRenewAttribute and
 * DescribeInstanceAutoRenewAttribute (types from `src/spec/ecs/instance-renewal.ts`).
 */
import { describeInstanceAutoRenewAttributeSpec, modifyInstanceAutoRenewAttributeSpec } from '../spec/ecs/instance-renewal.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

export interface InstanceRenewal {
  renewalStatus: 'AutoRenewal' | 'Normal' | 'NotRenewal';
  /** Length of each automatic renewal in `periodUnit`s (0 unless AutoRenewal). */
  duration: number;
  /** `Month` or `Week` ('' unless AutoRenewal; `Year` is given in months by the caller's choice). */
  periodUnit: string;
}

/** Set the renewal of a subscription instance; Duration and PeriodUnit go only with AutoRenewal. */
export async function modifyInstanceRenewal(
  client: AlibabaCloudClient,
  instanceId: string,
  renewal: { renewalStatus: InstanceRenewal['renewalStatus']; duration?: number; periodUnit?: 'Month' | 'Week' },
  opts: CallOptions = {},
): Promise<void> {
  const auto = renewal.renewalStatus === 'AutoRenewal';
  await client.call(
    modifyInstanceAutoRenewAttributeSpec,
    {
      InstanceId: [instanceId],
      RenewalStatus: renewal.renewalStatus,
      Duration: auto ? renewal.duration : undefined,
      PeriodUnit: auto ? renewal.periodUnit : undefined,
    },
    opts,
  );
}

/** The renewal of one subscription instance, or undefined when ECS lists none (pay-as-you-go or gone). */
export async function describeInstanceRenewal(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<InstanceRenewal | undefined> {
  const b = await client.call(describeInstanceAutoRenewAttributeSpec, { InstanceId: [instanceId] }, opts);
  const a = b.InstanceRenewAttributes.InstanceRenewAttribute.find((x) => x.InstanceId === instanceId);
  if (!a) return undefined;
  const status = a.RenewalStatus === 'AutoRenewal' || a.RenewalStatus === 'NotRenewal' ? a.RenewalStatus : 'Normal';
  // A yearly renewal is reported in months, as the official provider does.
  const yearly = a.PeriodUnit === 'Year';
  return { renewalStatus: status, duration: yearly ? a.Duration * 12 : a.Duration, periodUnit: yearly ? 'Month' : a.PeriodUnit };
}
