import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InstanceType, Zone } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { filterTypes, sortTypes, toTypeResults, withZones } from './mapping.js';
import { instanceTypesSchema } from './schema.js';

const type = (id: string, cpu: number, mem: number): InstanceType => ({
  InstanceTypeId: id,
  InstanceTypeFamily: id.split('.').slice(0, 2).join('.'),
  CpuCoreCount: cpu,
  MemorySize: mem,
  GPUAmount: 0,
  GPUSpec: '',
  CpuArchitecture: 'X86',
  EniQuantity: 3,
  NvmeSupport: 'unsupported',
  InstanceFamilyLevel: 'EnterpriseLevel',
});
const zone = (id: string, types: string[]): Zone => ({
  ZoneId: id,
  LocalName: id,
  AvailableResourceCreation: [],
  AvailableDiskCategories: [],
  AvailableInstanceTypes: types,
});
const types = [type('ecs.g6.xlarge', 4, 16), type('ecs.g6.large', 2, 8), type('ecs.c6.large', 2, 4)];
const zones = [zone('z-a', ['ecs.g6.large', 'ecs.g6.xlarge']), zone('z-b', ['ecs.g6.large', 'ecs.c6.large'])];

test('each type lists the zones offering it, and a zone filter drops types that zone lacks', () => {
  assert.deepEqual(
    withZones(types, zones, null).map((t) => [t.InstanceTypeId, t.zones]),
    [
      ['ecs.g6.xlarge', ['z-a']],
      ['ecs.g6.large', ['z-a', 'z-b']],
      ['ecs.c6.large', ['z-b']],
    ],
  );
  assert.deepEqual(
    withZones(types, zones, 'z-a').map((t) => t.InstanceTypeId),
    ['ecs.g6.xlarge', 'ecs.g6.large'],
  );
});

test('types sort smallest first by vCPU then memory, or by memory first with sorted_by Memory', () => {
  const all = withZones(types, zones, null);
  assert.deepEqual(
    sortTypes(all, null).map((t) => t.InstanceTypeId),
    ['ecs.c6.large', 'ecs.g6.large', 'ecs.g6.xlarge'],
  );
  assert.deepEqual(
    sortTypes(filterTypes(all, { cpu_core_count: 2, memory_size: 8 }), null).map((t) => t.InstanceTypeId),
    ['ecs.g6.large'],
  );
});

test('instance type results carry the id, size, family and zones', () => {
  assert.deepEqual(toTypeResults(withZones([types[1]!], zones, null)), [
    {
      id: 'ecs.g6.large',
      cpu_core_count: 2,
      memory_size: 8,
      family: 'ecs.g6',
      eni_amount: 3,
      availability_zones: ['z-a', 'z-b'],
      nvme_support: 'unsupported',
    },
  ]);
});

test('validation rejects a family that is not an ECS family id', () => {
  const errors = validationErrors(instanceTypesSchema, { instance_type_family: 'sn1ne' });
  assert.ok(
    errors.some((e) => /^instance_type_family: .*family id such as ecs.g6/.test(e)),
    JSON.stringify(errors),
  );
});
