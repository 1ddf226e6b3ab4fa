import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostics, formatPath } from './diagnostics.js';

test('the collector records errors and warnings, skips exact duplicates and reports hasError', () => {
  const d = new Diagnostics();
  d.addWarning('W', 'w');
  assert.equal(d.hasError(), false);
  d.addAttributeError([{ attribute: 'tags' }, { key: 'a' }], 'E', 'e');
  d.append([{ severity: 'error', summary: 'E', detail: 'e', attribute: [{ attribute: 'tags' }, { key: 'a' }] }]);
  assert.equal(d.hasError(), true);
  assert.deepEqual(
    d.items.map((x) => [x.severity, x.summary]),
    [
      ['warning', 'W'],
      ['error', 'E'],
    ],
  );
});

test('paths render the way users write them in HCL', () => {
  assert.equal(formatPath([{ attribute: 'disk' }, { index: 0 }, { attribute: 'size' }]), 'disk[0].size');
  assert.equal(formatPath([{ attribute: 'tags' }, { key: 'env' }]), 'tags["env"]');
});
