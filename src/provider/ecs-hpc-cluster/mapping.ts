/** Pure mapping between `alicloud_ecs_hpc_cluster` state and the ECS HPC-cluster API. */
import type { HpcCluster } from '../../ecs/index.js';
import type { HpcClusterState } from './schema.js';

export function fromHpcCluster(c: HpcCluster): HpcClusterState {
  return { id: c.HpcClusterId, name: c.Name, description: c.Description };
}
