/**
 * ECS (2014-05-26) action table for the zone and instance-type catalogue:
 * DescribeZones, DescribeInstanceTypes, DescribeInstanceTypeFamilies,
 * DescribeAvailableResource. Names and types follow `@alicloud/ecs20140526` 7.x
 * (note: DescribeInstanceTypes has no RegionId in the SDK model).
 */
import type { ActionSpec, ErrorSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ownerParams, regionParam } from '../vpc/params.js';
import { ECS, scalarParams } from './params.js';

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
] as const;
const floatFilters = [
  'MinimumMemorySize',
  'MaximumMemorySize',
  'MinimumCpuSpeedFrequency',
  'MaximumCpuSpeedFrequency',
  'MinimumCpuTurboFrequency',
  'MaximumCpuTurboFrequency',
] as const;

export const describeZonesSpec = defineAction({
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
  response: r.response({
    Zones: r.list(
      'Zone',
      r.object({
        ZoneId: r.string,
        ...r.defaults({
          AvailableDedicatedHostTypes: r.list('DedicatedHostType', r.string),
          AvailableDiskCategories: r.list('DiskCategories', r.string),
          AvailableInstanceTypes: r.list('InstanceTypes', r.string),
          AvailableResourceCreation: r.list('ResourceTypes', r.string),
          AvailableResources: r.list(
            'ResourcesInfo',
            r.object(
              r.defaults({
                DataDiskCategories: r.list('supportedDataDiskCategory', r.string),
                InstanceGenerations: r.list('supportedInstanceGeneration', r.string),
                InstanceTypeFamilies: r.list('supportedInstanceTypeFamily', r.string),
                InstanceTypes: r.list('supportedInstanceType', r.string),
                IoOptimized: r.boolean,
                NetworkTypes: r.list('supportedNetworkCategory', r.string),
                SystemDiskCategories: r.list('supportedSystemDiskCategory', r.string),
              }),
            ),
          ),
          AvailableVolumeCategories: r.list('VolumeCategories', r.string),
          DedicatedHostGenerations: r.list('DedicatedHostGeneration', r.string),
          LocalName: r.string,
          ZoneType: r.string,
        }),
      }),
    ),
  }),
});

export const describeInstanceTypesSpec = defineAction({
  ...ECS,
  action: 'DescribeInstanceTypes',
  // No RegionId in the model: the catalogue is the same everywhere.
  params: [
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
    ...scalarParams(numberFilters, { type: 'integer', min: 0 }),
    ...scalarParams(floatFilters, { type: 'string', pattern: '\\d+(\\.\\d+)?' }),
    { name: 'MaxResults', kind: 'scalar', type: 'long', min: 1, max: 1600 },
    { name: 'NextToken', kind: 'scalar', type: 'string' },
    ...ownerParams,
  ],
  errors: ['InvalidNextToken'],
  response: r.response({
    InstanceTypes: r.list(
      'InstanceType',
      r.object({
        InstanceTypeId: r.string,
        ...r.defaults({
          BaselineCredit: r.integer,
          CpuArchitecture: r.string,
          CpuCoreCount: r.integer,
          CpuOptions: r.object(
            r.defaults({
              Core: r.integer,
              CoreFactor: r.integer,
              HyperThreadingAdjustable: r.boolean,
              SupportedTopologyTypes: r.list('SupportedTopologyType', r.string),
              ThreadsPerCore: r.integer,
            }),
          ),
          CpuSpeedFrequency: r.float,
          CpuTurboFrequency: r.float,
          DiskQuantity: r.integer,
          EniIpv6AddressQuantity: r.integer,
          EniPrivateIpAddressQuantity: r.integer,
          EniQuantity: r.integer,
          EniTotalQuantity: r.integer,
          EniTrunkSupported: r.boolean,
          EriQuantity: r.integer,
          GPUAmount: r.integer,
          GPUMemorySize: r.float,
          GPUSpec: r.string,
          InitialCredit: r.integer,
          InstanceBandwidthRx: r.integer,
          InstanceBandwidthTx: r.integer,
          InstanceCategory: r.string,
          InstanceFamilyLevel: r.string,
          InstancePpsRx: r.integer,
          InstancePpsTx: r.integer,
          InstanceTypeFamily: r.string,
          JumboFrameSupport: r.boolean,
          LocalStorageAmount: r.integer,
          LocalStorageCapacity: r.integer,
          LocalStorageCategory: r.string,
          MaximumQueueNumberPerEni: r.integer,
          MemorySize: r.float,
          NetworkCardQuantity: r.integer,
          NetworkCards: r.list(
            'NetworkCardInfo',
            r.object(
              r.defaults({
                NetworkCardIndex: r.integer,
              }),
            ),
          ),
          NetworkEncryptionSupport: r.boolean,
          NvmeSupport: r.string,
          PhysicalProcessorModel: r.string,
          PrimaryEniQueueNumber: r.integer,
          QueuePairNumber: r.integer,
          SecondaryEniQueueNumber: r.integer,
          SupportedBootModes: r.list('SupportedBootMode', r.string),
          TotalEniQueueQuantity: r.integer,
        }),
      }),
    ),
    ...r.defaults({
      NextToken: r.string,
    }),
  }),
});

export const describeInstanceTypeFamiliesSpec = defineAction({
  ...ECS,
  action: 'DescribeInstanceTypeFamilies',
  params: [
    regionParam(),
    { name: 'Generation', kind: 'scalar', type: 'string', pattern: 'ecs-[1-9]', errorCode: 'InvalidGeneration.Malformed' },
    ...ownerParams,
  ],
  errors: ['InvalidGeneration.Malformed'],
  response: r.response({
    InstanceTypeFamilies: r.list(
      'InstanceTypeFamily',
      r.object({
        InstanceTypeFamilyId: r.string,
        ...r.defaults({
          Generation: r.string,
        }),
      }),
    ),
  }),
});

export const describeAvailableResourceSpec = defineAction({
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
  response: r.response({
    AvailableZones: r.list(
      'AvailableZone',
      r.object(
        r.defaults({
          AvailableResources: r.list(
            'AvailableResource',
            r.object(
              r.defaults({
                SupportedResources: r.list(
                  'SupportedResource',
                  r.object(
                    r.defaults({
                      Max: r.integer,
                      Min: r.integer,
                      Status: r.string,
                      StatusCategory: r.string,
                      Unit: r.string,
                      Value: r.string,
                    }),
                  ),
                ),
                Type: r.string,
              }),
            ),
          ),
          RegionId: r.string,
          Status: r.string,
          StatusCategory: r.string,
          ZoneId: r.string,
        }),
      ),
    ),
  }),
});

/**
 * DescribePrice for one instance type (ResourceType `instance`): the list price of the type
 * alone, per `PriceUnit` (Hour for pay-as-you-go, Month or Year for subscription).
 */
export const describePriceSpec = defineAction({
  ...ECS,
  action: 'DescribePrice',
  params: [
    regionParam(),
    { name: 'ResourceType', kind: 'scalar', type: 'string', enum: ['instance'], errorCode: 'InvalidResourceType.NotSupported' },
    { name: 'InstanceType', kind: 'scalar', type: 'string' },
    { name: 'ZoneId', kind: 'scalar', type: 'string' },
    { name: 'PriceUnit', kind: 'scalar', type: 'string', enum: ['Hour', 'Month', 'Year'], errorCode: 'InvalidPriceUnit.ValueNotSupported' },
    { name: 'Period', kind: 'scalar', type: 'integer', min: 1 },
    { name: 'Amount', kind: 'scalar', type: 'integer', min: 1, max: 1000 },
    { name: 'SpotStrategy', kind: 'scalar', type: 'string', enum: ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'] },
    ...ownerParams,
  ],
  errors: ['InvalidResourceType.NotSupported', 'InvalidPriceUnit.ValueNotSupported', 'InvalidInstanceType.ValueNotSupported'],
  response: r.response({
    PriceInfo: r.object({
      Price: r.object({
        OriginalPrice: r.float,
        ...r.defaults({ DiscountPrice: r.float, TradePrice: r.float, Currency: r.string }),
      }),
    }),
  }),
});

export const zoneActionSpecs: readonly ActionSpec[] = [
  describeZonesSpec,
  describeInstanceTypesSpec,
  describeInstanceTypeFamiliesSpec,
  describeAvailableResourceSpec,
  describePriceSpec,
];

/** DescribeImageSupportInstanceTypes: the instance types that can boot an image (served by the images family). */
export const describeImageSupportInstanceTypesSpec = defineAction({
  ...ECS,
  action: 'DescribeImageSupportInstanceTypes',
  // The SDK model has no OwnerAccount here.
  params: [
    regionParam(),
    { name: 'ImageId', kind: 'scalar', type: 'string', required: true },
    ...ownerParams.filter((p) => p.name !== 'OwnerAccount'),
  ],
  errors: ['InvalidImageId.NotFound'],
  response: r.response({
    ImageId: r.string,
    ...r.defaults({
      RegionId: r.string,
      InstanceTypes: r.list(
        'InstanceType',
        r.object({
          InstanceTypeId: r.string,
          ...r.defaults({ InstanceTypeFamily: r.string, CpuCoreCount: r.integer, MemorySize: r.float }),
        }),
      ),
    }),
  }),
});

export const zoneErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidNextToken', status: 400, message: 'The specified NextToken is not valid.' },
  { code: 'InvalidGeneration.Malformed', status: 400, message: 'The specified Generation is not valid: use ecs-1 to ecs-9.' },
  {
    code: 'Invalid.DestinationResource',
    status: 400,
    message:
      'The specified DestinationResource is not valid: allowed values are Zone, IoOptimized, InstanceType, SystemDisk, DataDisk, Network and ddh.',
  },
  { code: 'InvalidResourceType.NotSupported', status: 400, message: 'The specified ResourceType is not supported: use instance.' },
  { code: 'InvalidPriceUnit.ValueNotSupported', status: 400, message: 'The specified PriceUnit is not valid: use Hour, Month or Year.' },
  {
    code: 'Invalid.ResourceType',
    status: 400,
    message: 'The specified ResourceType is not valid: allowed values are instance, disk, reservedinstance and ddh.',
  },
];
