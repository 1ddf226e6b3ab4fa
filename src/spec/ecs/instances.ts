/**
 * ECS DescribeInstances (what an image client needs; docs/ecs-api.md 3.7; DescribeDisks is in disks.ts) and
 * their error codes. Instance lifecycle actions (RunInstances, StartInstance, ...) are added by
 * the network engineer in a later step.
 */
import type { ActionSpec, ErrorSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ecsTagsShape, eipAddressShape, tokenPageFields, vpcAttributesShape } from './outputs.js';
import { ECS_VERSION } from './images.js';
import { metadataOptionsShape } from './instance-metadata.js';
import { dryRunParam, ownerParams, pagingParams, regionIdParam, tagFilterParam } from './params.js';
import { launchOptionFields } from './instance-launch-options.js';
import { hardwareOptionFields } from './instance-hardware-options.js';
import { deploymentFields } from './deployment-sets.js';
import { hpcFields } from './hpc-clusters.js';

export const INSTANCE_STATUSES = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped'] as const;

export const describeInstancesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeInstances',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'InstanceIds',
      packing: 'json',
      maxItems: 100,
      tooManyCode: 'InvalidParameter',
      description: 'JSON array of up to 100 instance ids.',
    },
    { kind: 'scalar', name: 'Status', type: 'string', enum: INSTANCE_STATUSES, emptyIsAbsent: true, errorCode: 'InvalidStatus.NotFound' },
    { kind: 'scalar', name: 'ImageId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'ZoneId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'InstanceName', type: 'string', emptyIsAbsent: true, description: '`*` is a wildcard.' },
    { kind: 'scalar', name: 'InstanceType', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VpcId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'VSwitchId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'SecurityGroupId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'LockReason',
      type: 'string',
      enum: ['financial', 'security', 'Recycling', 'dedicatedhostfinancial', 'refunded'],
      emptyIsAbsent: true,
      errorCode: 'InvalidLockReason.NotFound',
    },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagFilterParam,
    ...pagingParams(100),
    dryRunParam,
    ...ownerParams,
  ],
  errors: ['InvalidStatus.NotFound', 'InvalidLockReason.NotFound', 'InvalidTagCount', 'InvalidParameter', 'InvalidNextToken'],
  response: r.response({
    Instances: r.list(
      'Instance',
      r.object({
        InstanceId: r.string,
        Status: r.string,
        ...r.defaults({
          Cpu: r.integer,
          CreationTime: r.string,
          DeletionProtection: r.boolean,
          Description: r.string,
          DeviceAvailable: r.boolean,
          EipAddress: eipAddressShape,
          ExpiredTime: r.string,
          HostName: r.string,
          ImageId: r.string,
          InnerIpAddress: r.list('IpAddress', r.string),
          InstanceChargeType: r.string,
          InstanceName: r.string,
          InstanceNetworkType: r.string,
          InstanceType: r.string,
          InstanceTypeFamily: r.string,
          InternetChargeType: r.string,
          InternetMaxBandwidthIn: r.integer,
          InternetMaxBandwidthOut: r.integer,
          IoOptimized: r.boolean,
          KeyPairName: r.string,
          CreditSpecification: r.string,
          Memory: r.integer,
          MetadataOptions: metadataOptionsShape,
          NetworkInterfaces: r.list(
            'NetworkInterface',
            r.object(
              r.defaults({
                NetworkInterfaceId: r.string,
                Type: r.string,
                PrimaryIpAddress: r.string,
                PrivateIpSets: r.list('PrivateIpSet', r.object(r.defaults({ PrivateIpAddress: r.string, Primary: r.boolean }))),
                Ipv6Sets: r.list('Ipv6Set', r.object(r.defaults({ Ipv6Address: r.string }))),
              }),
            ),
          ),
          OperationLocks: r.list(
            'LockReason',
            r.object(
              r.defaults({
                LockMsg: r.string,
                LockReason: r.string,
              }),
            ),
          ),
          OSName: r.string,
          OSNameEn: r.string,
          OSType: r.string,
          PublicIpAddress: r.list('IpAddress', r.string),
          RegionId: r.string,
          ResourceGroupId: r.string,
          SecurityGroupIds: r.list('SecurityGroupId', r.string),
          SerialNumber: r.string,
          SpotPriceLimit: r.float,
          ...launchOptionFields,
          ...hardwareOptionFields,
          ...deploymentFields,
          ...hpcFields,
          SpotStrategy: r.string,
          StartTime: r.string,
          StoppedMode: r.string,
          Tags: ecsTagsShape,
          VpcAttributes: vpcAttributesShape,
          ZoneId: r.string,
        }),
      }),
    ),
    ...tokenPageFields,
  }),
});

export const instancesActions: readonly ActionSpec[] = [describeInstancesSpec];

export const instancesErrors: readonly ErrorSpec[] = [
  { code: 'InvalidStatus.NotFound', status: 404, message: 'The specified Status is not valid.' },
  { code: 'InvalidLockReason.NotFound', status: 404, message: 'The specified LockReason is not valid.' },
  { code: 'InvalidTag.Mismatch', status: 400, message: 'The specified Tag.N.Key and Tag.N.Value are not match.' },
  { code: 'InvalidNextToken', status: 400, message: 'The specified NextToken is not valid.' },
];
