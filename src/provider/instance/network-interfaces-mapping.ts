/**
 * Pure mapping of the network interface arguments of `alicloud_instance` (network-interfaces-schema.ts):
 * to RunInstances `NetworkInterface.N` and from DescribeNetworkInterfaces, plus the plan-time checks.
 */
import type { NetworkInterfaceDetail, RunInstanceInput } from '../../ecs/index.js';
import type { Diagnostics, PlanOf } from '../../framework/index.js';
import type { InstanceState, instanceSchema } from './schema.js';

type Planned = PlanOf<typeof instanceSchema>;
type Entry = NonNullable<RunInstanceInput['NetworkInterface']>[number];
type TrafficMode = Entry['NetworkInterfaceTrafficMode'];

const known = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);

/**
 * RunInstances input with the interfaces: when a primary option is set, the primary interface's
 * vSwitch, security groups and addresses move from the top level into a `Primary` entry (ECS
 * refuses both at once); every written `network_interfaces` block becomes a `Secondary` entry.
 */
export function withNetworkInterfaces(plan: Planned, input: RunInstanceInput): RunInstanceInput {
  const options = {
    NetworkInterfaceTrafficMode: known(plan.network_interface_traffic_mode) as TrafficMode,
    NetworkCardIndex: known(plan.network_card_index),
    QueuePairNumber: known(plan.queue_pair_number),
    SourceDestCheck: known(plan.source_dest_check),
  };
  const secondaries: Entry[] = (Array.isArray(plan.network_interfaces) ? plan.network_interfaces : []).map((n) => ({
    InstanceType: 'Secondary',
    VSwitchId: known(n.vswitch_id),
    NetworkInterfaceTrafficMode: known(n.network_interface_traffic_mode) as TrafficMode,
    NetworkCardIndex: known(n.network_card_index),
    QueuePairNumber: known(n.queue_pair_number),
    SourceDestCheck: known(n.source_dest_check),
    SecurityGroupIds: Array.isArray(n.security_group_ids) ? [...n.security_group_ids] : undefined,
  }));
  const primarySet = Object.values(options).some((x) => x !== undefined);
  if (!primarySet) return secondaries.length > 0 ? { ...input, NetworkInterface: secondaries } : input;
  const { VSwitchId, SecurityGroupIds, PrivateIpAddress, Ipv6Address, Ipv6AddressCount, ...rest } = input;
  const primary: Entry = {
    InstanceType: 'Primary',
    VSwitchId,
    SecurityGroupIds,
    PrimaryIpAddress: PrivateIpAddress,
    Ipv6Address,
    Ipv6AddressCount,
    ...options,
  };
  return { ...rest, NetworkInterface: [primary, ...secondaries] };
}

/** The interface arguments from what DescribeNetworkInterfaces lists for the instance (primary first). */
export function fromNetworkInterfaces(
  enis: readonly NetworkInterfaceDetail[],
): Pick<
  InstanceState,
  | 'network_interface_id'
  | 'network_interface_traffic_mode'
  | 'network_card_index'
  | 'queue_pair_number'
  | 'source_dest_check'
  | 'network_interfaces'
> {
  const p = enis.find((e) => e.type === 'Primary');
  return {
    network_interface_id: p?.id ?? '',
    network_interface_traffic_mode: p?.trafficMode ?? 'Standard',
    network_card_index: p?.networkCardIndex ?? 0,
    queue_pair_number: p?.queuePairNumber ?? 0,
    source_dest_check: p?.sourceDestCheck ?? false,
    network_interfaces: enis
      .filter((e) => e.type !== 'Primary')
      .map((e) => ({
        network_interface_id: e.id,
        vswitch_id: e.vSwitchId,
        network_interface_traffic_mode: e.trafficMode,
        network_card_index: e.networkCardIndex,
        queue_pair_number: e.queuePairNumber,
        source_dest_check: e.sourceDestCheck,
        security_group_ids: [...e.securityGroupIds],
      })),
  };
}

type Checked = {
  [K in 'network_interface_traffic_mode' | 'queue_pair_number' | 'network_card_index']?: Planned[K] | null;
} & {
  network_interfaces?:
    readonly ({ network_interface_traffic_mode?: string | null; queue_pair_number?: number | null } | undefined)[] | null;
};

/** Plan-time checks ECS would answer after the create call: queue pairs on a non-RDMA interface, a card index other than 0 on the primary. */
export function checkNetworkInterfaces(c: Checked, diags: Diagnostics): void {
  const queues = (mode: unknown, pairs: unknown, path: Parameters<Diagnostics['addAttributeError']>[0], what: string) => {
    if (typeof pairs === 'number' && mode !== 'HighPerformance' && mode !== undefined)
      diags.addAttributeError(
        path,
        'Queue Pairs Without RDMA',
        `queue_pair_number applies to RDMA interfaces only: set network_interface_traffic_mode = "HighPerformance" on ${what}, or remove queue_pair_number.`,
      );
  };
  queues(c.network_interface_traffic_mode, c.queue_pair_number, [{ attribute: 'queue_pair_number' }], 'the instance');
  if (typeof c.network_card_index === 'number' && c.network_card_index !== 0)
    diags.addAttributeError(
      [{ attribute: 'network_card_index' }],
      'Invalid Network Card Index',
      `network_card_index = ${c.network_card_index}: the primary network interface is always on card 0. Remove it or set 0.`,
    );
  (Array.isArray(c.network_interfaces) ? c.network_interfaces : []).forEach((n, i) =>
    queues(
      n?.network_interface_traffic_mode,
      n?.queue_pair_number,
      [{ attribute: 'network_interfaces' }, { index: i }, { attribute: 'queue_pair_number' }],
      `network_interfaces[${i}]`,
    ),
  );
}
