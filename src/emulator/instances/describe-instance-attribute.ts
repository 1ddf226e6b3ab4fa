import type { HandlerOf } from '../context.js';
import type { describeInstanceAttributeSpec } from '../../spec/ecs/instance-lifecycle.js';
import { instanceView } from './describe-instances.js';
import { ownInstance } from './lifecycle-common.js';
import { jumboFrameOf } from './hardware-options.js';

/** The fields of DescribeInstanceAttribute (a subset of the DescribeInstances Instance object). */
const FIELDS = [
  'InstanceId',
  'InstanceName',
  'Description',
  'HostName',
  'Status',
  'RegionId',
  'ZoneId',
  'ImageId',
  'InstanceType',
  'Cpu',
  'Memory',
  'CreationTime',
  'ExpiredTime',
  'InstanceChargeType',
  'InternetChargeType',
  'InternetMaxBandwidthOut',
  'InternetMaxBandwidthIn',
  'InstanceNetworkType',
  'SerialNumber',
  'StoppedMode',
  'OperationLocks',
  'SecurityGroupIds',
  'VpcAttributes',
  'InnerIpAddress',
  'PublicIpAddress',
  'EipAddress',
] as const;

/** DescribeInstanceAttribute: one instance of the account by id (no RegionId on this action). */
export const describeInstanceAttribute: HandlerOf<typeof describeInstanceAttributeSpec> = (ctx, input) => {
  const inst = ownInstance(ctx, input.InstanceId);
  const view = instanceView({ ...ctx, regionId: inst.regionId }, inst);
  const picked = Object.fromEntries(FIELDS.map((f) => [f, view[f]])) as Pick<ReturnType<typeof instanceView>, (typeof FIELDS)[number]>;
  return {
    ...picked,
    // This action's SDK model reads IoOptimized as text (what it has always read: "true"); the cloud says "optimized".
    IoOptimized: String(view.IoOptimized),
    ClusterId: '',
    VlanId: '',
    CreditSpecification: view.CreditSpecification,
    EnableJumboFrame: jumboFrameOf(inst.instanceType, inst.extra ?? {}),
  };
};
