/**
 * Schema of data source `alicloud_instance_types`: ECS instance types of the region, filtered by
 * family, size and zone. Names follow the official provider.
 */
import { outputFileWrittenAttribute } from '../common/index.js';
import { attr, defineSchema, v, type ConfigOf, type StateOf } from '../../framework/index.js';

/** System disk categories the official provider accepts for the filter. */
export const SYSTEM_DISK_CATEGORIES = [
  'cloud',
  'ephemeral_ssd',
  'cloud_essd',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd_entry',
  'cloud_auto',
] as const;

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
    gpu_spec: attr.string({
      optional: true,
      description: 'Only types with this GPU model, e.g. `NVIDIA A10` (DescribeInstanceTypes `GPUSpec`).',
    }),
    minimum_eni_ipv6_address_quantity: attr.int({
      optional: true,
      validators: [v.range(0)],
      description: 'Only types whose ENIs take at least this many IPv6 addresses each.',
    }),
    minimum_eni_private_ip_address_quantity: attr.int({
      optional: true,
      validators: [v.range(0)],
      description: 'Only types whose ENIs take at least this many private IPv4 addresses each.',
    }),
    network_type: attr.string({
      optional: true,
      validators: [v.oneOf('Vpc', 'Classic')],
      description: 'Only types offered in this network type (DescribeAvailableResource `NetworkCategory`).',
    }),
    spot_strategy: attr.string({
      optional: true,
      default: 'NoSpot',
      validators: [v.oneOf('NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit')],
      description: 'Only types (and zones) with spot capacity, unless `NoSpot`; applies to `PostPaid` only, as in the API.',
    }),
    system_disk_category: attr.string({
      optional: true,
      validators: [v.oneOf(...SYSTEM_DISK_CATEGORIES)],
      description: 'Only types offered with this system disk category (DescribeAvailableResource `SystemDiskCategory`).',
    }),
    image_id: attr.string({
      optional: true,
      description: 'Only types that can boot this image (DescribeImageSupportInstanceTypes).',
    }),
    is_outdated: attr.bool({
      optional: true,
      description:
        '`true` lists the outdated (non-I/O-optimized) types instead of the current ones (DescribeAvailableResource `IoOptimized=none`).',
    }),
    kubernetes_node_role: attr.string({
      optional: true,
      validators: [v.oneOf('Master', 'Worker')],
      description:
        'Only types fit for a Kubernetes node: at least 2 vCPUs and 4 GiB, not `ecs.t5`, and for `Master` no GPU family (`ecs.gn*`).',
    }),
    sorted_by: attr.string({
      optional: true,
      validators: [v.oneOf('CPU', 'Memory', 'Price')],
      description: 'Sort key (default CPU, then memory); `Price` also fills `price` from DescribePrice.',
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
        price: {
          type: 'string',
          description: 'List price with four decimals (per hour for PostPaid, per month for PrePaid); only with `sorted_by = "Price"`.',
        },
        gpu: { type: ['map', 'string'], description: 'GPUs: `amount` and `category` (the model).' },
        burstable_instance: {
          type: ['map', 'string'],
          description: 'Burstable types: `initial_credit` and `baseline_credit` (0 otherwise).',
        },
        local_storage: { type: ['map', 'string'], description: 'Local disks: `capacity` (GiB each), `amount` and `category`.' },
        eni_quantity: { type: 'int', description: 'ENIs supported (same as `eni_amount`).' },
        eni_private_ip_address_quantity: { type: 'int', description: 'Private IPv4 addresses per ENI.' },
        eni_ipv6_address_quantity: { type: 'int', description: 'IPv6 addresses per ENI.' },
        primary_eni_queue_number: { type: 'int', description: 'Default queues of the primary ENI.' },
        secondary_eni_queue_number: { type: 'int', description: 'Default queues of a secondary ENI.' },
        maximum_queue_number_per_eni: { type: 'int', description: 'Most queues one ENI can have.' },
        total_eni_queue_quantity: { type: 'int', description: 'Queues of all ENIs together.' },
      },
      { computed: true, description: 'The matching instance types.' },
    ),
  },
});

/** One element of the `instance_types` result list. */
export type InstanceTypeResult = NonNullable<InstanceTypesState['instance_types']>[number];

export type InstanceTypesState = StateOf<typeof instanceTypesSchema>;
export type InstanceTypesConfig = ConfigOf<typeof instanceTypesSchema>;
