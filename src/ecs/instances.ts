/**
 * ECS DescribeInstances, reduced to what an image client needs (source instance state,
 * security locks). Instance lifecycle actions join this file when their tables exist.
 */
import { describeInstancesSpec } from '../spec/ecs/instances.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { items, num, obj, requestIdOf, str } from './decode.js';

export interface Instance {
  InstanceId: string;
  InstanceName: string;
  /** `Pending`, `Starting`, `Running`, `Stopping`, `Stopped`. */
  Status: string;
  RegionId: string;
  ZoneId: string;
  ImageId: string;
  InstanceType: string;
  OSType: string;
  OSName: string;
  Cpu: number;
  /** MiB. */
  Memory: number;
  CreationTime: string;
  ResourceGroupId: string;
  /** Lock reasons, e.g. `security`, `financial`. */
  LockReasons: string[];
  Tags: { TagKey: string; TagValue: string }[];
}

export interface DescribeInstancesFilter {
  RegionId?: string;
  /** Sent as a JSON array string (<= 100). */
  InstanceIds?: string[];
  Status?: string;
  ImageId?: string;
  ZoneId?: string;
  InstanceName?: string;
  ResourceGroupId?: string;
  Tag?: { Key: string; Value?: string }[];
  MaxResults?: number;
  NextToken?: string;
}

export async function describeInstances(
  client: AlibabaCloudClient,
  filter: DescribeInstancesFilter = {},
  opts: CallOptions = {},
): Promise<{ instances: Instance[]; totalCount: number; nextToken: string; requestId: string }> {
  const body = await client.call(describeInstancesSpec, { ...filter }, opts);
  return {
    instances: items(obj(body.Instances), 'Instance').map(decodeInstance),
    totalCount: num(body.TotalCount),
    nextToken: str(body.NextToken),
    requestId: requestIdOf(body),
  };
}

function decodeInstance(o: Record<string, unknown>): Instance {
  return {
    InstanceId: str(o.InstanceId),
    InstanceName: str(o.InstanceName),
    Status: str(o.Status),
    RegionId: str(o.RegionId),
    ZoneId: str(o.ZoneId),
    ImageId: str(o.ImageId),
    InstanceType: str(o.InstanceType),
    OSType: str(o.OSType),
    OSName: str(o.OSName),
    Cpu: num(o.Cpu),
    Memory: num(o.Memory),
    CreationTime: str(o.CreationTime),
    ResourceGroupId: str(o.ResourceGroupId),
    LockReasons: items(obj(o.OperationLocks), 'LockReason').map((l) => str(l.LockReason)),
    Tags: items(obj(o.Tags), 'Tag').map((t) => ({ TagKey: str(t.TagKey), TagValue: str(t.TagValue) })),
  };
}
