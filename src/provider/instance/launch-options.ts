/**
 * Mapping, checks and update steps of the launch options of `alicloud_instance` (see
 * launch-options-schema.ts), called from the instance's mapping, validators and update.
 */
import {
  changeInstanceDiskTags,
  modifyInstanceAutoReleaseTime,
  modifyInstancePrivatePool,
  setInstanceDeploymentSet,
  type PrivatePoolOptionsInput,
  type AlibabaCloudClient,
  type Disk,
  type InstanceDetail,
  type RunInstanceInput,
} from '../../ecs/index.js';
import type { Diagnostics, PlanOf } from '../../framework/index.js';
import { tagChanges } from '../common/index.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;
type Prior = Partial<InstanceState> | Partial<Planned>;

/** RunInstances parameters of the launch options (volume tags are put on the disks after creation). */
export function toRunLaunchOptions(plan: Planned): Partial<RunInstanceInput> {
  const spot = plan.spot_strategy != null && plan.spot_strategy !== 'NoSpot';
  return {
    AutoReleaseTime: plan.auto_release_time || undefined,
    InternetMaxBandwidthIn: plan.internet_max_bandwidth_in ?? undefined,
    SpotDuration: spot ? (plan.spot_duration ?? undefined) : undefined,
    SpotInterruptionBehavior: spot
      ? ((plan.spot_interruption_behavior ?? undefined) as RunInstanceInput['SpotInterruptionBehavior'])
      : undefined,
    PasswordInherit: plan.password_inherit ?? undefined,
    CreditSpecification: (plan.credit_specification ?? undefined) as RunInstanceInput['CreditSpecification'],
    DeploymentSetId: plan.deployment_set_id || undefined,
    HpcClusterId: plan.hpc_cluster_id ?? undefined,
    ...(plan.private_pool_options_match_criteria || plan.private_pool_options_id ? { PrivatePoolOptions: privatePoolInput(plan) } : {}),
  };
}

/** The private pool options of the plan (the id only with a criteria other than None, as upstream sends them). */
function privatePoolInput(plan: Planned): PrivatePoolOptionsInput {
  const criteria = (plan.private_pool_options_match_criteria || undefined) as PrivatePoolOptionsInput['MatchCriteria'];
  return { MatchCriteria: criteria, Id: criteria === 'None' ? undefined : plan.private_pool_options_id || undefined };
}

/** State of the private pool options from DescribeInstanceAttachmentAttributes (undefined: not read, the prior values kept). */
export function fromPrivatePool(pool: { matchCriteria: string; id: string } | undefined, prior: Prior) {
  return {
    private_pool_options_match_criteria: pool ? pool.matchCriteria : (prior.private_pool_options_match_criteria ?? null),
    private_pool_options_id: pool ? pool.id : (prior.private_pool_options_id ?? null),
  };
}

/** `yyyy-MM-ddTHH:mmZ` (what DescribeInstances reports) as `yyyy-MM-ddTHH:mm:00Z`. */
const withSeconds = (t: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(t) ? `${t.slice(0, 16)}:00Z` : t);

/** State of the launch options from DescribeInstances and the instance's disks. */
export function fromLaunchOptions(i: InstanceDetail, disks: readonly Disk[], prior: Prior) {
  const release = withSeconds(i.AutoReleaseTime);
  // ECS keeps minutes only: a configured time in the same minute is kept as written.
  const keptRelease =
    prior.auto_release_time && prior.auto_release_time.slice(0, 16) === release.slice(0, 16) ? prior.auto_release_time : release;
  const system = disks.find((d) => d.Type === 'system');
  return {
    volume_tags: Object.fromEntries((system?.Tags.Tag ?? []).map((t) => [t.TagKey, t.TagValue])),
    auto_release_time: release ? keptRelease : prior.auto_release_time === '' ? '' : null,
    internet_max_bandwidth_in: i.InternetMaxBandwidthIn > 0 ? i.InternetMaxBandwidthIn : null,
    spot_duration: i.SpotDuration,
    spot_interruption_behavior: i.SpotInterruptionBehavior,
    password_inherit: prior.password_inherit ?? null,
    credit_specification: i.CreditSpecification,
    deployment_set_id: i.DeploymentSetId || (prior.deployment_set_id === '' ? '' : null),
    deployment_set_group_no: i.DeploymentSetGroupNo > 0 ? String(i.DeploymentSetGroupNo) : '',
    hpc_cluster_id: i.HpcClusterId || null,
  };
}

const isBurstable = (type: string) => /^ecs\.t[56]-/.test(type);

/**
 * Plan-time checks the API would otherwise answer after a create call: automatic release and
 * PrePaid, inbound bandwidth against the outbound one, spot options without a spot strategy,
 * the burstable mode on another type.
 */
export function checkLaunchOptions(
  c: {
    [
      K in
        | 'auto_release_time'
        | 'instance_charge_type'
        | 'internet_max_bandwidth_in'
        | 'internet_max_bandwidth_out'
        | 'spot_strategy'
        | 'spot_duration'
        | 'spot_interruption_behavior'
        | 'credit_specification'
        | 'instance_type'
    ]?: Planned[K] | null;
  },
  diags: Diagnostics,
): void {
  const err = (attribute: string, summary: string, detail: string) => diags.addAttributeError([{ attribute }], summary, detail);
  if (c.auto_release_time && c.instance_charge_type === 'PrePaid')
    err(
      'auto_release_time',
      'Invalid Automatic Release',
      'auto_release_time applies to pay-as-you-go instances only; remove it or set instance_charge_type = "PostPaid".',
    );
  const bandwidthIn = c.internet_max_bandwidth_in;
  const out = c.internet_max_bandwidth_out;
  if (typeof bandwidthIn === 'number' && typeof out === 'number') {
    if (out <= 0)
      err(
        'internet_max_bandwidth_in',
        'Invalid Inbound Bandwidth',
        'internet_max_bandwidth_in needs public bandwidth: set internet_max_bandwidth_out above 0, or remove internet_max_bandwidth_in.',
      );
    else if (bandwidthIn > Math.max(10, out))
      err(
        'internet_max_bandwidth_in',
        'Invalid Inbound Bandwidth',
        `internet_max_bandwidth_in = ${bandwidthIn} with internet_max_bandwidth_out = ${out}: allowed 1 to ${Math.max(10, out)} Mbit/s.`,
      );
  }
  if (typeof c.spot_strategy === 'string' || c.spot_strategy === null) {
    const spot = c.spot_strategy != null && c.spot_strategy !== 'NoSpot';
    for (const name of ['spot_duration', 'spot_interruption_behavior'] as const)
      if (!spot && c[name] != null)
        err(
          name,
          'Spot Option Without Spot Strategy',
          `${name} applies to spot instances only: set spot_strategy to SpotAsPriceGo or SpotWithPriceLimit, or remove ${name}.`,
        );
  }
  if (c.spot_duration != null && c.spot_duration > 1)
    err(
      'spot_duration',
      'Invalid Spot Duration',
      `spot_duration = ${c.spot_duration} is not sold: ECS sells 0 (no guaranteed time) or 1 hour.`,
    );
  if (typeof c.credit_specification === 'string' && typeof c.instance_type === 'string' && !isBurstable(c.instance_type))
    err(
      'credit_specification',
      'Invalid Credit Specification',
      `credit_specification applies to burstable instance types (ecs.t5-*, ecs.t6-*) only; ${c.instance_type} is not one. Remove credit_specification.`,
    );
}

/**
 * Volume tags after create or on change: the difference from `before` (after create, the system
 * disk's tags, as the official provider) put on every disk of the instance; automatic release
 * cancelled before a switch to PrePaid and set after one (`phase`); the deployment set changed.
 */
export async function updateLaunchOptions(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  before: { volume_tags?: Readonly<Record<string, string>> | null; deployment_set_id?: string | null },
  changed: ReadonlySet<string>,
  phase: 'beforeBilling' | 'afterBilling',
  signal: AbortSignal,
): Promise<void> {
  const release = changed.has('auto_release_time') ? (plan.auto_release_time ?? '') : undefined;
  if (phase === 'beforeBilling') {
    if (release === '') await modifyInstanceAutoReleaseTime(client, id, '', { signal });
    return;
  }
  if (release) await modifyInstanceAutoReleaseTime(client, id, release, { signal });
  if (changed.has('private_pool_options_match_criteria') || changed.has('private_pool_options_id'))
    await modifyInstancePrivatePool(client, id, privatePoolInput(plan), { signal });
  if (changed.has('deployment_set_id') && (before.deployment_set_id || '') !== (plan.deployment_set_id || ''))
    await setInstanceDeploymentSet(
      client,
      id,
      { from: before.deployment_set_id || undefined, to: plan.deployment_set_id || undefined },
      { signal },
    );
  const retag = changed.has('image_id') && Object.keys(plan.volume_tags ?? {}).length > 0;
  if ((changed.has('volume_tags') && plan.volume_tags) || retag) {
    // A new image means a new system disk: put the whole map on again.
    const change = tagChanges(before.volume_tags, plan.volume_tags);
    await changeInstanceDiskTags(client, id, retag ? { ...change, upsert: { ...plan.volume_tags } } : change, { signal });
  }
}
