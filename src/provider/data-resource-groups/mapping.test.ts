import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResourceGroup } from '../../ecs/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { selectGroups, toGroupResults } from './mapping.js';
import { resourceGroupsSchema } from './schema.js';

const group = (id: string, name: string): ResourceGroup => ({
  Id: id,
  Name: name,
  DisplayName: name.toUpperCase(),
  Status: 'OK',
  AccountId: '1',
  CreateDate: '',
});
const groups = [group('rg-1', 'default'), group('rg-2', 'dev'), group('rg-3', 'prod')];

test('groups are filtered by ids and by name regex, in listing order', () => {
  assert.deepEqual(
    selectGroups(groups, {}).map((g) => g.Id),
    ['rg-1', 'rg-2', 'rg-3'],
  );
  assert.deepEqual(
    selectGroups(groups, { ids: ['rg-3', 'rg-1'] }).map((g) => g.Id),
    ['rg-1', 'rg-3'],
  );
  assert.deepEqual(
    selectGroups(groups, { name_regex: '^d' }).map((g) => g.Id),
    ['rg-1', 'rg-2'],
  );
  assert.deepEqual(selectGroups(groups, { status: 'Deleted' }), []);
  assert.equal(selectGroups(groups, { status: 'OK' }).length, 3);
});

test('group results carry id, name, display name, status and account id', () => {
  assert.deepEqual(toGroupResults([groups[1]!]), [
    { id: 'rg-2', resource_group_name: 'dev', name: 'dev', display_name: 'DEV', status: 'OK', account_id: '1', region_statuses: [] },
  ]);
});

test('with details read, each group carries its region statuses', () => {
  const regions = new Map([['rg-2', [{ RegionId: 'cn-hangzhou', Status: 'OK' }]]]);
  assert.deepEqual(
    toGroupResults(groups, regions).map((g) => [g.id, g.region_statuses]),
    [
      ['rg-1', []],
      ['rg-2', [{ region_id: 'cn-hangzhou', status: 'OK' }]],
      ['rg-3', []],
    ],
  );
});

test('validation rejects an unknown status and lists the allowed ones', () => {
  assert.ok(
    validationErrors(resourceGroupsSchema, { status: 'Active' }).some((e) =>
      /^status: .*"Creating", "Deleted", "Deleting", "OK", "PendingDelete"/.test(e),
    ),
  );
});
