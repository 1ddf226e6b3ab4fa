/**
 * ECS automatic snapshot policies: CreateAutoSnapshotPolicy, DescribeAutoSnapshotPolicyEx (one by
 * id), ModifyAutoSnapshotPolicyEx, DeleteAutoSnapshotPolicy, ApplyAutoSnapshotPolicy and
 * CancelAutoSnapshotPolicy. Types come from the table (`src/spec/ecs/auto-snapshot-policies.ts`);
 * these actions spell the region `regionId`, which the client fills from its region.
 */
import {
  applyAutoSnapshotPolicySpec,
  cancelAutoSnapshotPolicySpec,
  createAutoSnapshotPolicySpec,
  deleteAutoSnapshotPolicySpec,
  describeAutoSnapshotPolicyExSpec,
  modifyAutoSnapshotPolicyExSpec,
} from '../spec/ecs/auto-snapshot-policies.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

export type AutoSnapshotPolicy = OutputOf<typeof describeAutoSnapshotPolicyExSpec>['AutoSnapshotPolicies']['AutoSnapshotPolicy'][number];

type WithoutRegion<T> = Omit<T, 'regionId'>;

/** Create an automatic snapshot policy; its id. */
export async function createAutoSnapshotPolicy(
  client: AlibabaCloudClient,
  input: WithoutRegion<ClientInputOf<typeof createAutoSnapshotPolicySpec>>,
  opts: CallOptions = {},
): Promise<string> {
  return (await client.call(createAutoSnapshotPolicySpec, { regionId: client.region, ...input }, opts)).AutoSnapshotPolicyId;
}

/** The automatic snapshot policy with this id, or undefined when it does not exist. */
export async function describeAutoSnapshotPolicy(
  client: AlibabaCloudClient,
  id: string,
  opts: CallOptions = {},
): Promise<AutoSnapshotPolicy | undefined> {
  const b = await client.call(describeAutoSnapshotPolicyExSpec, { AutoSnapshotPolicyId: id }, opts);
  return b.AutoSnapshotPolicies.AutoSnapshotPolicy.find((p) => p.AutoSnapshotPolicyId === id);
}

export async function modifyAutoSnapshotPolicy(
  client: AlibabaCloudClient,
  input: WithoutRegion<ClientInputOf<typeof modifyAutoSnapshotPolicyExSpec>>,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyAutoSnapshotPolicyExSpec, { regionId: client.region, ...input }, { idempotent: true, ...opts });
}

export async function deleteAutoSnapshotPolicy(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<void> {
  await client.call(deleteAutoSnapshotPolicySpec, { regionId: client.region, autoSnapshotPolicyId: id }, { idempotent: true, ...opts });
}

/** The disks follow the policy from now on. */
export async function applyAutoSnapshotPolicy(
  client: AlibabaCloudClient,
  policyId: string,
  diskIds: readonly string[],
  opts: CallOptions = {},
): Promise<void> {
  await client.call(
    applyAutoSnapshotPolicySpec,
    { regionId: client.region, autoSnapshotPolicyId: policyId, diskIds },
    { idempotent: true, ...opts },
  );
}

/** The disks follow no automatic snapshot policy. */
export async function cancelAutoSnapshotPolicy(
  client: AlibabaCloudClient,
  diskIds: readonly string[],
  opts: CallOptions = {},
): Promise<void> {
  await client.call(cancelAutoSnapshotPolicySpec, { regionId: client.region, diskIds }, { idempotent: true, ...opts });
}
