import type { Handler, HandlerContext } from '../context.js';
import { instanceView } from './describe-instances.js';
import { ownInstance } from './lifecycle-common.js';

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
  'IoOptimized',
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
export const describeInstanceAttribute: Handler = (ctx: HandlerContext, input) => {
  const inst = ownInstance(ctx, String(input.InstanceId));
  const view = instanceView({ ...ctx, regionId: inst.regionId }, inst);
  return {
    ...Object.fromEntries(FIELDS.map((f) => [f, view[f]])),
    ClusterId: '',
    VlanId: '',
    CreditSpecification: '',
    EnableJumboFrame: false,
  };
};
