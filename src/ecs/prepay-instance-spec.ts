/** A new instance type for a subscription (PrePaid) instance: ModifyPrepayInstanceSpec (`src/spec/ecs/prepay-instance-spec.ts`). */
import { modifyPrepayInstanceSpecSpec, type PREPAY_OPERATOR_TYPES } from '../spec/ecs/prepay-instance-spec.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';

/** Change the type of a PrePaid instance; `operatorType` says upgrade or downgrade (ECS works it out when absent). */
export async function modifyPrepayInstanceType(
  client: AlibabaCloudClient,
  instanceId: string,
  instanceType: string,
  operatorType: (typeof PREPAY_OPERATOR_TYPES)[number] | undefined,
  opts: CallOptions = {},
): Promise<void> {
  await callWithClientToken(
    client,
    modifyPrepayInstanceSpecSpec,
    { InstanceId: instanceId, InstanceType: instanceType, OperatorType: operatorType },
    opts,
  );
}
