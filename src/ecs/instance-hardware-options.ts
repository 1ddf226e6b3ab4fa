/**
 * Hardware options of an instance read apart from DescribeInstances: whether jumbo frames are on
 * (DescribeInstanceAttribute `EnableJumboFrame`; ModifyInstanceAttribute changes it). CPU and image
 * options come with {@link InstanceDetail}.
 */
import { describeInstanceAttributeSpec } from '../spec/ecs/instance-lifecycle.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** Whether the instance runs with jumbo frames (MTU 8500 on every interface). */
export async function describeInstanceJumboFrame(client: AlibabaCloudClient, instanceId: string, opts: CallOptions = {}): Promise<boolean> {
  const body = await client.call(describeInstanceAttributeSpec, { InstanceId: instanceId }, opts);
  return body.EnableJumboFrame;
}
