/**
 * The elastic network interface arguments of `alicloud_instance`, kept apart from the rest of its
 * schema: options of the primary interface (`network_interface_traffic_mode`, `network_card_index`,
 * `queue_pair_number`, `source_dest_check`, sent as RunInstances `NetworkInterface.1` with
 * InstanceType=Primary) and the `network_interfaces` blocks (secondary interfaces created with the
 * instance, `NetworkInterface.N` with InstanceType=Secondary, released with it). Names and flags
 * follow the official provider: every argument replaces the instance when changed. Difference:
 * `network_interface_id` (top level and in a block) is computed only here; the official provider
 * also takes an existing interface's id, which needs standalone interfaces this provider does not manage.
 */
import { attr, block, v } from '../../framework/index.js';
import { NETWORK_INTERFACE_TRAFFIC_MODES } from '../../spec/ecs/network-interfaces.js';

const trafficMode = (what: string) =>
  attr.string({
    optional: true,
    computed: true,
    requiresReplace: true,
    validators: [v.oneOf(...NETWORK_INTERFACE_TRAFFIC_MODES)],
    description: `Communication mode of ${what}: \`Standard\` (TCP) or \`HighPerformance\` (Elastic RDMA Interface, on instance types that support it). If not set, \`Standard\`. A change replaces the instance.`,
    meta: { ecs: 'NetworkInterface.N.NetworkInterfaceTrafficMode' },
  });
const cardIndex = (what: string) =>
  attr.int({
    optional: true,
    computed: true,
    requiresReplace: true,
    validators: [v.range(0, 7)],
    description: `Index of the physical network card of ${what} (only types with several cards take more than 0). A change replaces the instance.`,
    meta: { ecs: 'NetworkInterface.N.NetworkCardIndex' },
  });
const queuePairs = (what: string) =>
  attr.int({
    optional: true,
    computed: true,
    requiresReplace: true,
    validators: [v.range(1, 2048)],
    description: `Queue pairs of ${what} when it is an RDMA interface (\`network_interface_traffic_mode = "HighPerformance"\`), at most the type's vCPUs. If not set, 0 for a Standard interface. A change replaces the instance.`,
    meta: { ecs: 'NetworkInterface.N.QueuePairNumber' },
  });
const sourceDestCheck = (what: string) =>
  attr.bool({
    optional: true,
    computed: true,
    requiresReplace: true,
    description: `Whether ${what} checks source and destination addresses. If not set, false. A change replaces the instance.`,
    meta: { ecs: 'NetworkInterface.N.SourceDestCheck' },
  });

export const networkInterfaceAttributes = {
  network_interface_id: attr.string({
    computed: true,
    useStateForUnknown: true,
    description: 'Id of the primary network interface (`eni-...`).',
  }),
  network_interface_traffic_mode: trafficMode('the primary network interface'),
  network_card_index: cardIndex('the primary network interface (0)'),
  queue_pair_number: queuePairs('the primary network interface'),
  source_dest_check: sourceDestCheck('the primary network interface'),
} as const;

export const networkInterfacesBlock = block.list({
  computed: true,
  requiresReplace: true,
  description:
    'Secondary network interfaces created with the instance (RunInstances `NetworkInterface.N`), released with it; 1 + their number is at most the ENI quota of the instance type. Any change replaces the instance. If not written, the secondary interfaces are read from ECS.',
  attributes: {
    network_interface_id: attr.string({ computed: true, description: 'Id of the interface (`eni-...`).' }),
    vswitch_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.pattern(/^vsw-[A-Za-z0-9-]+$/, 'a vSwitch id such as vsw-abc123')],
      description: "vSwitch of the interface, in the instance's zone and VPC. If not set, the instance's vSwitch.",
      meta: { ecs: 'NetworkInterface.N.VSwitchId' },
    }),
    network_interface_traffic_mode: trafficMode('the interface'),
    network_card_index: cardIndex('the interface'),
    queue_pair_number: queuePairs('the interface'),
    source_dest_check: sourceDestCheck('the interface'),
    security_group_ids: attr.list('string', {
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.count(1, 16, 'security groups')],
      elementValidators: [v.pattern(/^sg-[A-Za-z0-9-]+$/, 'a security group id such as sg-abc123')],
      description: "Security groups of the interface, in the instance's VPC. If not set, the instance's security groups.",
      meta: { ecs: 'NetworkInterface.N.SecurityGroupIds.N' },
    }),
  },
});

export const networkInterfaceBlocks = { network_interfaces: networkInterfacesBlock } as const;
