/**
 * ECS (2014-05-26) instance lifecycle actions: RunInstances, StartInstance, StopInstance,
 * DeleteInstance, ModifyInstanceAttribute, ModifyInstanceNetworkSpec, ModifyInstanceSpec,
 * ReplaceSystemDisk, ResizeDisk. Parameter names follow
 * the official `@alicloud/ecs20140526` 7.x request models (RunInstancesRequest, ...).
 * The client (`src/ecs/instance-lifecycle.ts`) encodes from these tables; the emulator's
 * instances family validates with them.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { RUN_INSTANCES_DEPLOYMENT_ERRORS, deploymentLaunchParams } from './deployment-sets.js';
import { RUN_INSTANCES_HPC_ERRORS, hpcLaunchParams } from './hpc-clusters.js';
import { autoSnapshotPolicyLaunchField } from './auto-snapshot-policies.js';
import { RUN_INSTANCES_PRIVATE_POOL_ERRORS, privatePoolOptionsParam } from './private-pools.js';
import { r } from './shape.js';
import { eipAddressShape, vpcAttributesShape } from './outputs.js';
import { ECS_VERSION, dryRunParam, ownerParams, regionIdParam, tagsParam } from './images.js';
import { metadataOptionParams } from './instance-metadata.js';
import { launchOptionParams } from './instance-launch-options.js';
import {
  RUN_INSTANCES_HARDWARE_ERRORS,
  cpuOptionsParam,
  enableJumboFrameParam,
  hardwareOptionParams,
} from './instance-hardware-options.js';
import { RUN_INSTANCES_IPV6_ERRORS, runInstancesIpv6Params } from './ipv6-addresses.js';
import { RUN_INSTANCES_ENI_ERRORS, runInstancesNetworkInterfaceParam } from './network-interfaces.js';
import { idempotencyTokenParam as clientToken, instanceIdParam as instanceId } from './params.js';
import { DISK_ENCRYPT_ALGORITHM_ERRORS, DISK_PERFORMANCE_ERRORS } from './disks.js';

export const INSTANCE_CHARGE_TYPES = ['PrePaid', 'PostPaid'] as const;
export const INTERNET_CHARGE_TYPES = ['PayByBandwidth', 'PayByTraffic'] as const;
export const SYSTEM_DISK_CATEGORIES = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry'] as const;

const instanceName = {
  kind: 'scalar',
  name: 'InstanceName',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidInstanceName.Malformed',
  emptyIsAbsent: true,
  description: '2 to 128 characters, starting with a letter or Chinese character, not starting with http:// or https://.',
} as const satisfies ScalarParam;
const description = {
  kind: 'scalar',
  name: 'Description',
  type: 'string',
  maxLength: 256,
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidDescription.Malformed',
  description: '0 to 256 characters, not starting with http:// or https://.',
} as const satisfies ScalarParam;
const password = {
  kind: 'scalar',
  name: 'Password',
  type: 'string',
  minLength: 8,
  maxLength: 30,
  errorCode: 'InvalidPassword.Malformed',
  emptyIsAbsent: true,
  description: '8 to 30 characters with at least three of: upper-case letters, lower-case letters, digits, special characters.',
} as const satisfies ScalarParam;
const hostName = {
  kind: 'scalar',
  name: 'HostName',
  type: 'string',
  minLength: 2,
  maxLength: 64,
  errorCode: 'InvalidHostName.Malformed',
  emptyIsAbsent: true,
  description: '2 to 64 characters (Linux): letters, digits, periods and hyphens; no leading/trailing period or hyphen.',
} as const satisfies ScalarParam;

export const runInstancesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'RunInstances',
  mutating: true,
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'ZoneId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'ImageId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'InstanceType', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SecurityGroupId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalarList', name: 'SecurityGroupIds', type: 'string', maxItems: 16 },
    { kind: 'scalar', name: 'VSwitchId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'PrivateIpAddress', type: 'string', emptyIsAbsent: true },
    ...runInstancesIpv6Params,
    runInstancesNetworkInterfaceParam,
    instanceName,
    description,
    hostName,
    password,
    { kind: 'scalar', name: 'PasswordInherit', type: 'boolean' },
    {
      kind: 'scalar',
      name: 'InternetMaxBandwidthOut',
      type: 'integer',
      min: 0,
      max: 100,
      errorCode: 'InvalidInternetMaxBandwidthOut.Malformed',
    },
    { kind: 'scalar', name: 'InternetMaxBandwidthIn', type: 'integer', min: 1, max: 10000 },
    {
      kind: 'scalar',
      name: 'InternetChargeType',
      type: 'string',
      enum: INTERNET_CHARGE_TYPES,
      emptyIsAbsent: true,
      errorCode: 'InvalidInternetChargeType.ValueNotSupported',
    },
    {
      kind: 'scalar',
      name: 'InstanceChargeType',
      type: 'string',
      enum: INSTANCE_CHARGE_TYPES,
      emptyIsAbsent: true,
      errorCode: 'InvalidInstanceChargeType.NotFound',
    },
    { kind: 'scalar', name: 'Period', type: 'integer', min: 1 },
    { kind: 'scalar', name: 'PeriodUnit', type: 'string', enum: ['Week', 'Month'], emptyIsAbsent: true },
    {
      kind: 'object',
      name: 'SystemDisk',
      fields: [
        {
          kind: 'scalar',
          name: 'Category',
          type: 'string',
          enum: SYSTEM_DISK_CATEGORIES,
          emptyIsAbsent: true,
          errorCode: 'InvalidSystemDiskCategory.ValueNotSupported',
        },
        { kind: 'scalar', name: 'Size', type: 'string', pattern: '\\d+', emptyIsAbsent: true, errorCode: 'InvalidSystemDiskSize' },
        { kind: 'scalar', name: 'DiskName', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'Description', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'PerformanceLevel', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'Encrypted', type: 'string', enum: ['true', 'false'], emptyIsAbsent: true, errorCode: 'InvalidParameter' },
        { kind: 'scalar', name: 'KMSKeyId', type: 'string', emptyIsAbsent: true },
        autoSnapshotPolicyLaunchField,
        {
          kind: 'scalar',
          name: 'EncryptAlgorithm',
          type: 'string',
          emptyIsAbsent: true,
          description: 'With Encrypted=true: AES-256 or SM4-128.',
        },
        { kind: 'scalar', name: 'BurstingEnabled', type: 'boolean', description: 'Performance burst of a cloud_auto disk.' },
        {
          kind: 'scalar',
          name: 'ProvisionedIops',
          type: 'long',
          min: 0,
          errorCode: 'InvalidProvisionedIops.LimitExceed',
          description: 'Provisioned IOPS of a cloud_auto disk.',
        },
      ],
    },
    {
      kind: 'repeatList',
      name: 'DataDisk',
      maxItems: 16,
      tooManyCode: 'InvalidDataDiskSize.ValueNotSupported',
      fields: [
        { kind: 'scalar', name: 'Size', type: 'integer', emptyIsAbsent: true, errorCode: 'InvalidDataDiskSize.ValueNotSupported' },
        { kind: 'scalar', name: 'Category', type: 'string', emptyIsAbsent: true, errorCode: 'InvalidDataDiskCategory.ValueNotSupported' },
        { kind: 'scalar', name: 'SnapshotId', type: 'string', emptyIsAbsent: true },
        autoSnapshotPolicyLaunchField,
        { kind: 'scalar', name: 'DiskName', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'Description', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'Device', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'DeleteWithInstance', type: 'boolean' },
        { kind: 'scalar', name: 'Encrypted', type: 'string', enum: ['true', 'false'], emptyIsAbsent: true, errorCode: 'InvalidParameter' },
        { kind: 'scalar', name: 'KMSKeyId', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'PerformanceLevel', type: 'string', emptyIsAbsent: true },
        { kind: 'scalar', name: 'BurstingEnabled', type: 'boolean', description: 'Performance burst of a cloud_auto disk.' },
        {
          kind: 'scalar',
          name: 'ProvisionedIops',
          type: 'long',
          min: 0,
          errorCode: 'InvalidProvisionedIops.LimitExceed',
          description: 'Provisioned IOPS of a cloud_auto disk.',
        },
      ],
      description: 'Up to 16 data disks: Size 20-32768 GiB, Category cloud_efficiency/cloud_ssd/cloud_essd/cloud_auto.',
    },
    { kind: 'scalar', name: 'IoOptimized', type: 'string', enum: ['none', 'optimized'], emptyIsAbsent: true },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'DeletionProtection', type: 'boolean' },
    { kind: 'scalar', name: 'UserData', type: 'string', maxLength: 32768, emptyIsAbsent: true },
    { kind: 'scalar', name: 'KeyPairName', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Amount', type: 'integer', min: 1, max: 100 },
    { kind: 'scalar', name: 'MinAmount', type: 'integer', min: 1, max: 100 },
    { kind: 'scalar', name: 'UniqueSuffix', type: 'boolean' },
    { kind: 'scalar', name: 'SpotStrategy', type: 'string', enum: ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'], emptyIsAbsent: true },
    { kind: 'scalar', name: 'SpotPriceLimit', type: 'string', pattern: '\\d+(\\.\\d+)?', emptyIsAbsent: true },
    { kind: 'scalar', name: 'AutoRenew', type: 'boolean' },
    { kind: 'scalar', name: 'AutoRenewPeriod', type: 'integer', min: 1, max: 12 },
    { kind: 'scalar', name: 'SecurityEnhancementStrategy', type: 'string', enum: ['Active', 'Deactive'], emptyIsAbsent: true },
    ...metadataOptionParams,
    ...launchOptionParams,
    ...hardwareOptionParams,
    ...deploymentLaunchParams,
    ...hpcLaunchParams,
    privatePoolOptionsParam,
    tagsParam(),
    clientToken,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidImageId.NotFound',
    'InvalidInstanceType.ValueUnauthorized',
    'InvalidInstanceType.NotFound',
    'InvalidVSwitchId.NotFound',
    'InvalidSecurityGroupId.NotFound',
    'InvalidZoneId.NotFound',
    'InvalidSystemDiskCategory.ValueNotSupported',
    'InvalidSystemDiskSize',
    'InvalidPassword.Malformed',
    'InvalidHostName.Malformed',
    'InvalidInstanceName.Malformed',
    'InvalidDescription.Malformed',
    'InvalidInternetChargeType.ValueNotSupported',
    'InvalidInstanceChargeType.NotFound',
    'InvalidInternetMaxBandwidthOut.Malformed',
    'InvalidParameter.Mismatch',
    'OperationDenied.NoStock',
    'InvalidResourceGroup.NotFound',
    'MissingParameter',
    'DryRunOperation',
    'IncorrectImageStatus',
    'InvalidDataDiskSize.ValueNotSupported',
    'InvalidDataDiskCategory.ValueNotSupported',
    'InvalidVSwitchId.IpNotEnough',
    'InvalidPrivateIpAddress',
    'InvalidPrivateIpAddress.Duplicated',
    'IdempotentParameterMismatch',
    'InvalidKeyPairName.NotFound',
    'InvalidPeriod',
    'InvalidDiskName.Malformed',
    'InvalidPerformanceLevel.Malformed',
    'InvalidDevice.Malformed',
    'InvalidDevice.InUse',
    ...DISK_PERFORMANCE_ERRORS,
    ...DISK_ENCRYPT_ALGORITHM_ERRORS,
    ...RUN_INSTANCES_IPV6_ERRORS,
    ...RUN_INSTANCES_ENI_ERRORS,
    ...RUN_INSTANCES_HARDWARE_ERRORS,
    ...RUN_INSTANCES_DEPLOYMENT_ERRORS,
    ...RUN_INSTANCES_HPC_ERRORS,
    'InvalidAutoSnapshotPolicyId.NotFound',
    ...RUN_INSTANCES_PRIVATE_POOL_ERRORS,
  ],
  response: r.response({
    InstanceIdSets: r.list('InstanceIdSet', r.string),
  }),
});

export const startInstanceSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'StartInstance',
  mutating: true,
  params: [instanceId, { kind: 'scalar', name: 'InitLocalDisk', type: 'boolean' }, dryRunParam, ...ownerParams],
  errors: ['InvalidInstanceId.NotFound', 'IncorrectInstanceStatus'],
  response: r.response({}),
});

export const stopInstanceSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'StopInstance',
  mutating: true,
  params: [
    instanceId,
    { kind: 'scalar', name: 'ForceStop', type: 'boolean' },
    { kind: 'scalar', name: 'ConfirmStop', type: 'boolean' },
    { kind: 'scalar', name: 'StoppedMode', type: 'string', enum: ['StopCharging', 'KeepCharging'], emptyIsAbsent: true },
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidInstanceId.NotFound', 'IncorrectInstanceStatus'],
  response: r.response({}),
});

export const deleteInstanceSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DeleteInstance',
  mutating: true,
  params: [
    instanceId,
    { kind: 'scalar', name: 'Force', type: 'boolean' },
    { kind: 'scalar', name: 'ForceStop', type: 'boolean' },
    { kind: 'scalar', name: 'TerminateSubscription', type: 'boolean' },
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidInstanceId.NotFound', 'IncorrectInstanceStatus', 'InvalidOperation.DeletionProtection', 'ChargeTypeViolation'],
  response: r.response({}),
});

/** DeleteInstances: up to 100 `InstanceId.N` in one region, all checked before any is deleted. */
export const deleteInstancesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DeleteInstances',
  mutating: true,
  params: [
    regionIdParam,
    {
      kind: 'scalarList',
      name: 'InstanceId',
      type: 'string',
      required: true,
      maxItems: 100,
      tooManyCode: 'InvalidParameter',
      description: 'Up to 100 instance ids.',
    },
    { kind: 'scalar', name: 'Force', type: 'boolean' },
    { kind: 'scalar', name: 'ForceStop', type: 'boolean' },
    { kind: 'scalar', name: 'TerminateSubscription', type: 'boolean' },
    clientToken,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidOperation.DeletionProtection',
    'DryRunOperation',
    'ChargeTypeViolation',
  ],
  response: r.response({}),
});

export const rebootInstanceSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'RebootInstance',
  mutating: true,
  params: [instanceId, { kind: 'scalar', name: 'ForceStop', type: 'boolean' }, dryRunParam, ...ownerParams],
  errors: ['InvalidInstanceId.NotFound', 'IncorrectInstanceStatus'],
  response: r.response({}),
});

export const describeInstanceAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeInstanceAttribute',
  params: [instanceId, ...ownerParams],
  errors: ['InvalidInstanceId.NotFound'],
  response: r.response({
    InstanceId: r.string,
    Status: r.string,
    InnerIpAddress: r.list('IpAddress', r.string),
    OperationLocks: r.list('LockReason', r.object({})),
    PublicIpAddress: r.list('IpAddress', r.string),
    SecurityGroupIds: r.list('SecurityGroupId', r.string),
    ...r.defaults({
      ClusterId: r.string,
      Cpu: r.integer,
      CreationTime: r.string,
      CreditSpecification: r.string,
      Description: r.string,
      EipAddress: eipAddressShape,
      EnableJumboFrame: r.boolean,
      ExpiredTime: r.string,
      HostName: r.string,
      ImageId: r.string,
      InstanceChargeType: r.string,
      InstanceName: r.string,
      InstanceNetworkType: r.string,
      InstanceType: r.string,
      InternetChargeType: r.string,
      InternetMaxBandwidthIn: r.integer,
      InternetMaxBandwidthOut: r.integer,
      IoOptimized: r.string,
      Memory: r.integer,
      RegionId: r.string,
      SerialNumber: r.string,
      StoppedMode: r.string,
      VlanId: r.string,
      VpcAttributes: vpcAttributesShape,
      ZoneId: r.string,
    }),
  }),
});

export const modifyInstanceAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceAttribute',
  mutating: true,
  params: [
    instanceId,
    instanceName,
    description,
    password,
    hostName,
    { kind: 'scalar', name: 'UserData', type: 'string', maxLength: 32768, emptyIsAbsent: true },
    { kind: 'scalar', name: 'DeletionProtection', type: 'boolean' },
    { kind: 'scalarList', name: 'SecurityGroupIds', type: 'string', maxItems: 16 },
    { kind: 'scalar', name: 'CreditSpecification', type: 'string', enum: ['Standard', 'Unlimited'], emptyIsAbsent: true },
    enableJumboFrameParam,
    cpuOptionsParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'InvalidInstanceName.Malformed',
    'InvalidDescription.Malformed',
    'InvalidPassword.Malformed',
    'InvalidHostName.Malformed',
    'InvalidSecurityGroupId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidInstanceType.JumboFrameNotSupported',
    'InvalidCpuOptions.ValueNotSupported',
  ],
  response: r.response({}),
});

export const modifyInstanceNetworkSpecSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceNetworkSpec',
  mutating: true,
  params: [
    instanceId,
    {
      kind: 'scalar',
      name: 'InternetMaxBandwidthOut',
      type: 'integer',
      min: 0,
      max: 100,
      errorCode: 'InvalidInternetMaxBandwidthOut.Malformed',
    },
    { kind: 'scalar', name: 'InternetMaxBandwidthIn', type: 'integer', min: 1, max: 10000 },
    {
      kind: 'scalar',
      name: 'NetworkChargeType',
      type: 'string',
      enum: INTERNET_CHARGE_TYPES,
      emptyIsAbsent: true,
      errorCode: 'InvalidInternetChargeType.ValueNotSupported',
    },
    { kind: 'scalar', name: 'AllocatePublicIp', type: 'boolean' },
    clientToken,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidInternetMaxBandwidthOut.Malformed',
    'InvalidInternetChargeType.ValueNotSupported',
    'InvalidInternetMaxBandwidthOut.ValueNotSupported',
    'DecreasedBandwidthNotAllowed',
    'IdempotentParameterMismatch',
  ],
  response: r.response({ ...r.defaults({ OrderId: r.string }) }),
});

/**
 * ModifyInstanceChargeType: switch up to 20 instances (JSON array) between pay-as-you-go and
 * subscription while Running or Stopped; PrePaid takes Period/PeriodUnit. Answers the order and fees.
 */
export const modifyInstanceChargeTypeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceChargeType',
  mutating: true,
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'InstanceIds',
      packing: 'json',
      required: true,
      maxItems: 20,
      tooManyCode: 'InvalidParameter.InstanceIds',
      errorCode: 'InvalidParameter.InstanceIds',
      description: 'JSON array of up to 20 instance ids.',
    },
    {
      kind: 'scalar',
      name: 'InstanceChargeType',
      type: 'string',
      enum: INSTANCE_CHARGE_TYPES,
      emptyIsAbsent: true,
      errorCode: 'InvalidInstanceChargeType.ValueNotSupported',
      description: 'Target billing (default PrePaid).',
    },
    { kind: 'scalar', name: 'Period', type: 'integer', min: 1, max: 60, errorCode: 'InvalidPeriod' },
    {
      kind: 'scalar',
      name: 'PeriodUnit',
      type: 'string',
      enum: ['Week', 'Month', 'Year'],
      emptyIsAbsent: true,
      errorCode: 'InvalidPeriod',
    },
    { kind: 'scalar', name: 'IncludeDataDisks', type: 'boolean' },
    { kind: 'scalar', name: 'AutoPay', type: 'boolean' },
    { kind: 'scalar', name: 'IsDetailFee', type: 'boolean' },
    clientToken,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'InvalidInstanceChargeType.ValueNotSupported',
    'InvalidParameter.InstanceIds',
    'InvalidPeriod',
    'InvalidStatus.ValueNotSupported',
    'IncorrectInstanceStatus',
    'DryRunOperation',
    'IdempotentParameterMismatch',
  ],
  response: r.response({
    ...r.defaults({
      OrderId: r.string,
      FeeOfInstances: r.list('FeeOfInstance', r.object(r.defaults({ InstanceId: r.string, Fee: r.string, Currency: r.string }))),
    }),
  }),
});

/**
 * ModifyInstanceVpcAttribute: move a Stopped instance's primary interface to another vSwitch of
 * its zone (and optionally a private IP in that vSwitch's CIDR), or to another VPC with
 * VpcId + SecurityGroupId.N of that VPC.
 */
export const modifyInstanceVpcAttributeSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceVpcAttribute',
  mutating: true,
  params: [
    instanceId,
    { kind: 'scalar', name: 'VSwitchId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'PrivateIpAddress', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VpcId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalarList', name: 'SecurityGroupId', type: 'string', maxItems: 16 },
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidVSwitchId.NotFound',
    'InvalidVSwitchId.Mismatch',
    'InvalidPrivateIpAddress.Malformed',
    'InvalidPrivateIpAddress.Mismatch',
    'InvalidPrivateIpAddress.Duplicated',
    'InvalidSecurityGroupId.NotFound',
    'InvalidVpcId.NotFound',
    'InvalidParameter.Mismatch',
    'MissingParameter',
  ],
  response: r.response({}),
});

/**
 * ModifyInstanceSpec (pay-as-you-go): a new InstanceType needs the instance Stopped; the bandwidth
 * alone may change while Running or Stopped. Type and bandwidth are not changed in one call.
 */
export const modifyInstanceSpecSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceSpec',
  mutating: true,
  params: [
    instanceId,
    {
      kind: 'scalar',
      name: 'InstanceType',
      type: 'string',
      emptyIsAbsent: true,
      description: 'The new instance type (see DescribeResourcesModification).',
    },
    {
      kind: 'scalar',
      name: 'InternetMaxBandwidthOut',
      type: 'integer',
      min: 0,
      max: 100,
      errorCode: 'InvalidInternetMaxBandwidthOut.Malformed',
    },
    { kind: 'scalar', name: 'InternetMaxBandwidthIn', type: 'integer', min: 1, max: 10000 },
    { kind: 'scalar', name: 'AllowMigrateAcrossZone', type: 'boolean' },
    { kind: 'scalar', name: 'Async', type: 'boolean' },
    { kind: 'scalar', name: 'ModifyMode', type: 'string', enum: ['Offline', 'Online'], emptyIsAbsent: true },
    clientToken,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidInstanceType.NotFound',
    'InvalidInstanceType.ValueUnauthorized',
    'InvalidInstanceType.ValueNotSupported',
    'InvalidInstanceChargeType.NotSupported',
    'InvalidParameter.Conflict',
    'MissingParameter',
    'DryRunOperation',
    'InstanceLockedForSecurity',
  ],
  response: r.response({}),
});

/**
 * ReplaceSystemDisk: a new system disk from ImageId (Stopped instance; category unchanged;
 * SystemDisk.Size at least max(20, old size, image size)); the disk id changes. Returns DiskId.
 */
export const replaceSystemDiskSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ReplaceSystemDisk',
  mutating: true,
  params: [
    instanceId,
    { kind: 'scalar', name: 'ImageId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'object',
      name: 'SystemDisk',
      fields: [{ kind: 'scalar', name: 'Size', type: 'integer', min: 20, max: 2048, errorCode: 'InvalidSystemDiskSize' }],
    },
    password,
    { kind: 'scalar', name: 'PasswordInherit', type: 'boolean' },
    { kind: 'scalar', name: 'KeyPairName', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SecurityEnhancementStrategy', type: 'string', enum: ['Active', 'Deactive'], emptyIsAbsent: true },
    { kind: 'scalar', name: 'Architecture', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Platform', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'DiskId', type: 'string', emptyIsAbsent: true },
    clientToken,
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidImageId.NotFound',
    'IncorrectImageStatus',
    'InvalidSystemDiskSize',
    'InvalidPassword.Malformed',
    'MissingParameter',
    'InvalidParameter.Conflict',
    'InstanceLockedForSecurity',
    'IdempotentParameterMismatch',
  ],
  response: r.response({
    DiskId: r.string,
  }),
});

export const instanceLifecycleActions: readonly ActionSpec[] = [
  runInstancesSpec,
  startInstanceSpec,
  stopInstanceSpec,
  deleteInstanceSpec,
  modifyInstanceAttributeSpec,
  modifyInstanceNetworkSpecSpec,
  deleteInstancesSpec,
  rebootInstanceSpec,
  describeInstanceAttributeSpec,
  modifyInstanceSpecSpec,
  replaceSystemDiskSpec,
  modifyInstanceChargeTypeSpec,
  modifyInstanceVpcAttributeSpec,
];

export const instanceLifecycleErrors: readonly ErrorSpec[] = [
  { code: 'InvalidInstanceId.NotFound', status: 404, message: 'The specified InstanceId does not exist.' },
  // IncorrectInstanceStatus is registered once, by images.ts (400, as ecs-api.md 3.1 give for CreateImage); the
  // lifecycle handlers answer it with an explicit 403 EcsApiError (lifecycle-common.ts).
  { code: 'OperationDenied.DeletionProtection', status: 403, message: 'The instance has deletion protection enabled; disable it first.' },
  {
    code: 'InvalidOperation.DeletionProtection',
    status: 403,
    message: 'The instance has deletion protection enabled; set DeletionProtection=false with ModifyInstanceAttribute first.',
  },
  {
    code: 'InvalidDataDiskSize.ValueNotSupported',
    status: 400,
    message: 'The specified data disk size is not valid: 20 to 32768 GiB and at least the snapshot size.',
  },
  {
    code: 'InvalidDataDiskCategory.ValueNotSupported',
    status: 400,
    message: 'The specified data disk category is not supported in this zone.',
  },
  { code: 'InvalidVSwitchId.IpNotEnough', status: 400, message: 'The specified vSwitch does not have enough free private IP addresses.' },
  {
    code: 'InvalidPrivateIpAddress',
    status: 400,
    message: 'The specified PrivateIpAddress is not a usable address of the vSwitch CIDR block.',
  },
  {
    code: 'InvalidPrivateIpAddress.Duplicated',
    status: 400,
    message: 'The specified PrivateIpAddress is already used by another instance.',
  },
  {
    code: 'InvalidInstanceType.ValueUnauthorized',
    status: 403,
    message: 'The specified InstanceType is not authorized or not available in this zone.',
  },
  { code: 'InvalidInstanceType.NotFound', status: 404, message: 'The specified InstanceType does not exist.' },
  { code: 'InvalidSystemDiskCategory.ValueNotSupported', status: 403, message: 'The specified system disk category is not supported.' },
  {
    code: 'InvalidSystemDiskSize',
    status: 400,
    message: 'The specified system disk size is not valid: 20 to 2048 GiB and at least the image size.',
  },
  { code: 'InvalidPassword.Malformed', status: 400, message: 'The specified password is not valid.' },
  { code: 'InvalidHostName.Malformed', status: 400, message: 'The specified HostName is not valid.' },
  { code: 'InvalidInstanceName.Malformed', status: 400, message: 'The specified InstanceName is not valid.' },
  {
    code: 'InvalidInternetChargeType.ValueNotSupported',
    status: 400,
    message: 'The specified InternetChargeType is not valid: PayByBandwidth or PayByTraffic.',
  },
  {
    code: 'InvalidInstanceChargeType.NotFound',
    status: 404,
    message: 'The specified InstanceChargeType is not valid: PrePaid or PostPaid.',
  },
  {
    code: 'InvalidInternetMaxBandwidthOut.Malformed',
    status: 400,
    message: 'The specified InternetMaxBandwidthOut is not valid: 0 to 100.',
  },
  {
    code: 'InvalidParameter.Mismatch',
    status: 400,
    message: 'The specified parameters do not match each other (e.g. vSwitch zone and ZoneId).',
  },
  { code: 'OperationDenied.NoStock', status: 403, message: 'The requested resource is sold out in the specified zone.' },
  { code: 'InvalidResourceGroup.NotFound', status: 404, message: 'The specified resource group does not exist.' },
  {
    code: 'InvalidInstanceType.ValueNotSupported',
    status: 400,
    message: 'The specified InstanceType is not a valid target: it must differ from the current type and be sold in the zone.',
  },
  {
    code: 'InvalidInstanceChargeType.NotSupported',
    status: 403,
    message: 'ModifyInstanceSpec changes pay-as-you-go (PostPaid) instances only; use ModifyPrepayInstanceSpec for subscriptions.',
  },
  // OperationDenied is registered by images.ts (400); ResizeDisk answers it with an explicit 403 as its docs give.
  { code: 'InvalidParameter.Conflict', status: 400, message: 'The specified parameters conflict with each other.' },
  {
    code: 'InvalidInstanceChargeType.ValueNotSupported',
    status: 400,
    message: 'The specified InstanceChargeType is not valid: PrePaid or PostPaid, different from the current one.',
  },
  { code: 'InvalidParameter.InstanceIds', status: 400, message: 'The specified InstanceIds is not valid: a JSON array of 1 to 20 ids.' },
  { code: 'InvalidPeriod', status: 400, message: 'The specified Period is not valid: 1-9, 12, 24, 36, 48 or 60 months, or 1-4 weeks.' },
  { code: 'InvalidStatus.ValueNotSupported', status: 400, message: 'The current status of the instance does not support this operation.' },
  { code: 'InvalidVSwitchId.Mismatch', status: 400, message: 'The specified vSwitch is not in the zone or VPC of the instance.' },
  { code: 'InvalidPrivateIpAddress.Malformed', status: 400, message: 'The specified PrivateIpAddress is not a valid IPv4 address.' },
  {
    code: 'InvalidPrivateIpAddress.Mismatch',
    status: 400,
    message: 'The specified PrivateIpAddress is not inside the CIDR block of the vSwitch.',
  },
  {
    code: 'InvalidInternetMaxBandwidthOut.ValueNotSupported',
    status: 400,
    message: 'The specified InternetMaxBandwidthOut is not supported for the charge type of the instance.',
  },
  { code: 'ChargeTypeViolation', status: 403, message: 'The operation is not permitted due to the charge type of the instance.' },
  { code: 'DecreasedBandwidthNotAllowed', status: 400, message: 'The bandwidth of a subscription instance cannot be decreased this way.' },
];
