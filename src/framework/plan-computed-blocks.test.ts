import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNKNOWN, isUnknown, tfNumber, type ObjectValue, type Value } from '../tfplugin/values.js';
import { Diagnostics } from './diagnostics.js';
import { computedCountChanged, needsLegacyTypeSystem, planValues, requiresReplacePaths } from './plan.js';
import { attr, block, defineSchema } from './schema/builders.js';

/** A resource with one Optional+Computed list block (the shape of alicloud_image's disk_device_mapping). */
const schema = defineSchema({
  description: 'computed-block test',
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Id.' }),
    name: attr.string({ optional: true, description: 'Name.' }),
    status: attr.string({ computed: true, description: 'Status.' }),
  },
  blocks: {
    disk: block.list({
      computed: true,
      description: 'Disks.',
      attributes: {
        snapshot: attr.string({ optional: true, computed: true, requiresReplace: true, description: 'Snapshot.' }),
        size: attr.int({ optional: true, computed: true, requiresReplace: true, description: 'Size.' }),
      },
    }),
    plain: block.list({ description: 'An ordinary block.', attributes: { x: attr.string({ optional: true, description: 'X.' }) } }),
  },
});

const disk = (snapshot: string, size: number): ObjectValue => ({ snapshot, size: tfNumber(size) });
const prior: ObjectValue = { id: 'x-1', name: 'a', status: 'ok', disk: [disk('s-1', 20), disk('s-2', 40)], plain: [] };
const config = (o: ObjectValue): ObjectValue => ({ id: null, name: 'a', status: null, disk: [], plain: [], ...o });
/** ProposedNew as core builds it: config, with computed nulls taken from prior. */
const proposed = (c: ObjectValue, p: ObjectValue | null): ObjectValue =>
  p ? { ...c, id: p['id']!, status: p['status']!, disk: c['disk']! } : { ...c };

function plan(p: ObjectValue | null, c: ObjectValue): { planned: ObjectValue; legacy: boolean; replace: unknown[] } {
  const diags = new Diagnostics();
  const planned = planValues(schema, p, proposed(c, p), c, diags) as ObjectValue;
  assert.deepEqual(diags.items, []);
  return { planned, legacy: needsLegacyTypeSystem(schema, planned, c), replace: requiresReplacePaths(schema, p, planned, c) };
}

test('create with no blocks written plans the computed block unknown, with the legacy flag', () => {
  const { planned, legacy } = plan(null, config({}));
  assert.equal(isUnknown(planned['disk']!), true);
  assert.deepEqual(planned['plain'], [], 'an ordinary block keeps the config count');
  assert.equal(legacy, true);
});

test('create with blocks written plans them as written, without the flag', () => {
  const { planned, legacy } = plan(null, config({ disk: [{ snapshot: 's-1', size: null }] }));
  const d = (planned['disk'] as ObjectValue[])[0]!;
  assert.equal(d['snapshot'], 's-1');
  assert.equal(isUnknown(d['size']!), true, 'unwritten inner values are computed');
  assert.equal(legacy, false);
});

test('update with no blocks written keeps the prior blocks: no change, no replacement, flag set', () => {
  const { planned, legacy, replace } = plan(prior, config({}));
  assert.deepEqual(planned['disk'], prior['disk']);
  assert.equal(planned['status'], 'ok', 'no change seen, so computed attributes stay known');
  assert.deepEqual(replace, []);
  assert.equal(legacy, true);
});

test('an unrelated change with no blocks written keeps the blocks and replaces nothing', () => {
  const { planned, replace } = plan(prior, config({ name: 'b' }));
  assert.deepEqual(planned['disk'], prior['disk']);
  assert.equal(isUnknown(planned['status']!), true);
  assert.deepEqual(replace, []);
});

test('writing the blocks the API already reports is no change; changing one replaces', () => {
  const same = plan(
    prior,
    config({
      disk: [
        { snapshot: 's-1', size: null },
        { snapshot: 's-2', size: tfNumber(40) },
      ],
    }),
  );
  assert.deepEqual(same.planned['disk'], prior['disk']);
  assert.deepEqual(same.replace, []);
  assert.equal(same.legacy, false);
  const changed = plan(
    prior,
    config({
      disk: [
        { snapshot: 's-1', size: tfNumber(30) },
        { snapshot: 's-2', size: null },
      ],
    }),
  );
  assert.deepEqual(changed.replace, [[{ attribute: 'disk' }, { index: 0 }, { attribute: 'size' }]]);
});

test('an unknown dynamic block list is left to core (not treated as unwritten)', () => {
  const diags = new Diagnostics();
  const c = config({ disk: UNKNOWN });
  const planned = planValues(schema, prior, { ...c, id: 'x-1', status: 'ok' } as Value, c, diags) as ObjectValue;
  assert.equal(needsLegacyTypeSystem(schema, planned, c), false);
});

test('apply flags a result whose computed block count differs from a known plan, and only then', () => {
  assert.equal(computedCountChanged(schema, prior, { ...prior, disk: [disk('s-1', 20)] }), true);
  assert.equal(computedCountChanged(schema, prior, prior), false);
  assert.equal(computedCountChanged(schema, { ...prior, disk: UNKNOWN }, prior), false);
});

test('only an optional list block can be computed', () => {
  assert.throws(
    () => block.set({ computed: true, description: 'x', attributes: { a: attr.string({ optional: true, description: 'a' }) } }),
    /only an optional list block/,
  );
});
