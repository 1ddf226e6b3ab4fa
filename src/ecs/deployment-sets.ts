/**
 * ECS deployment sets: CreateDeploymentSet, DescribeDeploymentSets (one by id), ModifyDeploymentSetAttribute,
 * DeleteDeploymentSet, and ModifyInstanceDeployment for an instance's membership. Types come from
 * the table (`src/spec/ecs/deployment-sets.ts`).
 */
import {
  createDeploymentSetSpec,
  deleteDeploymentSetSpec,
  describeDeploymentSetsSpec,
  modifyDeploymentSetAttributeSpec,
  modifyInstanceDeploymentSpec,
} from '../spec/ecs/deployment-sets.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';

export type DeploymentSet = OutputOf<typeof describeDeploymentSetsSpec>['DeploymentSets']['DeploymentSet'][number];
export type CreateDeploymentSetInput = ClientInputOf<typeof createDeploymentSetSpec>;

/** Create a deployment set; its id. */
export async function createDeploymentSet(
  client: AlibabaCloudClient,
  input: CreateDeploymentSetInput,
  opts: CallOptions = {},
): Promise<string> {
  return (await callWithClientToken(client, createDeploymentSetSpec, input, opts)).DeploymentSetId;
}

/** The deployment set with this id, or undefined when it does not exist. */
export async function describeDeploymentSet(
  client: AlibabaCloudClient,
  id: string,
  opts: CallOptions = {},
): Promise<DeploymentSet | undefined> {
  const b = await client.call(describeDeploymentSetsSpec, { DeploymentSetIds: [id] }, opts);
  return b.DeploymentSets.DeploymentSet.find((d) => d.DeploymentSetId === id);
}

export async function modifyDeploymentSetAttribute(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof modifyDeploymentSetAttributeSpec>,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyDeploymentSetAttributeSpec, input, { idempotent: true, ...opts });
}

export async function deleteDeploymentSet(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<void> {
  await client.call(deleteDeploymentSetSpec, { DeploymentSetId: id }, { idempotent: true, ...opts });
}

/**
 * Move an instance into the deployment set `to`, or out of `from` when `to` is undefined
 * (ModifyInstanceDeployment with RemoveFromDeploymentSet). Running or Stopped instances only.
 */
export async function setInstanceDeploymentSet(
  client: AlibabaCloudClient,
  instanceId: string,
  change: { from?: string; to?: string },
  opts: CallOptions = {},
): Promise<void> {
  const input: ClientInputOf<typeof modifyInstanceDeploymentSpec> = change.to
    ? { InstanceId: instanceId, DeploymentSetId: change.to }
    : { InstanceId: instanceId, DeploymentSetId: change.from, RemoveFromDeploymentSet: true };
  // A repeated join lands in the same set; a repeated leave would fail, so only a join is retried.
  await client.call(modifyInstanceDeploymentSpec, input, { idempotent: change.to !== undefined, ...opts });
}
