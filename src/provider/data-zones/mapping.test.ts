import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Zone } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { resultId } from '../common/index.js';
import { availableZonesInput, describeZonesInput, filterZones, slbSlaves, slbZonesInput, toZoneResults } from './mapping.js';
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

test('SLB is asked only for available_resource_creation = "Slb" or an available_slb_* argument, with the arguments as the API names them', () => {
  assert.equal(slbZonesInput({}), undefined);
  assert.equal(slbZonesInput({ available_resource_creation: 'Instance', available_slb_address_type: null }), undefined);
  assert.deepEqual(slbZonesInput({ available_resource_creation: 'Slb' }), {});
  assert.deepEqual(slbZonesInput({ available_slb_address_type: 'vpc' }), { AddressType: 'vpc' });
  assert.deepEqual(
    slbZonesInput({ available_slb_address_type: 'Vpc' }),
    { AddressType: 'vpc' },
    "the official spelling is sent as the API's",
  );
  assert.deepEqual(slbZonesInput({ available_slb_address_ip_version: 'ipv6' }), { AddressIPVersion: 'ipv6' });
  assert.deepEqual(
    slbZonesInput({
      available_resource_creation: 'Disk',
      available_slb_address_type: 'classic_internet',
      available_slb_address_ip_version: 'ipv4',
    }),
    {
      AddressType: 'classic_internet',
      AddressIPVersion: 'ipv4',
    },
  );
});

test('with SLB asked, only its master zones are kept, each with its slave zones; Slb is decided by SLB, not DescribeZones', () => {
  const slb = slbSlaves([
    { ZoneId: 'z-b', SlaveZoneIds: ['z-a', 'z-c'] },
    { ZoneId: 'z-x', SlaveZoneIds: ['z-a'] },
  ]);
  const kept = filterZones(zones, {}, undefined, slb);
  assert.deepEqual(
    kept.map((z) => z.ZoneId),
    ['z-b'],
  );
  assert.deepEqual(
    filterZones(zones, { available_resource_creation: 'Slb' }, undefined, slb).map((z) => z.ZoneId),
    ['z-b'],
  );
  assert.deepEqual(filterZones(zones, { available_resource_creation: 'Slb' }), [], 'without SLB, Slb is looked up in DescribeZones');
  assert.deepEqual(filterZones(zones, {}, undefined, slbSlaves([])), [], 'SLB lists no master zone: no zone');
  assert.deepEqual(
    toZoneResults(kept, slb).map((z) => [z.id, z.slb_slave_zone_ids]),
    [['z-b', ['z-a', 'z-c']]],
  );
  assert.deepEqual(toZoneResults(zones, slb)[0]!.slb_slave_zone_ids, [], 'a zone SLB did not name has no slaves');
});

test('validation rejects an unknown SLB address type or IP version and lists the allowed ones', () => {
  const type = validationErrors(zonesSchema, { available_slb_address_type: 'classic-internet' });
  assert.ok(
    type.some((e) => /^available_slb_address_type: .*must be one of "vpc", "classic_internet", "classic_intranet", "Vpc"/.test(e)),
    JSON.stringify(type),
  );
  const version = validationErrors(zonesSchema, { available_slb_address_ip_version: 'IPv6' });
  assert.ok(
    version.some((e) => /^available_slb_address_ip_version: .*must be one of "ipv4", "ipv6"/.test(e)),
    JSON.stringify(version),
  );
  assert.deepEqual(validationErrors(zonesSchema, { available_slb_address_type: 'vpc', available_slb_address_ip_version: 'ipv4' }), []);
  assert.deepEqual(validationErrors(zonesSchema, { available_slb_address_type: 'Vpc' }), [], 'the official spelling is accepted');
});
