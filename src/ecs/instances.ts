/**
 * ECS DescribeInstances as an image client needs it (source instance state, security locks).
 * Types come from the table (`src/spec/ecs/instances.ts`).
 */
import { describeInstancesSpec } from '../spec/ecs/instances.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** One `Instances.Instance` of DescribeInstances, checked, absent fields at their zero values. */
export type Instance = OutputOf<typeof describeInstancesSpec>['Instances']['Instance'][number];
export type DescribeInstancesFilter = ClientInputOf<typeof describeInstancesSpec>;

export async function describeInstances(
  client: AlibabaCloudClient,
  filter: DescribeInstancesFilter = {},
  opts: CallOptions = {},
): Promise<{ instances: Instance[]; totalCount: number; nextToken: string; requestId: string }> {
  const body = await client.call(describeInstancesSpec, filter, opts);
  const instances = body.Instances.Instance;
  return { instances, totalCount: body.TotalCount ?? instances.length, nextToken: body.NextToken, requestId: body.RequestId };
}

/** The instance's lock reasons, e.g. `security`, `financial`. */
export function instanceLockReasons(instance: Pick<Instance, 'OperationLocks'>): string[] {
  return instance.OperationLocks.LockReason.map((l) => l.LockReason);
}
