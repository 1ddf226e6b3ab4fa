/**
 * ECS (2014-05-26) action table for the zone and instance-type catalogue:
 * DescribeZones, DescribeInstanceTypes, DescribeInstanceTypeFamilies,
 * DescribeAvailableResource. Names and types follow `@alicloud/ecs20140526` 7.x
 * (note: DescribeInstanceTypes has no RegionId in the SDK model).
 */
import type { ActionSpec, ErrorSpec, ParamSpec } from './types.js';
import { ownerParams, regionParam } from '../vpc/params.js';

const ECS = { product: 'Ecs', version: '2014-05-26' } as const;

const numberFilters = [
  'MinimumCpuCoreCount',
  'MaximumCpuCoreCount',
  'MinimumGPUAmount',
  'MaximumGPUAmount',
  'MinimumEniQuantity',
  'MinimumEniPrivateIpAddressQuantity',
  'MinimumEniIpv6AddressQuantity',
  'MinimumInstanceBandwidthRx',
  'MinimumInstanceBandwidthTx',
  'MinimumInstancePpsRx',
  'MinimumInstancePpsTx',
  'MinimumLocalStorageAmount',
  'MinimumLocalStorageCapacity',
  'MinimumDiskQuantity',
  'MinimumBaselineCredit',
  'MinimumInitialCredit',
  'MinimumQueuePairNumber',
  'MinimumPrimaryEniQueueNumber',
  'MinimumSecondaryEniQueueNumber',
  'MinimumEriQuantity',
];
const floatFilters = [
  'MinimumMemorySize',
  'MaximumMemorySize',
  'MinimumCpuSpeedFrequency',
  'MaximumCpuSpeedFrequency',
  'MinimumCpuTurboFrequency',
  'MaximumCpuTurboFrequency',
];

export const zoneActionSpecs: readonly ActionSpec[] = [
  {
    ...ECS,
    action: 'DescribeZones',
    params: [
      regionParam(),
      { name: 'AcceptLanguage', kind: 'scalar', type: 'string', enum: ['zh-CN', 'zh-TW', 'en-US', 'ja', 'fr', 'de', 'ko'] },
      { name: 'InstanceChargeType', kind: 'scalar', type: 'string', enum: ['PrePaid', 'PostPaid'] },
      { name: 'SpotStrategy', kind: 'scalar', type: 'string', enum: ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'] },
      { name: 'Verbose', kind: 'scalar', type: 'boolean' },
      ...ownerParams,
    ],
  },
  {
    ...ECS,
    action: 'DescribeInstanceTypes',
    params: [
      regionParam(false),
      { name: 'InstanceTypeFamily', kind: 'scalar', type: 'string' },
      { name: 'InstanceTypeFamilies', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'InstanceTypes', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'InstanceCategory', kind: 'scalar', type: 'string' },
      { name: 'InstanceCategories', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'CpuArchitecture', kind: 'scalar', type: 'string', enum: ['X86', 'ARM'] },
      { name: 'CpuArchitectures', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'InstanceFamilyLevel', kind: 'scalar', type: 'string', enum: ['EntryLevel', 'EnterpriseLevel', 'CreditEntryLevel'] },
      { name: 'GPUSpec', kind: 'scalar', type: 'string' },
      { name: 'GpuSpecs', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'LocalStorageCategory', kind: 'scalar', type: 'string' },
      { name: 'LocalStorageCategories', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'PhysicalProcessorModel', kind: 'scalar', type: 'string' },
      { name: 'PhysicalProcessorModels', kind: 'scalarList', type: 'string', maxItems: 10 },
      { name: 'NvmeSupport', kind: 'scalar', type: 'string', enum: ['unsupported', 'required'] },
      { name: 'AdditionalAttributes', kind: 'scalarList', type: 'string', maxItems: 10 },
      ...numberFilters.map((name): ParamSpec => ({ name, kind: 'scalar', type: 'integer', min: 0 })),
      ...floatFilters.map((name): ParamSpec => ({ name, kind: 'scalar', type: 'string', pattern: '\\d+(\\.\\d+)?' })),
      { name: 'MaxResults', kind: 'scalar', type: 'long', min: 1, max: 1600 },
      { name: 'NextToken', kind: 'scalar', type: 'string' },
      ...ownerParams,
    ],
    errors: ['InvalidNextToken'],
  },
  {
    ...ECS,
    action: 'DescribeInstanceTypeFamilies',
    params: [
      regionParam(),
      { name: 'Generation', kind: 'scalar', type: 'string', pattern: 'ecs-[1-9]', errorCode: 'InvalidGeneration.Malformed' },
      ...ownerParams,
    ],
    errors: ['InvalidGeneration.Malformed'],
  },
  {
    ...ECS,
    action: 'DescribeAvailableResource',
    params: [
      regionParam(),
      {
        name: 'DestinationResource',
        kind: 'scalar',
        type: 'string',
        required: true,
        enum: ['Zone', 'IoOptimized', 'InstanceType', 'SystemDisk', 'DataDisk', 'Network', 'ddh'],
        errorCode: 'Invalid.DestinationResource',
      },
      {
        name: 'ResourceType',
        kind: 'scalar',
        type: 'string',
        enum: ['instance', 'disk', 'reservedinstance', 'ddh'],
        errorCode: 'Invalid.ResourceType',
      },
      { name: 'InstanceChargeType', kind: 'scalar', type: 'string', enum: ['PrePaid', 'PostPaid'] },
      { name: 'SpotStrategy', kind: 'scalar', type: 'string', enum: ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'] },
      { name: 'SpotDuration', kind: 'scalar', type: 'integer' },
      { name: 'ZoneId', kind: 'scalar', type: 'string' },
      { name: 'InstanceType', kind: 'scalar', type: 'string' },
      { name: 'IoOptimized', kind: 'scalar', type: 'string', enum: ['none', 'optimized'] },
      { name: 'SystemDiskCategory', kind: 'scalar', type: 'string' },
      { name: 'DataDiskCategory', kind: 'scalar', type: 'string' },
      { name: 'NetworkCategory', kind: 'scalar', type: 'string', enum: ['vpc', 'classic'] },
      { name: 'DedicatedHostId', kind: 'scalar', type: 'string' },
      { name: 'Cores', kind: 'scalar', type: 'integer', min: 1 },
      { name: 'Memory', kind: 'scalar', type: 'string', pattern: '\\d+(\\.\\d+)?' },
      { name: 'Scope', kind: 'scalar', type: 'string', enum: ['Region', 'Zone'] },
      ...ownerParams,
    ],
    errors: ['Invalid.DestinationResource', 'Invalid.ResourceType'],
  },
];

export const zoneErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidNextToken', status: 400, message: 'The specified NextToken is not valid.' },
  { code: 'InvalidGeneration.Malformed', status: 400, message: 'The specified Generation is not valid: use ecs-1 to ecs-9.' },
  {
    code: 'Invalid.DestinationResource',
    status: 400,
    message:
      'The specified DestinationResource is not valid: allowed values are Zone, IoOptimized, InstanceType, SystemDisk, DataDisk, Network and ddh.',
  },
  {
    code: 'Invalid.ResourceType',
    status: 400,
    message: 'The specified ResourceType is not valid: allowed values are instance, disk, reservedinstance and ddh.',
  },
];
