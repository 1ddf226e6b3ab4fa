/**
 * Launch and billing options of `alicloud_instance`, kept apart from the rest of its schema:
 * volume tags, automatic release, inbound bandwidth, spot retention and interruption, the image's
 * preset password, the burstable performance mode, the deployment set, the HPC cluster and the
 * private pool options. Names and flags follow the official
 * provider (except where a description says otherwise).
 */
import { attr, v } from '../../framework/index.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { CREDIT_SPECIFICATIONS, SPOT_INTERRUPTION_BEHAVIORS } from '../../spec/ecs/instance-launch-options.js';
import { PRIVATE_POOL_MATCH_CRITERIA } from '../../spec/ecs/private-pools.js';
import { specField, stringRules } from '../common/index.js';

const tag = tagsParam();

export const launchOptionAttributes = {
  volume_tags: attr.map('string', {
    optional: true,
    computed: true,
    validators: [v.count(0, tag.maxItems, 'volume tags')],
    keyValidators: stringRules(specField(tag.fields, 'Key'), ''),
    elementValidators: stringRules(specField(tag.fields, 'Value'), ''),
    description:
      "Tags of the instance's disks (system and data disks): put on every disk after creation and changed in place (TagResources / UntagResources on the disks). If not set, the system disk's tags.",
  }),
  auto_release_time: attr.string({
    optional: true,
    validators: [
      v.pattern(
        /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)?$/,
        'a UTC time yyyy-MM-ddTHH:mm:ssZ (seconds are dropped by ECS), 30 minutes to 3 years ahead, or "" for none',
      ),
    ],
    description:
      'When a `PostPaid` instance is released automatically (UTC `yyyy-MM-ddTHH:mm:ssZ`, 30 minutes to 3 years ahead; ECS keeps minutes only). A change applies in place (ModifyInstanceAutoReleaseTime); removing it or `""` cancels the release. Refused with `instance_charge_type = "PrePaid"`.',
    meta: { ecs: 'AutoReleaseTime' },
  }),
  internet_max_bandwidth_in: attr.int({
    optional: true,
    computed: true,
    validators: [v.range(1, 10000)],
    description:
      'Inbound public bandwidth in Mbit/s: 1 to 10, or up to `internet_max_bandwidth_out` when that is above 10; needs `internet_max_bandwidth_out` above 0. If not set, 10 or the outbound bandwidth when higher. A change applies in place (ModifyInstanceNetworkSpec).',
    meta: { ecs: 'InternetMaxBandwidthIn' },
  }),
  spot_duration: attr.int({
    optional: true,
    computed: true,
    requiresReplace: true,
    validators: [v.range(0, 6)],
    description:
      'Hours a spot instance (`spot_strategy` other than `NoSpot`) is kept before it may be reclaimed: 0 (no guarantee) or 1 (the ECS default) are sold. A change replaces the instance (ECS cannot change it; upstream ignores changes).',
    meta: { ecs: 'SpotDuration' },
  }),
  spot_interruption_behavior: attr.string({
    optional: true,
    computed: true,
    requiresReplace: true,
    validators: [v.oneOf(...SPOT_INTERRUPTION_BEHAVIORS)],
    description:
      'What happens to a spot instance when it is reclaimed: `Terminate` (released, the ECS default) or `Stop` (stopped in economical mode). A change replaces the instance.',
    meta: { ecs: 'SpotInterruptionBehavior' },
  }),
  password_inherit: attr.bool({
    optional: true,
    requiresReplace: true,
    conflictsWith: ['password'],
    description:
      'Log in with the password preset in the (custom) image instead of `password`; sent with RunInstances, and with ReplaceSystemDisk when `image_id` changes. Never read back. A change replaces the instance (ECS applies it only when a system disk is made; upstream ignores changes).',
    meta: { ecs: 'PasswordInherit' },
  }),
  credit_specification: attr.string({
    optional: true,
    computed: true,
    validators: [v.oneOf(...CREDIT_SPECIFICATIONS)],
    description:
      'Performance mode of a burstable instance type (`ecs.t5-*`, `ecs.t6-*`): `Standard` (the ECS default) or `Unlimited`. Refused for other types; empty for them when not set. A change applies in place (ModifyInstanceAttribute).',
    meta: { ecs: 'CreditSpecification' },
  }),
  deployment_set_id: attr.string({
    optional: true,
    description:
      'Deployment set (`alicloud_ecs_deployment_set`) the instance belongs to. A change moves the instance in place, running or stopped (ModifyInstanceDeployment); removing it or `""` takes the instance out of the set.',
    meta: { ecs: 'DeploymentSetId' },
  }),
  hpc_cluster_id: attr.string({
    optional: true,
    requiresReplace: true,
    validators: [v.nonEmpty()],
    description:
      'HPC cluster (`alicloud_ecs_hpc_cluster`) of a super computing cluster instance (`ecs.scc*` types, which need one; other types refuse it). A change replaces the instance.',
    meta: { ecs: 'HpcClusterId' },
  }),
  private_pool_options_match_criteria: attr.string({
    optional: true,
    computed: true,
    validators: [v.oneOf(...PRIVATE_POOL_MATCH_CRITERIA)],
    description:
      'Which private pool (the capacity of an elasticity assurance or capacity reservation) the instance starts from: `Open` (any matching open pool, else the public pool), `Target` (the pool in `private_pool_options_id`) or `None` (the public pool; the ECS default). Spot instances take `None` only. A change applies in place (ModifyInstanceAttachmentAttributes).',
    meta: { ecs: 'PrivatePoolOptions.MatchCriteria' },
  }),
  private_pool_options_id: attr.string({
    optional: true,
    computed: true,
    description: 'The private pool of `private_pool_options_match_criteria = "Target"`. A change applies in place.',
    meta: { ecs: 'PrivatePoolOptions.Id' },
  }),
  deployment_set_group_no: attr.string({
    computed: true,
    description: 'Group of the instance in an `AvailabilityGroup` deployment set (`1` to `7`); empty otherwise.',
  }),
} as const;
