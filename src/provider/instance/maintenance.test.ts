import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostics, formatPath } from '../../framework/index.js';
import { checkMaintenance, fromMaintenance } from './maintenance.js';

test('state: action, notification and the window block', () => {
  assert.deepEqual(fromMaintenance({ action: 'Stop', notify: true, window: { startTime: '02:00:00', endTime: '04:00:00' } }, {}), {
    maintenance_action: 'Stop',
    maintenance_notify: true,
    maintenance_time: [{ start_time: '02:00:00', end_time: '04:00:00' }],
  });
  assert.deepEqual(fromMaintenance({ action: 'AutoRecover', notify: false }, {}), {
    maintenance_action: 'AutoRecover',
    maintenance_notify: false,
    maintenance_time: [],
  });
  assert.equal(fromMaintenance({ action: 'AutoRecover', notify: false }, { maintenance_notify: true }).maintenance_notify, false);
  assert.equal(fromMaintenance(undefined, { maintenance_notify: true }).maintenance_notify, true);
});

test('plan: an empty window and the removal of a window ECS keeps are refused on maintenance_time', () => {
  type Args = Parameters<typeof checkMaintenance>;
  const errors = (plan: Args[0], prior: Args[1]) => {
    const d = new Diagnostics();
    checkMaintenance(plan, prior, d);
    return d.errors().map((e) => `${formatPath(e.attribute ?? [])}: ${e.detail}`);
  };
  assert.match(
    errors({ maintenance_time: [{ start_time: '03:00:00', end_time: '03:00:00' }] }, undefined)[0]!,
    /^maintenance_time: .*1 to 23 hours/,
  );
  assert.deepEqual(errors({ maintenance_time: [{ start_time: '22:00:00', end_time: '01:00:00' }] }, undefined), []);
  const prior = { id: 'i-1', maintenance_time: [{ start_time: '02:00:00', end_time: '04:00:00' }] };
  assert.match(errors({ maintenance_time: [] }, prior)[0]!, /^maintenance_time: ECS keeps the maintenance window of i-1/);
  assert.deepEqual(errors({ maintenance_time: [] }, { id: 'i-1', maintenance_time: [] }), []);
});
