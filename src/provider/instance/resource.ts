/**
 * `alicloud_instance`: RunInstances then wait Running (and stop when `status = "Stopped"`);
 * ModifyInstanceAttribute / ModifyInstanceNetworkSpec / tags / JoinResourceGroup /
 * Start/StopInstance on update; instance_type (ModifyInstanceSpec) and image_id (ReplaceSystemDisk)
 * change in place around a stop and a restart to the prior status (image_id replaces the instance
 * instead under the provider feature `ecs_instance.replace_on_image_update`), system_disk_size grows with
 * ResizeDisk; DeleteInstance (forced) then wait until it is gone.
 */
import { NO_STATE, defineResource, type ModifyPlanRequest } from '../../framework/index.js';
import {
  bindInstanceRamRole,
  bindKeyPair,
  deleteInstance,
  describeInstanceDetail,
  describeInstanceDisks,
  describeInstanceJumboFrame,
  describeInstanceUserData,
  describeInstancePrivatePool,
  describeInstanceMaintenance,
  describeInstanceNetworkInterfaces,
  describeInstanceRamRoleName,
  describeInstanceRenewal,
  describeSystemDisk,
  joinResourceGroup,
  modifyInstanceAttribute,
  modifyInstanceChargeType,
  modifyInstanceMetadataOptions,
  modifyInstanceNetworkSpec,
  modifyInstanceRenewal,
  modifyInstanceType,
  modifyPrepayInstanceType,
  modifyInstanceVpcAttribute,
  replaceSystemDisk,
  resizeDisk,
  runInstance,
  startInstance,
  stopInstance,
  waitInstanceDeleted,
  waitInstanceMatches,
  waitInstanceStatus,
  type AlibabaCloudClient,
  type InstanceDetail,
  type ModifyInstanceAttributeInput,
} from '../../ecs/index.js';
import type { ProviderClient } from '../config.js';
import { attempt, readRemote, syncEcsTags } from '../common/index.js';
import { INSTANCE_EXAMPLE } from './example.js';
import {
  fromInstance,
  toCreditAfterTypeChange,
  toModifyInstanceAttributeInput,
  toRunInstanceInput,
  type InstanceNow,
  type InstancePrior,
} from './mapping.js';
import { instanceSchema } from './schema.js';
import { planInstanceDisks, updateDiskLevels, updateSystemDisk } from './disks-update.js';
import { checkLaunchOptions, updateLaunchOptions } from './launch-options.js';
import { checkMaintenance, updateMaintenance } from './maintenance.js';
import { checkNetworkInterfaces, withNetworkInterfaces } from './network-interfaces-mapping.js';
import { cpuOptionsChange, planHardwareOptions } from './hardware-options.js';
import { checkPrepaySpec } from './prepay-spec.js';
import { changeIpv6s, changeSecondaryIps } from './network-update.js';

const ATTRIBUTE_BY_CODE: Readonly<Record<string, string>> = {
  'InvalidImageId.NotFound': 'image_id',
  'InvalidInstanceType.ValueUnauthorized': 'instance_type',
  'InvalidInstanceType.NotFound': 'instance_type',
  'InvalidVSwitchId.NotFound': 'vswitch_id',
  'InvalidSecurityGroupId.NotFound': 'security_groups',
  'InvalidZoneId.NotFound': 'availability_zone',
  'InvalidSystemDiskCategory.ValueNotSupported': 'system_disk_category',
  InvalidSystemDiskSize: 'system_disk_size',
  'InvalidPassword.Malformed': 'password',
  'InvalidHostName.Malformed': 'host_name',
  'InvalidInstanceName.Malformed': 'instance_name',
  'InvalidDescription.Malformed': 'description',
  'InvalidResourceGroup.NotFound': 'resource_group_id',
  'InvalidInternetMaxBandwidthOut.Malformed': 'internet_max_bandwidth_out',
  'InvalidInstanceType.ValueNotSupported': 'instance_type',
  'InvalidInstanceChargeType.NotSupported': 'instance_type',
  IncorrectImageStatus: 'image_id',
  'InvalidDiskSize.TooSmall': 'system_disk_size',
  'InvalidKeyPairName.NotFound': 'key_name',
  'InvalidDeploymentSetId.NotFound': 'deployment_set_id',
  'QuotaExceed.DeploymentSetInstanceQuotaFull': 'deployment_set_id',
  'InvalidHpcClusterId.NotFound': 'hpc_cluster_id',
  'InvalidHpcClusterId.Unnecessary': 'hpc_cluster_id',
  'InvalidHpcClusterId.Necessary': 'hpc_cluster_id',
  'MissingParameter.PrivatePoolOptionsId': 'private_pool_options_id',
  'Invalid.PrivatePoolOptionsId': 'private_pool_options_id',
  'InvalidParameter.PrivatePoolOptions': 'private_pool_options_match_criteria',
  InvalidPeriod: 'period',
  'InvalidPrivateIpAddress.Mismatch': 'private_ip',
  'InvalidPrivateIpAddress.Duplicated': 'private_ip',
  'InvalidPrivateIpAddress.Malformed': 'private_ip',
  InvalidPrivateIpAddress: 'private_ip',
  'InvalidVSwitchId.Mismatch': 'vswitch_id',
  'InvalidInstanceChargeType.ValueNotSupported': 'instance_charge_type',
  'InvalidInternetChargeType.ValueNotSupported': 'internet_charge_type',
  'InvalidIp.Address.NotFound': 'secondary_private_ips',
  'InvalidOperation.Ipv4CountExceeded': 'secondary_private_ip_address_count',
  'InvalidRamRole.NotFound': 'role_name',
  'InvalidRamRole.NotEcsRole': 'role_name',
  'InvalidInstance.RamRoleAttached': 'role_name',
  'InvalidRamRole.NotAttached': 'role_name',
  InvalidDuration: 'auto_renew_period',
  'InvalidRenewalStatus.ValueNotSupported': 'renewal_status',
  'InvalidVSwitchId.Ipv6NotTurnOn': 'vswitch_id',
  'InvalidOperation.Ipv6CountExceeded': 'ipv6_addresses',
  'InvalidIpv6Address.Mismatch': 'ipv6_addresses',
  'InvalidIpv6Address.Duplicated': 'ipv6_addresses',
  'InvalidIpv6Address.NotFound': 'ipv6_addresses',
  'InvalidOperation.EniCountExceeded': 'network_interfaces',
  'InvalidCpuOptions.ValueNotSupported': 'cpu_options',
  'InvalidParameter.LoginAsNonRoot': 'image_options',
  'InvalidInstanceType.JumboFrameNotSupported': 'enable_jumbo_frame',
  'InvalidIoOptimizedValue.ValueNotSupported': 'is_outdated',
  InvalidEncryptAlgorithm: 'system_disk_encrypt_algorithm',
  'InvalidEncrypted.NotMatchEncryptAlgorithm': 'system_disk_encrypt_algorithm',
};
const attributeFor = (code: string): string | undefined => ATTRIBUTE_BY_CODE[code];

/** The instance, its disks, its RAM role and (PrePaid) its renewal, or undefined when the instance is gone. */
async function describeInstance(client: AlibabaCloudClient, id: string, signal: AbortSignal): Promise<InstanceNow | undefined> {
  const instance = await describeInstanceDetail(client, id, { signal });
  if (!instance) return undefined;
  const [disks, roleName, renewal, maintenance, networkInterfaces, jumboFrame, userData, privatePool] = await Promise.all([
    describeInstanceDisks(client, id, { signal }),
    describeInstanceRamRoleName(client, id, { signal }),
    instance.InstanceChargeType === 'PrePaid' ? describeInstanceRenewal(client, id, { signal }) : undefined,
    describeInstanceMaintenance(client, id, { signal }),
    describeInstanceNetworkInterfaces(client, id, { signal }),
    describeInstanceJumboFrame(client, id, { signal }),
    describeInstanceUserData(client, id, { signal }),
    describeInstancePrivatePool(client, id, { signal }),
  ]);
  return { instance, disks, roleName, renewal, maintenance, networkInterfaces, jumboFrame, userData, privatePool };
}

/** State of the instance now (`prior` keeps what the API cannot tell), or an error when it vanished. */
async function readInstance(client: AlibabaCloudClient, id: string, prior: InstancePrior, signal: AbortSignal) {
  const now = await describeInstance(client, id, signal);
  if (!now) throw new Error(`instance ${id} no longer exists`);
  return fromInstance(now, prior);
}

async function settle(
  client: AlibabaCloudClient,
  id: string,
  want: 'Running' | 'Stopped',
  timeoutMs: number,
  signal: AbortSignal,
  stoppedMode?: StoppedMode,
): Promise<void> {
  const now = await describeInstanceDetail(client, id, { signal });
  if (now?.Status === want) return;
  // Let a transition in progress finish before asking for the opposite one.
  if (now && now.Status !== 'Running' && now.Status !== 'Stopped')
    await waitInstanceStatus(client, id, now.Status === 'Stopping' ? 'Stopped' : 'Running', { timeoutMs, signal });
  const again = await describeInstanceDetail(client, id, { signal });
  if (again?.Status === want) return;
  if (want === 'Running') await startInstance(client, id, { signal });
  else await stopInstance(client, id, { signal, stoppedMode });
  await waitInstanceStatus(client, id, want, { timeoutMs, signal });
}

type StoppedMode = 'StopCharging' | 'KeepCharging';
/** The configured stopped_mode, when it is one a stop can ask for. */
const stoppedModeOf = (plan: Planned): StoppedMode | undefined =>
  plan.stopped_mode === 'StopCharging' || plan.stopped_mode === 'KeepCharging' ? plan.stopped_mode : undefined;

/**
 * Shrinking the system disk is refused at plan time; a new type or image makes the derived attributes
 * unknown; a new image replaces the instance when the provider sets
 * `features { ecs_instance { replace_on_image_update = true } }`.
 */
async function modifyPlan({
  plan,
  prior,
  diags,
  client,
  requireReplace,
  config,
}: ModifyPlanRequest<typeof instanceSchema, ProviderClient>): Promise<void> {
  refuseKms(plan, diags);
  checkMaintenance(plan, prior ?? undefined, diags);
  if (!prior) return;
  planInstanceDisks(plan, prior, diags);
  planHardwareOptions(config ?? {}, plan, prior);
  const size = plan.system_disk_size;
  if (typeof size === 'number' && typeof prior.system_disk_size === 'number' && size < prior.system_disk_size) {
    diags.addAttributeError(
      [{ attribute: 'system_disk_size' }],
      'System Disk Cannot Shrink',
      `system_disk_size can only grow: the system disk of ${prior.id} is ${prior.system_disk_size} GiB, so ${size} is refused. Use ${prior.system_disk_size} or more.`,
    );
  }
  if (plan.instance_type !== undefined && plan.instance_type !== prior.instance_type) {
    plan.cpu = undefined;
    plan.memory = undefined;
  }
  if (plan.image_id !== undefined && plan.image_id !== prior.image_id) {
    // No client yet (provider block unknown at plan time): keep the default in-place behaviour.
    if (client?.features?.ecsInstance.replaceOnImageUpdate) requireReplace('image_id');
    plan.os_type = undefined;
    plan.os_name = undefined;
  }
}

type Planned = Parameters<typeof toRunInstanceInput>[0];

/**
 * kms_encrypted_password / kms_encryption_context are refused, never accepted and ignored: the
 * official provider decrypts them with KMS Decrypt, which neither this provider nor the emulator serves.
 */
function refuseKms(
  v: { kms_encrypted_password?: string | null; kms_encryption_context?: Readonly<Record<string, string | undefined>> | null },
  diags: ModifyPlanRequest<typeof instanceSchema, ProviderClient>['diags'],
): void {
  for (const name of ['kms_encrypted_password', 'kms_encryption_context'] as const)
    if (v[name] != null)
      diags.addAttributeError(
        [{ attribute: name }],
        'KMS Passwords Are Not Supported',
        `${name} needs KMS Decrypt to recover the password, and this provider does not call KMS. Remove ${name} and set password instead (for example from a secret store or a variable marked sensitive); nothing was created or changed.`,
      );
}

/**
 * Changes that need the instance Stopped, in the official provider's order: stop (when the VPC
 * attributes, type, image or CPU options change), ModifyInstanceVpcAttribute (vswitch_id / private_ip / vpc_id,
 * then wait until DescribeInstances shows them), ModifyInstanceSpec, the CPU options (ModifyInstanceAttribute; the
 * written ones again after a type change, which resets them), ReplaceSystemDisk (carrying the
 * planned size, so a new image and a larger disk are one step) or ResizeDisk, then start again when
 * it was running (or when the plan asks for Running). A failure after the stop still tries to restart.
 */
async function changeWhileStopped(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  changed: ReadonlySet<string>,
  timeoutMs: number,
  signal: AbortSignal,
  cpuOptions?: ModifyInstanceAttributeInput['CpuOptions'],
): Promise<void> {
  const typeChanged = changed.has('instance_type') && !!plan.instance_type;
  const imageChanged = changed.has('image_id') && !!plan.image_id;
  const sizeChanged = changed.has('system_disk_size') && typeof plan.system_disk_size === 'number';
  const vpcChanged = (['vswitch_id', 'private_ip', 'vpc_id'] as const).some((k) => changed.has(k) && !!plan[k]);
  if (!typeChanged && !imageChanged && !sizeChanged && !vpcChanged && !cpuOptions) return;
  const now = await describeInstanceDetail(client, id, { signal });
  const wasRunning = now?.Status !== 'Stopped' && now?.Status !== 'Stopping';
  const needStop = typeChanged || imageChanged || vpcChanged || !!cpuOptions;
  if (needStop) await settle(client, id, 'Stopped', timeoutMs, signal, stoppedModeOf(plan));
  let failure: unknown;
  try {
    if (vpcChanged) await moveNetwork(client, id, plan, changed, now, timeoutMs, signal);
    // A subscription changes type with ModifyPrepayInstanceSpec (its charge type now, after any switch above).
    if (typeChanged && now?.InstanceChargeType === 'PrePaid')
      await modifyPrepayInstanceType(
        client,
        id,
        plan.instance_type!,
        (plan.operator_type ?? undefined) as 'upgrade' | 'downgrade' | undefined,
        { signal },
      );
    else if (typeChanged) await modifyInstanceType(client, id, plan.instance_type!, { signal });
    if (cpuOptions) await modifyInstanceAttribute(client, { InstanceId: id, CpuOptions: cpuOptions }, { signal });
    if (imageChanged) {
      const size =
        typeof plan.system_disk_size === 'number' ? plan.system_disk_size : (await describeSystemDisk(client, id, { signal }))?.size;
      await replaceSystemDisk(
        client,
        {
          InstanceId: id,
          ImageId: plan.image_id!,
          SystemDiskSize: size,
          Password: plan.password ?? undefined,
          PasswordInherit: plan.password_inherit ?? undefined,
        },
        { signal },
      );
    } else if (sizeChanged) {
      const disk = await describeSystemDisk(client, id, { signal });
      if (!disk) throw new Error(`instance ${id} lists no system disk to resize`);
      if (disk.size !== plan.system_disk_size) await resizeDisk(client, disk.diskId, plan.system_disk_size!, { signal });
    }
  } catch (err) {
    failure = err;
  }
  const want = changed.has('status') && plan.status ? plan.status : wasRunning ? 'Running' : 'Stopped';
  // Restore the prior running state even after a failed change; the change's own error wins.
  if (needStop && want === 'Running')
    await settle(client, id, 'Running', timeoutMs, signal).catch((e: unknown) => {
      failure ??= e;
    });
  if (failure) throw failure;
}

/**
 * ModifyInstanceVpcAttribute as the official provider sends it: VSwitchId always (the planned one),
 * PrivateIpAddress only when it is configured and changed, VpcId with the planned security groups
 * only when the VPC changes; then wait until DescribeInstances shows the new vSwitch (and address).
 */
async function moveNetwork(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  changed: ReadonlySet<string>,
  now: InstanceDetail | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const vswitch = plan.vswitch_id ?? now?.VSwitchId;
  const ip = changed.has('private_ip') && plan.private_ip ? plan.private_ip : undefined;
  const vpc = changed.has('vpc_id') && plan.vpc_id && plan.vpc_id !== now?.VpcId ? plan.vpc_id : undefined;
  await modifyInstanceVpcAttribute(
    client,
    {
      InstanceId: id,
      VSwitchId: vswitch,
      PrivateIpAddress: ip,
      VpcId: vpc,
      SecurityGroupId: vpc ? (plan.security_groups ?? undefined) : undefined,
    },
    { signal },
  );
  await waitInstanceMatches(
    client,
    id,
    `vSwitch ${vswitch}${ip ? ` and private IP ${ip}` : ''}`,
    (i) => i.VSwitchId === vswitch && (!ip || i.PrivateIp === ip),
    { timeoutMs, signal },
  );
}

/** ModifyInstanceChargeType (while running, before any stop), then wait until DescribeInstances shows the new billing. */
async function changeChargeType(client: AlibabaCloudClient, id: string, plan: Planned, timeoutMs: number, signal: AbortSignal) {
  const chargeType = plan.instance_charge_type as 'PrePaid' | 'PostPaid';
  await modifyInstanceChargeType(
    client,
    {
      instanceId: id,
      chargeType,
      period: plan.period ?? 1,
      periodUnit: (plan.period_unit ?? 'Month') as 'Week' | 'Month',
      includeDataDisks: plan.include_data_disks ?? true,
    },
    { signal },
  );
  await waitInstanceMatches(client, id, `InstanceChargeType ${chargeType}`, (i) => i.InstanceChargeType === chargeType, {
    timeoutMs,
    signal,
  });
}

/**
 * Whether a subscription's renewal must be set: renewal_status or auto_renew_period changed (the
 * period only matters under AutoRenewal), or the instance just became PrePaid with a renewal other
 * than ECS's default `Normal`.
 */
function renewalChanged(plan: Planned, prior: Planned, changed: ReadonlySet<string>): boolean {
  if (plan.instance_charge_type !== 'PrePaid') return false;
  if (changed.has('instance_charge_type') && prior.instance_charge_type !== 'PrePaid') return plan.renewal_status !== 'Normal';
  return changed.has('renewal_status') || (changed.has('auto_renew_period') && plan.renewal_status === 'AutoRenewal');
}

/** ModifyInstanceAutoRenewAttribute with the planned renewal (period and unit only for AutoRenewal). */
async function changeRenewal(client: AlibabaCloudClient, id: string, plan: Planned, signal: AbortSignal) {
  await modifyInstanceRenewal(
    client,
    id,
    {
      renewalStatus: (plan.renewal_status ?? 'Normal') as 'AutoRenewal' | 'Normal' | 'NotRenewal',
      duration: plan.auto_renew_period ?? 1,
      periodUnit: (plan.period_unit ?? 'Month') as 'Month' | 'Week',
    },
    { signal },
  );
}

const SECONDARY_IPS: ReadonlySet<string> = new Set(['secondary_private_ips', 'secondary_private_ip_address_count']);
const VOLUME_TAGS: ReadonlySet<string> = new Set(['volume_tags']);

/** Detach the old RAM role (when there was one), then attach the new one (unless it is ''). */
async function changeRamRole(
  client: AlibabaCloudClient,
  id: string,
  before: string | null | undefined,
  after: string | null | undefined,
  signal: AbortSignal,
) {
  if (before) await bindInstanceRamRole(client, { instanceId: id, roleName: before, attach: false }, { signal });
  if (after) await bindInstanceRamRole(client, { instanceId: id, roleName: after, attach: true }, { signal });
}

/**
 * ModifyInstanceNetworkSpec after the restart, as the official provider: NetworkChargeType when
 * internet_charge_type changed, the bandwidth when it changed, AllocatePublicIp when a pay-as-you-go
 * instance goes from 0 to above 0, InternetMaxBandwidthIn when internet_max_bandwidth_in changed; then wait until DescribeInstances shows both.
 */
async function changeNetworkSpec(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  prior: Planned,
  changed: ReadonlySet<string>,
  timeoutMs: number,
  signal: AbortSignal,
) {
  const chargeChanged = changed.has('internet_charge_type') && !!plan.internet_charge_type;
  const bandwidthChanged = changed.has('internet_max_bandwidth_out');
  const inboundChanged = changed.has('internet_max_bandwidth_in') && typeof plan.internet_max_bandwidth_in === 'number';
  if (!chargeChanged && !bandwidthChanged && !inboundChanged) return;
  const bandwidth = plan.internet_max_bandwidth_out ?? 0;
  const allocate =
    bandwidthChanged && (prior.internet_max_bandwidth_out ?? 0) === 0 && bandwidth > 0 && plan.instance_charge_type !== 'PrePaid';
  await modifyInstanceNetworkSpec(
    client,
    {
      InstanceId: id,
      NetworkChargeType: chargeChanged ? (plan.internet_charge_type as 'PayByTraffic' | 'PayByBandwidth') : undefined,
      InternetMaxBandwidthOut: bandwidthChanged ? bandwidth : undefined,
      AllocatePublicIp: allocate || undefined,
      InternetMaxBandwidthIn: inboundChanged ? plan.internet_max_bandwidth_in! : undefined,
    },
    { signal },
  );
  await waitInstanceMatches(
    client,
    id,
    'the new network spec',
    (i) => i.InternetMaxBandwidthOut === bandwidth && (!chargeChanged || i.InternetChargeType === plan.internet_charge_type),
    { timeoutMs, signal },
  );
}

export const instanceResource = defineResource<typeof instanceSchema, ProviderClient>({
  typeName: 'alicloud_instance',
  schema: instanceSchema,
  modifyPlan,
  configValidators: [
    (config, diags) => config && refuseKms(config, diags),
    (config, diags) => config && checkLaunchOptions(config, diags),
    (config, diags) => config && checkNetworkInterfaces(config, diags),
    (config, diags) => config && checkPrepaySpec(config, diags),
    (config, diags) => {
      // ECS sells weekly renewals of 1 to 4 weeks only.
      if (config?.renewal_status === 'AutoRenewal' && config.period_unit === 'Week' && (config.auto_renew_period ?? 1) > 4)
        diags.addAttributeError(
          [{ attribute: 'auto_renew_period' }],
          'Invalid Renewal Period',
          `auto_renew_period = ${config.auto_renew_period} with period_unit = "Week": weekly renewals are 1 to 4 weeks. Use 1, 2 or 3, or period_unit = "Month".`,
        );
    },
  ],
  docs: {
    subcategory: 'ECS',
    availableSince: '1.0.0',
    productDocs: { title: 'Elastic Compute Service', url: 'https://www.alibabacloud.com/help/en/ecs/' },
    example: INSTANCE_EXAMPLE,
    importId: 'i-running-1234567890123456',
    importNote:
      'An import cannot read `system_disk_encrypt_algorithm` (DescribeDisks does not report it) nor which `data_disks` were launched with the instance: keep them in the configuration as they were.',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    const created = await attempt(diags, { summary: 'Cannot Create Instance', attributeFor }, () =>
      runInstance(client, withNetworkInterfaces(plan, toRunInstanceInput(plan)), { signal }),
    );
    if (created === NO_STATE) return NO_STATE;
    const id = created.instanceId;
    saveProgress({ id });
    const note = `The instance ${id} is kept in state as tainted; the next apply replaces it.`;
    return attempt(diags, { summary: 'Instance Did Not Become Ready', timeoutKey: 'create', note, attributeFor }, async () => {
      if (plan.role_name) await bindInstanceRamRole(client, { instanceId: id, roleName: plan.role_name, attach: true }, { signal });
      await waitInstanceStatus(client, id, 'Running', { timeoutMs: timeouts.create, signal });
      await updateLaunchOptions(client, id, plan, {}, VOLUME_TAGS, 'afterBilling', signal);
      await updateMaintenance(client, id, plan, 'create', signal);
      // RunInstances can only ask for AutoRenewal; NotRenewal is set afterwards.
      if (plan.instance_charge_type === 'PrePaid' && plan.renewal_status === 'NotRenewal') await changeRenewal(client, id, plan, signal);
      await changeSecondaryIps(client, id, [], plan, SECONDARY_IPS, signal);
      if (plan.status === 'Stopped') await settle(client, id, 'Stopped', timeouts.create, signal, stoppedModeOf(plan));
      return readInstance(client, id, plan, signal);
    });
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeInstance(req.client, id, req.signal),
      (now) => fromInstance(now, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal, timeouts, saveProgress }) {
    const id = prior.id!;
    const result = await attempt(diags, { summary: 'Cannot Update Instance', attributeFor, timeoutKey: 'update' }, async () => {
      const attrs = toModifyInstanceAttributeInput(id, plan, changed);
      if (attrs) await modifyInstanceAttribute(client, attrs, { signal });
      if (changed.has('tags')) await syncEcsTags(client, { resourceType: 'instance', id }, prior.tags, plan.tags, { signal });
      if (changed.has('key_name')) {
        if (prior.key_name) await bindKeyPair(client, { keyPairName: prior.key_name, instanceId: id, attach: false }, { signal });
        if (plan.key_name) await bindKeyPair(client, { keyPairName: plan.key_name, instanceId: id, attach: true }, { signal });
      }
      if (changed.has('resource_group_id') && plan.resource_group_id)
        await joinResourceGroup(client, { resourceType: 'instance', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
      await updateLaunchOptions(client, id, plan, prior, changed, 'beforeBilling', signal);
      if (changed.has('instance_charge_type') && plan.instance_charge_type)
        await changeChargeType(client, id, plan, timeouts.update, signal);
      if (renewalChanged(plan, prior, changed)) await changeRenewal(client, id, plan, signal);
      if ((changed.has('http_endpoint') && plan.http_endpoint) || (changed.has('http_tokens') && plan.http_tokens))
        await modifyInstanceMetadataOptions(
          client,
          {
            InstanceId: id,
            HttpEndpoint: (plan.http_endpoint ?? undefined) as 'enabled' | 'disabled' | undefined,
            HttpTokens: (plan.http_tokens ?? undefined) as 'optional' | 'required' | undefined,
          },
          { signal },
        );
      if (changed.has('role_name')) await changeRamRole(client, id, prior.role_name, plan.role_name, signal);
      await changeSecondaryIps(client, id, prior.secondary_private_ips ?? [], plan, changed, signal);
      await changeIpv6s(client, id, prior.ipv6_addresses ?? [], plan, changed, signal);
      await changeWhileStopped(client, id, plan, changed, timeouts.update, signal, cpuOptionsChange(plan, prior, changed));
      const credit = toCreditAfterTypeChange(id, plan, changed);
      if (credit) await modifyInstanceAttribute(client, credit, { signal });
      await updateSystemDisk(client, id, plan, changed, signal);
      await updateLaunchOptions(client, id, plan, prior, changed, 'afterBilling', signal);
      await updateMaintenance(client, id, plan, changed, signal);
      await updateDiskLevels(client, plan, prior, timeouts.update, signal);
      await changeNetworkSpec(client, id, plan, prior, changed, timeouts.update, signal);
      if (changed.has('status') && plan.status)
        await settle(client, id, plan.status as 'Running' | 'Stopped', timeouts.update, signal, stoppedModeOf(plan));
      return readInstance(client, id, plan, signal);
    });
    // Keep what the failed update did change: the instance as it is now.
    if (result === NO_STATE) await readInstance(client, id, prior, signal).then(saveProgress, () => undefined);
    return result;
  },

  async delete({ state, client, diags, signal, timeouts }) {
    if (state.deletion_protection) {
      diags.addAttributeError(
        [{ attribute: 'deletion_protection' }],
        'Cannot Delete Instance',
        `Instance ${state.id} has deletion_protection = true. Set it to false and apply, then destroy again.`,
      );
      return;
    }
    if (state.instance_charge_type === 'PrePaid' && !state.force_delete) {
      diags.addAttributeError(
        [{ attribute: 'instance_charge_type' }],
        'Cannot Delete Instance',
        `Instance ${state.id} is a subscription (PrePaid). Set instance_charge_type = "PostPaid" and apply, or set force_delete = true and apply, then destroy again.`,
      );
      return;
    }
    await attempt(diags, { summary: 'Cannot Delete Instance', timeoutKey: 'delete' }, async () => {
      if (state.instance_charge_type === 'PrePaid')
        await changeChargeType(client, state.id!, { ...state, instance_charge_type: 'PostPaid' }, timeouts.delete, signal);
      const r = await deleteInstance(client, state.id!, true, { signal });
      if (!r.notFound) await waitInstanceDeleted(client, state.id!, { timeoutMs: timeouts.delete, signal });
    });
  },

  async importState({ id }) {
    return { id };
  },
});
