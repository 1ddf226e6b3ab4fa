import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostics } from '../../framework/index.js';
import { nullState } from '../../framework/testing/fixtures.js';
import { planInstanceDisks } from './disks-update.js';
import { instanceSchema } from './schema.js';

const disk = (category: string, performance_level: string) => ({ size: 500, category, performance_level });
const prior = nullState(instanceSchema, {
  id: 'i-1',
  system_disk_category: 'cloud_efficiency',
  system_disk_performance_level: '',
  data_disks: [disk('cloud_essd', 'PL1'), disk('cloud_efficiency', '')],
});
const plan = (over: Parameters<typeof nullState<typeof instanceSchema>>[1]) => nullState(instanceSchema, { ...prior, ...over });
const errors = (p: ReturnType<typeof plan>) => {
  const diags = new Diagnostics();
  planInstanceDisks(p, prior, diags);
  return diags.errors().map((d) => [d.summary, JSON.stringify(d.attribute)]);
};

test('a new level of an ESSD data disk plans in place; levels of other categories are refused at the attribute', () => {
  assert.deepEqual(errors(plan({ data_disks: [disk('cloud_essd', 'PL2'), disk('cloud_efficiency', '')] })), []);
  assert.deepEqual(errors(plan({ data_disks: [disk('cloud_essd', 'PL1'), disk('cloud_efficiency', 'PL1')] })), [
    ['Performance Level Needs cloud_essd', JSON.stringify([{ attribute: 'data_disks' }, { index: 1 }, { attribute: 'performance_level' }])],
  ]);
  assert.deepEqual(errors(plan({ system_disk_performance_level: 'PL1' })), [
    ['Performance Level Needs cloud_essd', JSON.stringify([{ attribute: 'system_disk_performance_level' }])],
  ]);
});

test('a block of another category is a new disk (replacement), not a level change', () => {
  assert.deepEqual(errors(plan({ data_disks: [disk('cloud_essd', 'PL1'), disk('cloud_essd', 'PL3')] })), []);
  assert.deepEqual(errors(plan({ system_disk_category: 'cloud_essd', system_disk_performance_level: 'PL2' })), []);
});

test('new AutoPL settings of the system disk plan without error (they change in place; ForceNew flags are checked by compat)', () => {
  const auto = nullState(instanceSchema, { ...prior, system_disk_category: 'cloud_auto', system_disk_provisioned_iops: 1000 });
  const diags = new Diagnostics();
  planInstanceDisks(
    nullState(instanceSchema, { ...auto, system_disk_provisioned_iops: 2000, system_disk_bursting_enabled: true }),
    auto,
    diags,
  );
  assert.deepEqual(diags.errors(), []);
});
