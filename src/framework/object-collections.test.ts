import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, tfNumber, UNKNOWN, type ObjectValue, type Value } from '../tfplugin/values.js';
import { Diagnostics } from './diagnostics.js';
import { attributeToPlain, objectToPlain, plainToObject, type PlainObject } from './convert.js';
import { renderDocs } from './docs.js';
import { hasChange, planValues } from './plan.js';
import { attr, defineSchema } from './schema/builders.js';
import { impliedType, schemaToProtocol } from './schema/to-protocol.js';
import type { StateOf } from './schema/types.js';
import { validateConfig } from './validate.js';

/** A data-source-like schema with computed object collections, plus one configurable one. */
const schema = defineSchema({
  description: 'Zones.',
  attributes: {
    filter: attr.string({ optional: true, description: 'Filter.' }),
    zones: attr.listOf(
      {
        id: { type: 'string', description: 'Zone id.' },
        cores: 'int',
        types: { type: ['list', 'string'], description: 'Types offered.' },
        tags: ['map', 'string'],
        disks: ['list', { device: { type: 'string', description: 'Device.' }, size: 'int' }],
      },
      { computed: true, description: 'The matching zones.' },
    ),
    by_name: attr.mapOf({ id: 'string' }, { computed: true, description: 'Zones by name.' }),
    rules: attr.setOf({ port: 'int', cidrs: ['set', 'string'] }, { optional: true, description: 'Rules.' }),
  },
});

const zone = { id: 'z-a', cores: 2, types: ['t1'], tags: { k: 'v' }, disks: [{ device: '/dev/xvda', size: 20 }] };

function decode(p: PlainObject, ref: Value = null) {
  const diags = new Diagnostics();
  const v = plainToObject(schema, p, ref, diags, 'test_zones') as ObjectValue;
  return { v, diags };
}

test('object collections are plain cty types in the protocol schema, never nested blocks', () => {
  const s = schemaToProtocol(schema);
  const zones = s.block.attributes.find((a) => a.name === 'zones')!;
  assert.deepEqual(zones.type, [
    'list',
    [
      'object',
      {
        id: 'string',
        cores: 'number',
        types: ['list', 'string'],
        tags: ['map', 'string'],
        disks: ['list', ['object', { device: 'string', size: 'number' }]],
      },
    ],
  ]);
  assert.equal(zones.computed, true);
  assert.equal(s.block.blockTypes.length, 0);
  const members = (impliedType(schema) as ['object', Record<string, unknown>])[1];
  assert.deepEqual(members['by_name'], ['map', ['object', { id: 'string' }]]);
  assert.deepEqual(members['rules'], ['set', ['object', { port: 'number', cidrs: ['set', 'string'] }]]);
});

test('the state type of an object collection is an array of records with nullable fields', () => {
  type S = StateOf<typeof schema>;
  const state: S = { filter: null, zones: [{ ...zone, cores: null }], by_name: { a: { id: 'z' } }, rules: null };
  const first = state.zones?.[0];
  const id: string | null | undefined = first?.id;
  const size: number | null | undefined = first?.disks?.[0]?.size;
  // @ts-expect-error a field holds its declared type only
  const bad: S = { ...state, zones: [{ ...zone, id: 1 }] };
  assert.deepEqual([id, size, bad.filter], ['z-a', 20, null]);
});

test('plain values convert to cty values with every object field present, absent fields null', () => {
  const { v, diags } = decode({ zones: [{ id: 'z-a', types: ['t1'] }], by_name: { b: { id: 'z-b' } } });
  assert.deepEqual(diags.items, []);
  assert.deepEqual((v['zones'] as Value[])[0], { id: 'z-a', cores: null, types: ['t1'], tags: null, disks: null });
  assert.deepEqual(v['by_name'], { b: { id: 'z-b' } });
  assert.equal(v['filter'], UNKNOWN, 'an attribute missing at the top level stays unknown (merged over the plan later)');
});

test('cty values convert back to the same plain records, numbers included', () => {
  const { v } = decode({ filter: null, zones: [zone], by_name: null, rules: [{ port: 22, cidrs: ['10.0.0.0/8'] }] });
  assert.deepEqual((v['zones'] as ObjectValue[])[0]!['cores'], tfNumber(2));
  assert.deepEqual(objectToPlain(schema, v), { filter: null, zones: [zone], by_name: null, rules: [{ port: 22, cidrs: ['10.0.0.0/8'] }] });
  assert.deepEqual(attributeToPlain(schema.attributes.zones.type, [{ id: 'x' }]), [
    { id: 'x', cores: null, types: null, tags: null, disks: null },
  ]);
});

test('a wrongly typed or unexpected field is reported with its path', () => {
  const { diags } = decode({ zones: [{ id: 7, extra: 'x' }] as never });
  const details = diags.items.map((d) => d.detail ?? '').join('\n');
  assert.match(details, /returned 7 for zones\[0\]\.id, which must be a string/);
  assert.match(details, /zones\[0\]\.extra, which must be absent \(the object has only id, cores, types, tags, disks\)/);
  assert.match(decode({ zones: { id: 'x' } as never }).diags.items[0]!.detail ?? '', /zones, which must be a list of object/);
});

test('planning a create leaves a computed object collection unknown', () => {
  const config = decode({ filter: 'a', zones: null, by_name: null, rules: null }).v;
  const diags = new Diagnostics();
  const planned = planValues(schema, null, config, config, diags) as ObjectValue;
  assert.equal(isUnknown(planned['zones']!), true);
  assert.equal(isUnknown(planned['by_name']!), true);
  assert.equal(planned['rules'], null, 'an optional, non-computed collection stays as configured');
});

test('planning keeps the prior object collection when nothing changed, and plans it unknown on a change', () => {
  const prior = decode({
    filter: 'a',
    zones: [zone],
    by_name: {},
    rules: [
      { port: 1, cidrs: ['a', 'b'] },
      { port: 2, cidrs: [] },
    ],
  }).v;
  const proposal = (filter: string, rules: unknown) => ({ ...prior, filter, rules: decode({ rules } as PlainObject).v['rules']! });
  const same = proposal('a', [
    { port: 2, cidrs: [] },
    { port: 1, cidrs: ['b', 'a'] },
  ]);
  const config = { ...same, zones: null, by_name: null };
  const kept = planValues(schema, prior, same, config, new Diagnostics()) as ObjectValue;
  assert.deepEqual(kept['zones'], prior['zones'], 'set order inside the objects does not count as a change');
  const changed = proposal('b', [
    { port: 1, cidrs: ['a', 'b'] },
    { port: 2, cidrs: [] },
  ]);
  const planned = planValues(schema, prior, changed, { ...changed, zones: null, by_name: null }, new Diagnostics()) as ObjectValue;
  assert.equal(isUnknown(planned['zones']!), true);
  assert.equal(
    hasChange(
      schema,
      proposal('a', [
        { port: 1, cidrs: ['c'] },
        { port: 2, cidrs: [] },
      ]),
      prior,
    ),
    true,
    'a different set element is a change',
  );
});

test('validation refuses a configured computed-only collection and checks integers inside objects', () => {
  const diags = new Diagnostics();
  validateConfig(schema, { filter: null, zones: [], by_name: null, rules: [{ port: tfNumber('1.5'), cidrs: null }] }, diags);
  const details = diags.items.map((d) => d.detail ?? '');
  assert.ok(
    details.some((d) => /zones is set by the provider and cannot be configured/.test(d)),
    details.join('\n'),
  );
  assert.ok(
    details.some((d) => /rules\.port must be a whole number, got 1\.5/.test(d)),
    details.join('\n'),
  );
  const clean = new Diagnostics();
  validateConfig(schema, { filter: null, zones: null, by_name: null, rules: [{ port: UNKNOWN, cidrs: UNKNOWN }] }, clean);
  assert.deepEqual(clean.items, [], 'unknown and unset values are skipped');
});

test('docs list an object collection with its element fields, nested ones indented', () => {
  const md = renderDocs('test_zones', schema, { kind: 'data-source' });
  assert.match(md, /^\* `zones` - \(List of Object\) The matching zones\. Each element contains:$/m);
  assert.match(md, /^ {2}\* `id` - \(String\) Zone id\.$/m);
  assert.match(md, /^ {2}\* `types` - \(List of String\) Types offered\.$/m);
  assert.match(md, /^ {2}\* `disks` - \(List of Object\) Each element contains:$/m);
  assert.match(md, /^ {4}\* `device` - \(String\) Device\.$/m);
  assert.match(md, /^\* `rules` - \(Optional, Set of Object\) Rules\. Each element contains:$/m);
});

test('a malformed object shape is rejected when declared', () => {
  assert.throws(() => attr.listOf({ Bad: 'string' }, { computed: true, description: 'x' }), /invalid field name "Bad"/);
  assert.throws(() => attr.listOf({ a: 'text' as never }, { computed: true, description: 'x' }), /x\.a: invalid field type "text"/);
  assert.throws(() => attr.listOf({ a: ['tuple', 'string'] as never }, { computed: true, description: 'x' }), /invalid field type/);
});
