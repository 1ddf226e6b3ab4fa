/**
 * Private pool options of an instance: DescribeInstanceAttachmentAttributes (one instance) and
 * ModifyInstanceAttachmentAttributes. Types come from the table (`src/spec/ecs/private-pools.ts`).
 */
import { describeInstanceAttachmentAttributesSpec, modifyInstanceAttachmentAttributesSpec } from '../spec/ecs/private-pools.js';
import type { ClientInputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

export type PrivatePoolOptionsInput = NonNullable<ClientInputOf<typeof modifyInstanceAttachmentAttributesSpec>['PrivatePoolOptions']>;

/** The instance's private pool options ('' fields when ECS lists none). */
export async function describeInstancePrivatePool(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<{ matchCriteria: string; id: string }> {
  const b = await client.call(describeInstanceAttachmentAttributesSpec, { InstanceIds: [instanceId] }, opts);
  const i = b.Instances.Instance.find((x) => x.InstanceId === instanceId);
  return { matchCriteria: i?.PrivatePoolOptionsMatchCriteria ?? '', id: i?.PrivatePoolOptionsId ?? '' };
}

export async function modifyInstancePrivatePool(
  client: AlibabaCloudClient,
  instanceId: string,
  options: PrivatePoolOptionsInput,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(
    modifyInstanceAttachmentAttributesSpec,
    { InstanceId: instanceId, PrivatePoolOptions: options },
    { idempotent: true, ...opts },
  );
}
