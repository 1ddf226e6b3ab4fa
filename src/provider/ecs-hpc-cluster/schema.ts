/**
 * Schema of `alicloud_ecs_hpc_cluster`: an HPC cluster, the RDMA network super computing cluster
 * (SCC) instances join through `alicloud_instance.hpc_cluster_id`.
 */
import { attr, defineSchema, type StateOf } from '../../framework/index.js';
import { createHpcClusterSpec } from '../../spec/ecs/hpc-clusters.js';
import { specField, stringRules } from '../common/index.js';

const param = (name: string) => specField(createHpcClusterSpec.params, name);

export const hpcClusterSchema = defineSchema({
  description: 'An ECS HPC cluster: the RDMA network of super computing cluster (SCC) instances.',
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'The HPC cluster id (`hpc-...`).' }),
    name: attr.string({
      required: true,
      validators: stringRules(param('Name')),
      description: 'Name of the HPC cluster. A change applies in place.',
      meta: { ecs: 'Name' },
    }),
    description: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: stringRules(param('Description')),
      description:
        'Description of the HPC cluster. A change applies in place; removing it from the configuration keeps the current description (ECS cannot clear it).',
      meta: { ecs: 'Description' },
    }),
  },
});

export type HpcClusterState = StateOf<typeof hpcClusterSchema>;
