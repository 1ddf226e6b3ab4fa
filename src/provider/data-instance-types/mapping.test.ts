import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AvailableZone, InstanceType } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import {
  availableResourceInput,
  filterTypes,
  instanceTypesInput,
  sortTypes,
  toTypeResults,
  withZones,
  zonesByType,
  type TypeWithZones,
} from './mapping.js';
import { instanceTypesSchema } from './schema.js';

const type = (id: string, cpu: number, mem: number, extra: Partial<InstanceType> = {}): InstanceType => ({
  InstanceTypeId: id,
  InstanceTypeFamily: id.split(/[.-]/).slice(0, 2).join('.'),
  CpuCoreCount: cpu,
  MemorySize: mem,
  GPUAmount: 0,
  GPUSpec: '',
  CpuArchitecture: 'X86',
  EniQuantity: 3,
  NvmeSupport: 'unsupported',
  InstanceFamilyLevel: 'EnterpriseLevel',
  EniPrivateIpAddressQuantity: 10,
  EniIpv6AddressQuantity: 10,
  PrimaryEniQueueNumber: 2,
  SecondaryEniQueueNumber: 2,
  MaximumQueueNumberPerEni: 2,
  TotalEniQueueQuantity: 6,
  LocalStorageCategory: '',
  LocalStorageAmount: 0,
  LocalStorageCapacity: 0,
  BaselineCredit: 0,
  InitialCredit: 0,
  ...extra,
});
const zone = (id: string, values: string[], status = 'Available'): AvailableZone => ({
  ZoneId: id,
  Status: status,
  Resources: values.map((Value) => ({ Value, Status: 'Available' })),
});
const types = [type('ecs.g6.xlarge', 4, 16), type('ecs.g6.large', 2, 8), type('ecs.c6.large', 2, 4)];
const zones = [zone('z-b', ['ecs.g6.large', 'ecs.c6.large']), zone('z-a', ['ecs.g6.large', 'ecs.g6.xlarge'])];

test('each type lists the zones offering it (sorted), and a zone filter drops types that zone lacks', () => {
  assert.deepEqual(
    withZones(types, zonesByType(zones, null)).map((t) => [t.InstanceTypeId, t.zones]),
    [
      ['ecs.g6.xlarge', ['z-a']],
      ['ecs.g6.large', ['z-a', 'z-b']],
      ['ecs.c6.large', ['z-b']],
    ],
  );
  assert.deepEqual(
    withZones(types, zonesByType(zones, 'z-a')).map((t) => t.InstanceTypeId),
    ['ecs.g6.xlarge', 'ecs.g6.large'],
  );
});

test('a sold-out zone or value offers nothing', () => {
  const soldOut: AvailableZone[] = [
    zone('z-a', ['ecs.g6.large'], 'SoldOut'),
    { ZoneId: 'z-b', Status: 'Available', Resources: [{ Value: 'ecs.c6.large', Status: 'SoldOut' }] },
  ];
  assert.deepEqual([...zonesByType(soldOut, null)], []);
});

test('the zone-level filters go to DescribeAvailableResource the way the official provider sends them', () => {
  assert.deepEqual(availableResourceInput({}), {
    DestinationResource: 'InstanceType',
    IoOptimized: 'optimized',
    InstanceChargeType: undefined,
    SpotStrategy: undefined,
    NetworkCategory: undefined,
    SystemDiskCategory: undefined,
    Cores: undefined,
    Memory: undefined,
  });
  assert.deepEqual(
    availableResourceInput({
      is_outdated: true,
      instance_charge_type: 'PostPaid',
      spot_strategy: 'SpotAsPriceGo',
      network_type: 'Classic',
      system_disk_category: 'cloud_essd',
      cpu_core_count: 2,
      memory_size: 0.5,
    }),
    {
      DestinationResource: 'InstanceType',
      IoOptimized: 'none',
      InstanceChargeType: 'PostPaid',
      SpotStrategy: 'SpotAsPriceGo',
      NetworkCategory: 'classic',
      SystemDiskCategory: 'cloud_essd',
      Cores: 2,
      Memory: '0.5',
    },
  );
});

test('GPU model and ENI address minimums go to DescribeInstanceTypes', () => {
  assert.deepEqual(
    instanceTypesInput({ gpu_spec: 'NVIDIA A10', minimum_eni_ipv6_address_quantity: 1, minimum_eni_private_ip_address_quantity: 8 }),
    {
      InstanceTypeFamily: undefined,
      InstanceTypes: undefined,
      GPUSpec: 'NVIDIA A10',
      MinimumEniIpv6AddressQuantity: 1,
      MinimumEniPrivateIpAddressQuantity: 8,
    },
  );
});

test('types sort smallest first by vCPU then memory, or by memory first with sorted_by Memory', () => {
  const all = withZones(types, zonesByType(zones, null));
  assert.deepEqual(
    sortTypes(all, null).map((t) => t.InstanceTypeId),
    ['ecs.c6.large', 'ecs.g6.large', 'ecs.g6.xlarge'],
  );
  assert.deepEqual(
    sortTypes(filterTypes(all, { cpu_core_count: 2, memory_size: 8 }), null).map((t) => t.InstanceTypeId),
    ['ecs.g6.large'],
  );
});

test('sorted_by Price orders by the price found, cheapest first', () => {
  const priced: TypeWithZones[] = withZones(types, zonesByType(zones, null)).map((t) => ({
    ...t,
    price: t.InstanceTypeId === 'ecs.g6.xlarge' ? 0.1 : t.InstanceTypeId === 'ecs.c6.large' ? 0.3 : 0.2,
  }));
  assert.deepEqual(
    sortTypes(priced, 'Price').map((t) => t.InstanceTypeId),
    ['ecs.g6.xlarge', 'ecs.g6.large', 'ecs.c6.large'],
  );
});

test('image support and Kubernetes role narrow the types', () => {
  const all = withZones(
    [...types, type('ecs.t5-lc1m1.small', 1, 1), type('ecs.gn7i-c8g1.2xlarge', 8, 30, { GPUAmount: 1, GPUSpec: 'NVIDIA A10' })],
    new Map([
      ['ecs.g6.xlarge', ['z-a']],
      ['ecs.g6.large', ['z-a']],
      ['ecs.c6.large', ['z-a']],
      ['ecs.t5-lc1m1.small', ['z-a']],
      ['ecs.gn7i-c8g1.2xlarge', ['z-a']],
    ]),
  );
  const ids = (ts: TypeWithZones[]) => ts.map((t) => t.InstanceTypeId).sort();
  assert.deepEqual(ids(filterTypes(all, {}, new Set(['ecs.g6.large', 'ecs.gn7i-c8g1.2xlarge']))), [
    'ecs.g6.large',
    'ecs.gn7i-c8g1.2xlarge',
  ]);
  assert.deepEqual(ids(filterTypes(all, { kubernetes_node_role: 'Worker' })), [
    'ecs.c6.large',
    'ecs.g6.large',
    'ecs.g6.xlarge',
    'ecs.gn7i-c8g1.2xlarge',
  ]);
  assert.deepEqual(ids(filterTypes(all, { kubernetes_node_role: 'Master' })), ['ecs.c6.large', 'ecs.g6.large', 'ecs.g6.xlarge']);
  assert.deepEqual(ids(filterTypes(all, { gpu_amount: 1 })), ['ecs.gn7i-c8g1.2xlarge']);
});

test('instance type results carry the id, size, family, zones, GPU, credits, local storage and ENI facts', () => {
  const burst = type('ecs.t6-c1m2.large', 2, 4, { BaselineCredit: 10, InitialCredit: 60, EniQuantity: 2 });
  const [result] = toTypeResults(withZones([burst], zonesByType(zones, null).set('ecs.t6-c1m2.large', ['z-b', 'z-a'])));
  assert.deepEqual(result, {
    id: 'ecs.t6-c1m2.large',
    cpu_core_count: 2,
    memory_size: 4,
    family: 'ecs.t6',
    eni_amount: 2,
    availability_zones: ['z-a', 'z-b'],
    nvme_support: 'unsupported',
    price: null,
    gpu: { amount: '0', category: '' },
    burstable_instance: { initial_credit: '60', baseline_credit: '10' },
    local_storage: { capacity: '0', amount: '0', category: '' },
    eni_quantity: 2,
    eni_private_ip_address_quantity: 10,
    eni_ipv6_address_quantity: 10,
    primary_eni_queue_number: 2,
    secondary_eni_queue_number: 2,
    maximum_queue_number_per_eni: 2,
    total_eni_queue_quantity: 6,
  });
  const disks = type('ecs.d1ne.2xlarge', 8, 32, {
    LocalStorageCategory: 'local_hdd_pro',
    LocalStorageAmount: 4,
    LocalStorageCapacity: 5500,
  });
  const [withPrice] = toTypeResults([{ ...disks, zones: ['z-a'], price: 2.88 }]);
  assert.equal(withPrice!.price, '2.8800');
  assert.deepEqual(withPrice!.local_storage, { capacity: '5500', amount: '4', category: 'local_hdd_pro' });
});

test('validation rejects a family that is not an ECS family id, and a system disk category outside the official list', () => {
  const errors = validationErrors(instanceTypesSchema, { instance_type_family: 'sn1ne', system_disk_category: 'cloud_hdd' });
  assert.ok(
    errors.some((e) => /^instance_type_family: .*family id such as ecs.g6/.test(e)),
    JSON.stringify(errors),
  );
  assert.ok(
    errors.some((e) => /^system_disk_category: .*"cloud_essd_entry"/.test(e)),
    JSON.stringify(errors),
  );
});
