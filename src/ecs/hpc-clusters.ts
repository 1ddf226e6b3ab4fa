/**
 * ECS HPC clusters: CreateHpcCluster, DescribeHpcClusters (one by id), ModifyHpcClusterAttribute,
 * DeleteHpcCluster. Types come from the table (`src/spec/ecs/hpc-clusters.ts`).
 */
import {
  createHpcClusterSpec,
  deleteHpcClusterSpec,
  describeHpcClustersSpec,
  modifyHpcClusterAttributeSpec,
} from '../spec/ecs/hpc-clusters.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';

export type HpcCluster = OutputOf<typeof describeHpcClustersSpec>['HpcClusters']['HpcCluster'][number];

/** Create an HPC cluster; its id. */
export async function createHpcCluster(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof createHpcClusterSpec>,
  opts: CallOptions = {},
): Promise<string> {
  return (await callWithClientToken(client, createHpcClusterSpec, input, opts)).HpcClusterId;
}

/** The HPC cluster with this id, or undefined when it does not exist. */
export async function describeHpcCluster(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<HpcCluster | undefined> {
  const b = await client.call(describeHpcClustersSpec, { HpcClusterIds: [id] }, opts);
  return b.HpcClusters.HpcCluster.find((c) => c.HpcClusterId === id);
}

export async function modifyHpcClusterAttribute(
  client: AlibabaCloudClient,
  input: ClientInputOf<typeof modifyHpcClusterAttributeSpec>,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyHpcClusterAttributeSpec, input, { idempotent: true, ...opts });
}

export async function deleteHpcCluster(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<void> {
  await client.call(deleteHpcClusterSpec, { HpcClusterId: id }, { idempotent: true, ...opts });
}
