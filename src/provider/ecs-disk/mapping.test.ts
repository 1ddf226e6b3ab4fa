import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nullState, validationErrors } from '../../framework/testing/fixtures.js';
import { diskFixture } from '../test-support/disk-fixture.js';
import { fromDisk } from './mapping.js';
import { ecsDiskSchema } from './schema.js';

const empty = nullState(ecsDiskSchema);

test('enable_auto_snapshot is read from DescribeDisks', () => {
  assert.equal(fromDisk(diskFixture({ EnableAutoSnapshot: true }), empty).enable_auto_snapshot, true);
  assert.equal(fromDisk(diskFixture({ EnableAutoSnapshot: false }), empty).enable_auto_snapshot, false);
});

test('enable_auto_snapshot = false is refused at validate, naming the attribute and why', () => {
  const base = { zone_id: 'cn-hangzhou-i', size: 20 };
  assert.ok(
    validationErrors(ecsDiskSchema, { ...base, enable_auto_snapshot: false }).some((e) =>
      /^enable_auto_snapshot: .*must be true: ECS keeps the automatic snapshot feature on/.test(e),
    ),
  );
  assert.deepEqual(
    validationErrors(ecsDiskSchema, { ...base, enable_auto_snapshot: true }).filter((e) => e.startsWith('enable_auto_snapshot')),
    [],
  );
});
