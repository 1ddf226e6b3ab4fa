import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Zone } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { resultId } from '../common/index.js';
import { availableZonesInput, describeZonesInput, filterZones, toZoneResults } from './mapping.js';
import { zonesSchema } from './schema.js';

const zone = (id: string, types: string[], creation = ['Instance', 'VSwitch', 'Disk'], disks = ['cloud_essd']): Zone => ({
  ZoneId: id,
  LocalName: `Zone ${id}`,
  AvailableResourceCreation: creation,
  AvailableDiskCategories: disks,
  AvailableInstanceTypes: types,
});
const zones = [zone('z-a', ['ecs.c6.large']), zone('z-b', ['ecs.g8i.large'], ['Disk'], ['cloud_ssd'])];

test('zones are filtered by resource kind, instance type and disk category, keeping ECS order', () => {
  assert.deepEqual(
    filterZones(zones, { available_resource_creation: 'Instance' }).map((z) => z.ZoneId),
    ['z-a'],
  );
  assert.deepEqual(
    filterZones(zones, { available_instance_type: 'ecs.g8i.large' }).map((z) => z.ZoneId),
    ['z-b'],
  );
  assert.deepEqual(
    filterZones(zones, { available_disk_category: 'cloud_ssd' }).map((z) => z.ZoneId),
    ['z-b'],
  );
  assert.deepEqual(
    filterZones(zones, {}).map((z) => z.ZoneId),
    ['z-a', 'z-b'],
  );
});

test('only zones with stock count; all matches any disk category; a zone with no types or disks is dropped', () => {
  assert.deepEqual(
    filterZones(zones, {}, new Set(['z-b'])).map((z) => z.ZoneId),
    ['z-b'],
  );
  assert.deepEqual(
    filterZones(zones, { available_disk_category: 'all' }).map((z) => z.ZoneId),
    ['z-a', 'z-b'],
  );
  assert.deepEqual(filterZones(zones, { available_disk_category: 'local_disk' }), []);
  assert.deepEqual(filterZones([zone('z-c', [])], {}), []);
});

test('charge type, spot strategy and network type go to DescribeAvailableResource and DescribeZones as the API names them', () => {
  const c = { instance_charge_type: 'PostPaid', spot_strategy: 'SpotAsPriceGo', network_type: 'Vpc' };
  assert.deepEqual(availableZonesInput(c), {
    DestinationResource: 'Zone',
    IoOptimized: 'optimized',
    InstanceChargeType: 'PostPaid',
    SpotStrategy: 'SpotAsPriceGo',
    NetworkCategory: 'vpc',
  });
  assert.deepEqual(describeZonesInput(c), { InstanceChargeType: 'PostPaid', SpotStrategy: 'SpotAsPriceGo' });
});

test('multi = true gives no zones, since no ECS zone is multi-AZ', () => {
  assert.deepEqual(filterZones(zones, { multi: true }), []);
});

test('zone results carry id, local name and the offered types, kinds and disks', () => {
  assert.deepEqual(toZoneResults([zones[0]!])[0], {
    id: 'z-a',
    local_name: 'Zone z-a',
    available_instance_types: ['ecs.c6.large'],
    available_resource_creation: ['Instance', 'VSwitch', 'Disk'],
    available_disk_categories: ['cloud_essd'],
    multi_zone_ids: [],
    slb_slave_zone_ids: [],
  });
});

test('the result id is stable for the same ids and differs for others', () => {
  assert.equal(resultId(['a', 'b']), resultId(['a', 'b']));
  assert.notEqual(resultId(['a', 'b']), resultId(['a']));
});

test('validation rejects an unknown resource kind and lists the allowed ones', () => {
  const errors = validationErrors(zonesSchema, { available_resource_creation: 'Database' });
  assert.ok(
    errors.some((e) => /^available_resource_creation: .*must be one of "Instance", "Disk", "VSwitch"/.test(e)),
    JSON.stringify(errors),
  );
});
