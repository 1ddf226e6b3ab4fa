import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, tfNumber, UNKNOWN, valuesEqual, type ObjectValue, type Value } from '../tfplugin/values.js';
import type { PlainObject } from './convert.js';
import { full, proposedNew, testContext, widgetSchema } from './testing/widget.js';
import { memoryStore, widgetServer } from './testing/widget-provider.js';

const server = widgetServer(memoryStore());
const ctx = testContext();
const cfg = (p: PlainObject) => full(widgetSchema, { name: 'w', source_instance: 'i-1', ...p });

async function plan(prior: Value, config: Value) {
  const res = await server.planResourceChange(ctx, {
    typeName: 'test_widget',
    priorState: prior,
    proposedNewState: proposedNew(widgetSchema, prior, config),
    config,
  });
  assert.deepEqual(res.diagnostics, []);
  return { planned: res.plannedState as ObjectValue, replace: res.requiresReplace };
}

/** A prior state as create would have left it. */
const prior = full(widgetSchema, {
  id: 'w-1',
  name: 'w',
  source_instance: 'i-1',
  size: 1,
  zone: 'a',
  label: 'l',
  legacy_label: 'l',
  status: 'ready',
  serial: tfNumber('12345678901234567890') as never,
  disk: [{ size: 20, device: '/dev/xvda', format: 'ext4' }],
});

test('create plans computed attributes unknown and fills defaults', async () => {
  const { planned, replace } = await plan(null, cfg({ disk: [{ size: 20 }] }));
  assert.equal(isUnknown(planned['id']!), true);
  assert.equal(isUnknown(planned['status']!), true);
  assert.equal(isUnknown(planned['zone']!), true, 'optional+computed with null config is unknown on create');
  assert.deepEqual(planned['size'], tfNumber(1), 'default filled');
  assert.equal(planned['description'], null, 'optional non-computed stays null');
  const disk = (planned['disk'] as ObjectValue[])[0]!;
  assert.deepEqual(disk['size'], tfNumber(20));
  assert.equal(isUnknown(disk['device']!), true);
  assert.equal(isUnknown(disk['format']!), true);
  assert.equal(planned['timeouts'], null);
  assert.deepEqual(replace, []);
});

test('create keeps configured values of optional+computed attributes', async () => {
  const { planned } = await plan(null, cfg({ zone: 'b' }));
  assert.equal(planned['zone'], 'b');
});

test('an unchanged config plans exactly the prior state (no perpetual diff)', async () => {
  const { planned, replace } = await plan(prior, cfg({ disk: [{ size: 20 }] }));
  assert.equal(valuesEqual(planned, prior), true, JSON.stringify(planned));
  assert.deepEqual(replace, []);
});

test('an in-place update plans computed values unknown unless useStateForUnknown or requiresReplace', async () => {
  const { planned, replace } = await plan(prior, cfg({ description: 'new', disk: [{ size: 20 }] }));
  assert.equal(planned['description'], 'new');
  assert.equal(planned['id'], 'w-1', 'useStateForUnknown keeps the id');
  assert.deepEqual(planned['serial'], tfNumber('12345678901234567890'), 'big numbers kept exactly');
  assert.equal(planned['zone'], 'a', 'requiresReplace attributes keep prior on in-place updates');
  assert.equal(isUnknown(planned['status']!), true);
  assert.equal(isUnknown(planned['label']!), true);
  assert.equal(isUnknown((planned['disk'] as ObjectValue[])[0]!['format']!), true);
  assert.deepEqual(replace, []);
});

test('changing a requiresReplace attribute returns only that path', async () => {
  const { replace } = await plan(prior, cfg({ zone: 'b', disk: [{ size: 20 }] }));
  assert.deepEqual(replace, [[{ attribute: 'zone' }]]);
});

test('changing a requiresReplace attribute in a nested list block returns the indexed path', async () => {
  const { planned, replace } = await plan(prior, cfg({ disk: [{ size: 30 }] }));
  assert.equal((planned['disk'] as ObjectValue[]).length, 1, 'block count equals config count');
  assert.deepEqual(replace, [[{ attribute: 'disk' }, { index: 0 }, { attribute: 'size' }]]);
});

test('adding a nested block plans the new element like a create', async () => {
  const { planned, replace } = await plan(prior, cfg({ disk: [{ size: 20 }, { size: 5, device: '/dev/x' }] }));
  const disks = planned['disk'] as ObjectValue[];
  assert.equal(disks.length, 2);
  assert.equal(disks[1]!['device'], '/dev/x');
  assert.equal(isUnknown(disks[1]!['format']!), true);
  assert.deepEqual(replace, [[{ attribute: 'disk' }, { index: 1 }, { attribute: 'size' }]]);
});

test('removing all nested blocks plans an empty list, never null', async () => {
  const { planned } = await plan(prior, cfg({ disk: [] }));
  assert.deepEqual(planned['disk'], []);
});

test('an unknown config value stays unknown and counts as a change', async () => {
  const config = cfg({ disk: [{ size: 20 }] });
  config['zone'] = UNKNOWN;
  const { planned, replace } = await plan(prior, config);
  assert.equal(isUnknown(planned['zone']!), true);
  assert.deepEqual(replace, [[{ attribute: 'zone' }]]);
});

test('changing only the timeouts block is a change that keeps every computed value', async () => {
  const { planned, replace } = await plan(prior, cfg({ disk: [{ size: 20 }], timeouts: { create: '1h', delete: null } }));
  assert.deepEqual(planned['timeouts'], { create: '1h', delete: null });
  assert.equal(planned['status'], 'ready');
  assert.deepEqual(replace, []);
});

test('a destroy plan is null and passes private data through', async () => {
  const priv = new Uint8Array([1, 2]);
  const res = await server.planResourceChange(ctx, {
    typeName: 'test_widget',
    priorState: prior,
    proposedNewState: null,
    config: null,
    priorPrivate: priv,
  });
  assert.equal(res.plannedState, null);
  assert.deepEqual(res.requiresReplace, []);
  assert.equal(res.plannedPrivate, priv);
});

test('a default is planned even when the prior had another value and config is null', async () => {
  const p = { ...prior, size: tfNumber(7) };
  const { planned } = await plan(p, cfg({ disk: [{ size: 20 }] }));
  assert.deepEqual(planned['size'], tfNumber(1));
});

test('an unknown type name is an error naming the known types', async () => {
  const res = await server.planResourceChange(ctx, { typeName: 'test_nope', priorState: null, proposedNewState: null, config: null });
  assert.match(res.diagnostics[0]!.detail!, /no resource type "test_nope".*test_widget/);
});
