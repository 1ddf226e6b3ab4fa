import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { fromHpcCluster } from './mapping.js';
import { hpcClusterSchema } from './schema.js';

test('state from a described HPC cluster', () => {
  assert.deepEqual(fromHpcCluster({ HpcClusterId: 'hpc-1', Name: 'solver', Description: 'rdma' }), {
    id: 'hpc-1',
    name: 'solver',
    description: 'rdma',
  });
});

const invalid: [string, Record<string, unknown>, RegExp][] = [
  ['no name', {}, /name.*required/i],
  ['a name starting with a digit', { name: '9solver' }, /^name: .*a letter or Chinese character first/],
  ['a one-character name', { name: 's' }, /^name: .*2 to 128/],
  [
    'a URL as the description',
    { name: 'solver', description: 'https://x' },
    /^description: .*must not start with "http:\/\/", "https:\/\/"/,
  ],
];
for (const [name, patch, expected] of invalid) {
  test(`validation rejects ${name}, naming the attribute and the allowed values`, () => {
    const errors = validationErrors(hpcClusterSchema, patch);
    assert.ok(
      errors.some((e) => expected.test(e)),
      `got ${JSON.stringify(errors)}`,
    );
  });
}
