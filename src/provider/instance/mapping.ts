/** Pure mapping between `alicloud_instance` state and the ECS instance API. */
import type {
  Disk,
  InstanceDetail,
  InstanceMaintenance,
  InstanceRenewal,
  NetworkInterfaceDetail,
  RunInstanceInput,
} from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import { fromInstanceDisks, toRunInstanceDisks } from './disks-mapping.js';
import { fromLaunchOptions, fromPrivatePool, toRunLaunchOptions } from './launch-options.js';
import { fromMaintenance } from './maintenance.js';
import { fromHardwareOptions, toRunHardwareOptions } from './hardware-options.js';
import { fromPrepaySpec } from './prepay-spec.js';
import { fromInstanceIpv6, toRunInstanceIpv6 } from './network-mapping.js';
import { fromNetworkInterfaces } from './network-interfaces-mapping.js';
import type { PlanOf } from '../../framework/index.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;

export function toRunInstanceInput(plan: Planned): RunInstanceInput {
  return {
    ZoneId: plan.availability_zone ?? undefined,
    ImageId: plan.image_id!,
    InstanceType: plan.instance_type!,
    SecurityGroupIds: plan.security_groups ?? undefined,
    VSwitchId: plan.vswitch_id ?? undefined,
    PrivateIpAddress: plan.private_ip ?? undefined,
    ...toRunInstanceIpv6(plan),
    InstanceName: plan.instance_name ?? undefined,
    Description: plan.description ?? undefined,
    HostName: plan.host_name ?? undefined,
    Password: plan.password ?? undefined,
    InternetMaxBandwidthOut: plan.internet_max_bandwidth_out ?? undefined,
    InternetChargeType: (plan.internet_charge_type ?? undefined) as RunInstanceInput['InternetChargeType'],
    InstanceChargeType: (plan.instance_charge_type ?? undefined) as RunInstanceInput['InstanceChargeType'],
    ...(plan.instance_charge_type === 'PrePaid'
      ? {
          Period: plan.period ?? 1,
          PeriodUnit: (plan.period_unit ?? 'Month') as RunInstanceInput['PeriodUnit'],
          ...(plan.renewal_status === 'AutoRenewal' ? { AutoRenew: true, AutoRenewPeriod: plan.auto_renew_period ?? 1 } : {}),
        }
      : {}),
    DryRun: plan.dry_run === true ? true : undefined,
    KeyPairName: plan.key_name ?? undefined,
    SpotStrategy: (plan.spot_strategy ?? undefined) as RunInstanceInput['SpotStrategy'],
    SpotPriceLimit:
      plan.spot_price_limit == null || plan.spot_strategy !== 'SpotWithPriceLimit' ? undefined : String(plan.spot_price_limit),
    SecurityEnhancementStrategy: (plan.security_enhancement_strategy ?? undefined) as RunInstanceInput['SecurityEnhancementStrategy'],
    ...toRunInstanceDisks(plan),
    ResourceGroupId: plan.resource_group_id ?? undefined,
    DeletionProtection: plan.deletion_protection ?? undefined,
    HttpEndpoint: (plan.http_endpoint ?? undefined) as RunInstanceInput['HttpEndpoint'],
    HttpTokens: (plan.http_tokens ?? undefined) as RunInstanceInput['HttpTokens'],
    HttpPutResponseHopLimit: plan.http_put_response_hop_limit ?? undefined,
    UserData: plan.user_data ? toBase64UserData(plan.user_data) : undefined,
    Tag: tagsToInput(plan.tags),
    ...toRunLaunchOptions(plan),
    ...toRunHardwareOptions(plan),
  };
}

/** What a read keeps from before: the prior state, or the plan right after create or update. */
export type InstancePrior = Partial<InstanceState> | Partial<Planned>;

/** What a read gathers about one instance: DescribeInstances, its disks, its RAM role and (PrePaid) its renewal. */
export interface InstanceNow {
  instance: InstanceDetail;
  disks: readonly Disk[];
  /** '' when the instance carries no RAM role. */
  roleName: string;
  /** Undefined for a pay-as-you-go instance. */
  renewal?: InstanceRenewal;
  /** DescribeInstanceMaintenanceAttributes (undefined when ECS lists none). */
  maintenance?: InstanceMaintenance;
  /** DescribeNetworkInterfaces of the instance (primary first). */
  networkInterfaces?: readonly NetworkInterfaceDetail[];
  /** DescribeInstanceAttribute `EnableJumboFrame`. */
  jumboFrame?: boolean;
  /** DescribeUserData (base64, '' when none); undefined when not read. */
  userData?: string;
  /** DescribeInstanceAttachmentAttributes; undefined when not read. */
  privatePool?: { matchCriteria: string; id: string };
}

/** State from what a read gathered; the password is never readable, so it is kept. */
export function fromInstance(
  { instance: i, disks, roleName, renewal, maintenance, networkInterfaces, jumboFrame, userData, privatePool }: InstanceNow,
  prior: InstancePrior,
): InstanceState {
  return {
    id: i.InstanceId,
    image_id: i.ImageId,
    instance_type: i.InstanceType,
    security_groups: [...i.SecurityGroupIds].sort(),
    availability_zone: i.ZoneId,
    vswitch_id: optionalString(i.VSwitchId, prior.vswitch_id),
    vpc_id: optionalString(i.VpcId, prior.vpc_id),
    private_ip: i.PrivateIp,
    secondary_private_ips: [...i.SecondaryPrivateIps].sort(),
    secondary_private_ip_address_count: i.SecondaryPrivateIps.length,
    ...fromInstanceIpv6(i),
    instance_name: i.InstanceName,
    description: optionalString(i.Description, prior.description),
    host_name: i.HostName,
    password: prior.password ?? null,
    kms_encrypted_password: prior.kms_encrypted_password ?? null,
    kms_encryption_context: prior.kms_encryption_context ?? null,
    user_data: userDataState(userData, prior.user_data),
    internet_max_bandwidth_out: i.InternetMaxBandwidthOut,
    internet_charge_type: i.InternetChargeType,
    instance_charge_type: i.InstanceChargeType || prior.instance_charge_type || 'PostPaid',
    // Not readable (the official provider keeps them from the configuration too).
    period: i.InstanceChargeType === 'PrePaid' ? (prior.period ?? 1) : (prior.period ?? null),
    period_unit: prior.period_unit ?? 'Month',
    include_data_disks: prior.include_data_disks ?? true,
    dry_run: prior.dry_run ?? false,
    force_delete: prior.force_delete ?? false,
    ...fromRenewal(renewal, prior),
    role_name: roleName,
    http_endpoint: i.MetadataOptions.HttpEndpoint || 'enabled',
    http_tokens: i.MetadataOptions.HttpTokens || 'optional',
    http_put_response_hop_limit: i.MetadataOptions.HttpPutResponseHopLimit || 1,
    ...fromInstanceDisks(disks, prior),
    resource_group_id: i.ResourceGroupId,
    tags: tagsForState(i.Tags, prior.tags),
    deletion_protection: i.DeletionProtection,
    status: i.Status,
    key_name: i.KeyPairName,
    spot_strategy: i.SpotStrategy || 'NoSpot',
    spot_price_limit: i.SpotPriceLimit,
    security_enhancement_strategy: prior.security_enhancement_strategy ?? null,
    primary_ip_address: i.PrivateIp,
    start_time: i.StartTime,
    expired_time: i.ExpiredTime,
    stopped_mode: i.Status === 'Stopped' ? i.StoppedMode : (prior.stopped_mode ?? 'Not-applicable'),
    public_ip: i.PublicIp,
    cpu: i.Cpu,
    memory: i.Memory,
    os_type: i.OSType,
    os_name: i.OSName,
    create_time: i.CreationTime,
    ...fromLaunchOptions(i, disks, prior),
    ...fromPrivatePool(privatePool, prior),
    ...fromMaintenance(maintenance, prior),
    ...fromNetworkInterfaces(networkInterfaces ?? []),
    ...fromHardwareOptions(i, jumboFrame ?? false, prior),
    ...fromPrepaySpec(prior),
  };
}

/**
 * State of `user_data` from DescribeUserData (base64): the configured text when ECS holds exactly
 * its encoding (plain text stays plain), else what ECS holds (drift shows; an import reads it);
 * '' or null as before when ECS holds none. Undefined (not read) keeps the prior value.
 */
export function userDataState(remote: string | undefined, prior: string | null | undefined): string | null {
  if (remote === undefined) return prior ?? null;
  if (remote === '') return prior === '' ? '' : null;
  return prior && toBase64UserData(prior) === remote ? prior : remote;
}

/** ECS wants UserData base64-encoded: keep a value that already is, encode anything else. */
export function toBase64UserData(text: string): string {
  const isBase64 = /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0 && Buffer.from(text, 'base64').toString('base64') === text;
  return isBase64 ? text : Buffer.from(text, 'utf8').toString('base64');
}

/** Attributes ModifyInstanceAttribute changes, from the set of changed attribute names. */
export function toModifyInstanceAttributeInput(id: string, plan: Planned, changed: ReadonlySet<string>) {
  const input = {
    InstanceId: id,
    InstanceName: changed.has('instance_name') ? (plan.instance_name ?? undefined) : undefined,
    Description: changed.has('description') ? (plan.description ?? undefined) : undefined,
    HostName: changed.has('host_name') ? (plan.host_name ?? undefined) : undefined,
    Password: changed.has('password') ? (plan.password ?? undefined) : undefined,
    DeletionProtection: changed.has('deletion_protection') ? (plan.deletion_protection ?? false) : undefined,
    SecurityGroupIds: changed.has('security_groups') ? (plan.security_groups ?? undefined) : undefined,
    UserData: changed.has('user_data') && plan.user_data ? toBase64UserData(plan.user_data) : undefined,
    // With a type change the mode waits for the new type (toCreditAfterTypeChange): ECS refuses it on a type that is not burstable.
    CreditSpecification:
      changed.has('credit_specification') && !changed.has('instance_type')
        ? (plan.credit_specification as 'Standard' | 'Unlimited' | null) || undefined
        : undefined,
    ...(changed.has('enable_jumbo_frame') && plan.enable_jumbo_frame != null ? { EnableJumboFrame: plan.enable_jumbo_frame } : {}),
  };
  const any = Object.entries(input).some(([k, x]) => k !== 'InstanceId' && x !== undefined);
  return any ? input : undefined;
}

/** The burstable mode of a type change, set once the instance has its new type (ModifyInstanceAttribute). */
export function toCreditAfterTypeChange(id: string, plan: Planned, changed: ReadonlySet<string>) {
  const mode = plan.credit_specification as 'Standard' | 'Unlimited' | null;
  return changed.has('credit_specification') && changed.has('instance_type') && mode
    ? { InstanceId: id, CreditSpecification: mode }
    : undefined;
}

/**
 * renewal_status and auto_renew_period: read for a subscription (the period only under
 * AutoRenewal, it means nothing otherwise); a pay-as-you-go instance has none, so the configured
 * values are kept for a later switch to PrePaid (the official provider suppresses their diff).
 */
function fromRenewal(renewal: InstanceRenewal | undefined, prior: InstancePrior) {
  const keptPeriod = prior.auto_renew_period ?? 1;
  if (!renewal) return { renewal_status: prior.renewal_status ?? 'Normal', auto_renew_period: keptPeriod };
  const auto = renewal.renewalStatus === 'AutoRenewal';
  return { renewal_status: renewal.renewalStatus, auto_renew_period: auto ? renewal.duration : keptPeriod };
}
