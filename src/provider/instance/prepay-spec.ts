/**
 * `operator_type` of `alicloud_instance`: whether an `instance_type` change of a subscription
 * (PrePaid) instance is an `upgrade` or a `downgrade` (ModifyPrepayInstanceSpec `OperatorType`;
 * pay-as-you-go instances change type with ModifyInstanceSpec, which has none). Never read back.
 */
import { attr, v, type Diagnostics } from '../../framework/index.js';
import { PREPAY_OPERATOR_TYPES } from '../../spec/ecs/prepay-instance-spec.js';
import type { InstancePrior } from './mapping.js';

export const prepaySpecAttributes = {
  operator_type: attr.string({
    optional: true,
    validators: [v.oneOf(...PREPAY_OPERATOR_TYPES)],
    description:
      'With an `instance_type` change of a `PrePaid` instance: `upgrade` (a dearer type) or `downgrade` (a cheaper one), sent as ModifyPrepayInstanceSpec `OperatorType`; ECS refuses a direction that contradicts the prices. If not set, ECS works it out. Refused with `instance_charge_type = "PostPaid"`. Kept from the configuration.',
    meta: { ecs: 'OperatorType' },
  }),
} as const;

/** State of operator_type: the configured value (ECS does not report it). */
export const fromPrepaySpec = (prior: InstancePrior) => ({ operator_type: prior.operator_type ?? null });

/** operator_type only means something for a subscription instance. */
export function checkPrepaySpec(c: { operator_type?: string | null; instance_charge_type?: string | null }, diags: Diagnostics): void {
  if (typeof c.operator_type === 'string' && c.instance_charge_type !== 'PrePaid' && c.instance_charge_type !== undefined)
    diags.addAttributeError(
      [{ attribute: 'operator_type' }],
      'Operator Type Without Subscription',
      `operator_type applies to instance_type changes of subscription instances only; set instance_charge_type = "PrePaid" or remove operator_type.`,
    );
}
