import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NetworkInterfaceDetail, RunInstanceInput } from '../../ecs/index.js';
import { Diagnostics, formatPath } from '../../framework/index.js';
import { nullState } from '../../framework/testing/fixtures.js';
import { checkNetworkInterfaces, fromNetworkInterfaces, withNetworkInterfaces } from './network-interfaces-mapping.js';
import { instanceSchema } from './schema.js';

const empty = nullState(instanceSchema);
const base: RunInstanceInput = {
  ImageId: 'ubuntu',
  InstanceType: 'ecs.g7.large',
  VSwitchId: 'vsw-1',
  SecurityGroupIds: ['sg-1'],
  PrivateIpAddress: '10.0.0.9',
  Ipv6AddressCount: 1,
};
const block = (over: Partial<NonNullable<(typeof empty)['network_interfaces']>[number]>) => ({
  network_interface_id: undefined,
  vswitch_id: null,
  network_interface_traffic_mode: null,
  network_card_index: null,
  queue_pair_number: null,
  source_dest_check: null,
  security_group_ids: null,
  ...over,
});

test('no interface argument leaves RunInstances as it was; unknown (computed) values send nothing', () => {
  assert.deepEqual(withNetworkInterfaces({ ...empty, network_interfaces: [], source_dest_check: undefined }, base), base);
});

test('a primary option moves the network of the primary interface into a Primary entry; blocks become Secondary entries', () => {
  const plan = {
    ...empty,
    source_dest_check: true,
    network_interface_traffic_mode: 'Standard',
    network_interfaces: [block({ vswitch_id: 'vsw-2', security_group_ids: ['sg-2'] }), block({ source_dest_check: false })],
  };
  const out = withNetworkInterfaces(plan, base);
  assert.deepEqual(
    [out.VSwitchId, out.SecurityGroupIds, out.PrivateIpAddress, out.Ipv6AddressCount],
    [undefined, undefined, undefined, undefined],
    'ECS refuses the top-level parameters beside a Primary entry',
  );
  assert.deepEqual(out.NetworkInterface, [
    {
      InstanceType: 'Primary',
      VSwitchId: 'vsw-1',
      SecurityGroupIds: ['sg-1'],
      PrimaryIpAddress: '10.0.0.9',
      Ipv6Address: undefined,
      Ipv6AddressCount: 1,
      NetworkInterfaceTrafficMode: 'Standard',
      NetworkCardIndex: undefined,
      QueuePairNumber: undefined,
      SourceDestCheck: true,
    },
    {
      InstanceType: 'Secondary',
      VSwitchId: 'vsw-2',
      NetworkInterfaceTrafficMode: undefined,
      NetworkCardIndex: undefined,
      QueuePairNumber: undefined,
      SourceDestCheck: undefined,
      SecurityGroupIds: ['sg-2'],
    },
    {
      InstanceType: 'Secondary',
      VSwitchId: undefined,
      NetworkInterfaceTrafficMode: undefined,
      NetworkCardIndex: undefined,
      QueuePairNumber: undefined,
      SourceDestCheck: false,
      SecurityGroupIds: undefined,
    },
  ]);
  // Blocks alone keep the top-level network.
  const only = withNetworkInterfaces({ ...empty, network_interfaces: [block({})] }, base);
  assert.equal(only.VSwitchId, 'vsw-1');
  assert.equal(only.NetworkInterface!.length, 1);
});

test('the read fills the primary options and one block per secondary interface, in device order', () => {
  const eni = (over: Partial<NetworkInterfaceDetail>): NetworkInterfaceDetail => ({
    id: 'eni-p',
    type: 'Primary',
    vSwitchId: 'vsw-1',
    privateIp: '10.0.0.9',
    securityGroupIds: ['sg-1'],
    trafficMode: 'Standard',
    queuePairNumber: 0,
    sourceDestCheck: true,
    networkCardIndex: 0,
    deviceIndex: 0,
    ...over,
  });
  const s = fromNetworkInterfaces([
    eni({}),
    eni({ id: 'eni-s', type: 'Secondary', vSwitchId: 'vsw-2', sourceDestCheck: false, deviceIndex: 1 }),
  ]);
  assert.deepEqual(
    [s.network_interface_id, s.source_dest_check, s.network_interface_traffic_mode, s.queue_pair_number, s.network_card_index],
    ['eni-p', true, 'Standard', 0, 0],
  );
  assert.deepEqual(s.network_interfaces, [
    {
      network_interface_id: 'eni-s',
      vswitch_id: 'vsw-2',
      network_interface_traffic_mode: 'Standard',
      network_card_index: 0,
      queue_pair_number: 0,
      source_dest_check: false,
      security_group_ids: ['sg-1'],
    },
  ]);
  assert.deepEqual(fromNetworkInterfaces([]).network_interfaces, []);
});

test('plan-time checks name the attribute: queue pairs need an RDMA interface, the primary card is 0', () => {
  const errors = (c: Parameters<typeof checkNetworkInterfaces>[0]) => {
    const d = new Diagnostics();
    checkNetworkInterfaces(c, d);
    return d.errors().map((e) => `${formatPath(e.attribute ?? [])}: ${e.detail}`);
  };
  assert.match(errors({ queue_pair_number: 4, network_interface_traffic_mode: null })[0]!, /^queue_pair_number: .*HighPerformance/);
  assert.deepEqual(errors({ queue_pair_number: 4, network_interface_traffic_mode: 'HighPerformance' }), []);
  assert.deepEqual(errors({ queue_pair_number: 4, network_interface_traffic_mode: undefined }), [], 'unknown mode: left to ECS');
  assert.match(errors({ network_card_index: 1 })[0]!, /^network_card_index: .*card 0/);
  assert.match(
    errors({ network_interfaces: [{ queue_pair_number: null }, { queue_pair_number: 2, network_interface_traffic_mode: 'Standard' }] })[0]!,
    /^network_interfaces\[1\]\.queue_pair_number: /,
  );
});
