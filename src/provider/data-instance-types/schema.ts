/**
 * Schema of data source `alicloud_instance_types`: ECS instance types of the region, filtered by
 * family, size and zone. Names follow the official provider.
 */
import { outputFileWrittenAttribute } from '../common/index.js';
import { attr, defineSchema, v, type ConfigOf, type StateOf } from '../../framework/index.js';

export const instanceTypesSchema = defineSchema({
  description: 'ECS instance types available in the provider region, optionally in one zone, of one family or size.',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the type ids).' }),
    availability_zone: attr.string({ optional: true, description: 'Only types offered in this zone.' }),
    instance_type_family: attr.string({
      optional: true,
      validators: [v.pattern(/^ecs\.[a-z0-9-]+$/, 'a family id such as ecs.g6')],
      description: 'Only types of this family, e.g. `ecs.sn1ne`.',
    }),
    instance_type: attr.string({ optional: true, description: 'Only this instance type.' }),
    cpu_core_count: attr.int({ optional: true, validators: [v.range(1)], description: 'Only types with exactly this many vCPUs.' }),
    memory_size: attr.number({ optional: true, validators: [v.range(0)], description: 'Only types with exactly this much memory (GiB).' }),
    gpu_amount: attr.int({ optional: true, validators: [v.range(0)], description: 'Only types with this many GPUs.' }),
    eni_amount: attr.int({ optional: true, validators: [v.range(1)], description: 'Only types with at least this many ENIs.' }),
    instance_charge_type: attr.string({
      optional: true,
      default: 'PostPaid',
      validators: [v.oneOf('PrePaid', 'PostPaid')],
      description: 'Charge type.',
    }),
    network_type: attr.string({
      optional: true,
      ignored: true,
      validators: [v.oneOf('Vpc', 'Classic')],
      description: 'Network type (accepted, not used as a filter).',
    }),
    spot_strategy: attr.string({
      optional: true,
      ignored: true,
      validators: [v.oneOf('NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit')],
      description: 'Spot strategy (accepted, not used as a filter).',
    }),
    system_disk_category: attr.string({
      optional: true,
      ignored: true,
      description: 'System disk category (accepted, not used as a filter).',
    }),
    image_id: attr.string({ optional: true, ignored: true, description: 'Image the types must support (accepted, not used as a filter).' }),
    is_outdated: attr.bool({
      optional: true,
      ignored: true,
      description: 'Include outdated types (accepted; every type is current here).',
    }),
    kubernetes_node_role: attr.string({
      optional: true,
      ignored: true,
      validators: [v.oneOf('Master', 'Worker')],
      description: 'Kubernetes node role (accepted, not used as a filter).',
    }),
    sorted_by: attr.string({
      optional: true,
      validators: [v.oneOf('CPU', 'Memory', 'Price')],
      description: 'Sort key (default CPU, then memory).',
    }),
    output_file: outputFileWrittenAttribute,
    ids: attr.list('string', { computed: true, description: 'Ids of the matching instance types, smallest first.' }),
    instance_types: attr.listOf(
      {
        id: { type: 'string', description: 'Instance type id.' },
        cpu_core_count: { type: 'int', description: 'vCPUs.' },
        memory_size: { type: 'number', description: 'Memory in GiB.' },
        family: { type: 'string', description: 'Family id.' },
        eni_amount: { type: 'int', description: 'ENIs supported.' },
        availability_zones: { type: ['list', 'string'], description: 'Zones offering the type.' },
        nvme_support: { type: 'string', description: '`required` or `unsupported`.' },
      },
      { computed: true, description: 'The matching instance types.' },
    ),
  },
});

/** One element of the `instance_types` result list. */
export type InstanceTypeResult = NonNullable<InstanceTypesState['instance_types']>[number];

export type InstanceTypesState = StateOf<typeof instanceTypesSchema>;
export type InstanceTypesConfig = ConfigOf<typeof instanceTypesSchema>;
