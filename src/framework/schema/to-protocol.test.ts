import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, block, defineSchema } from './builders.js';
import { impliedType, schemaToProtocol } from './to-protocol.js';
import { widgetSchema } from '../testing/widget.js';
import type { ConfigOf, PlanOf, StateOf } from './types.js';

test('the protocol schema carries flags, types, descriptions and the timeouts block', () => {
  const s = schemaToProtocol(widgetSchema);
  assert.equal(s.version, 1);
  assert.equal(s.block.descriptionKind, 'markdown');
  const byName = Object.fromEntries(s.block.attributes.map((a) => [a.name, a]));
  assert.deepEqual(byName['name'], { name: 'name', type: 'string', description: 'Name.', descriptionKind: 'markdown', required: true });
  assert.deepEqual(
    { o: byName['size']!.optional, c: byName['size']!.computed, t: byName['size']!.type },
    { o: true, c: true, t: 'number' },
    'a default makes the attribute optional+computed',
  );
  assert.equal(byName['id']!.computed, true);
  assert.equal(byName['id']!.optional, undefined);
  assert.deepEqual(byName['tags']!.type, ['map', 'string']);
  assert.deepEqual(byName['ports']!.type, ['set', 'number']);
  assert.equal(byName['legacy_label']!.deprecated, true);
  assert.equal(byName['legacy_label']!.deprecationMessage, 'Use label instead.');
  assert.deepEqual(
    s.block.attributes.map((a) => a.name),
    [...s.block.attributes.map((a) => a.name)].sort(),
    'attributes are sorted',
  );
  const disk = s.block.blockTypes.find((b) => b.typeName === 'disk')!;
  assert.equal(disk.nesting, 'list');
  assert.equal(disk.maxItems, 3);
  assert.equal(disk.minItems, undefined);
  const timeouts = s.block.blockTypes.find((b) => b.typeName === 'timeouts')!;
  assert.equal(timeouts.nesting, 'single');
  assert.deepEqual(
    timeouts.block.attributes.map((a) => [a.name, a.optional, a.type]),
    [
      ['create', true, 'string'],
      ['delete', true, 'string'],
    ],
  );
});

test('the implied type has one member per attribute and block', () => {
  const t = impliedType(widgetSchema) as ['object', Record<string, unknown>];
  assert.deepEqual(t[1]['disk'], ['list', ['object', { size: 'number', device: 'string', format: 'string' }]]);
  assert.deepEqual(t[1]['timeouts'], ['object', { create: 'string', delete: 'string' }]);
  assert.equal(t[1]['serial'], 'number');
});

test('a required single block translates to min 1 / max 1', () => {
  const s = defineSchema({
    description: 'x',
    attributes: {},
    blocks: { b: block.single({ minItems: 1, description: 'b', attributes: { a: attr.bool({ optional: true, description: 'a' }) } }) },
  });
  assert.deepEqual(schemaToProtocol(s).block.blockTypes[0]!.minItems, 1);
  assert.deepEqual(schemaToProtocol(s).block.blockTypes[0]!.maxItems, 1);
});

const malformed: [string, () => unknown][] = [
  ['required with default', () => attr.string({ required: true, default: 'x', description: 'd' } as never)],
  ['no mode at all', () => attr.string({ description: 'd' })],
  ['a bad name', () => defineSchema({ description: 'x', attributes: { Bad: attr.string({ optional: true, description: 'd' }) } })],
  [
    'conflictsWith an unknown sibling',
    () => defineSchema({ description: 'x', attributes: { a: attr.string({ optional: true, conflictsWith: ['zz'], description: 'd' }) } }),
  ],
  [
    'a timeouts attribute with a timeouts block',
    () =>
      defineSchema({
        description: 'x',
        timeouts: { create: '1m' },
        attributes: { timeouts: attr.string({ optional: true, description: 'd' }) },
      }),
  ],
  ['min above max', () => block.list({ minItems: 3, maxItems: 2, description: 'b', attributes: {} })],
];
for (const [name, make] of malformed) {
  test(`a malformed declaration is rejected: ${name}`, () => assert.throws(make, TypeError));
}

test('state, config and plan types are inferred from the schema', () => {
  type S = StateOf<typeof widgetSchema>;
  type C = ConfigOf<typeof widgetSchema>;
  type P = PlanOf<typeof widgetSchema>;
  const state: S = {
    id: 'w-1',
    name: 'n',
    size: 1,
    zone: null,
    label: null,
    legacy_label: null,
    description: null,
    tags: { a: 'b' },
    ports: [80],
    source_instance: 'i',
    source_snapshot: null,
    status: 'ok',
    serial: 1,
    disk: [{ size: 20, device: null, format: 'ext4' }],
  };
  const name: string = state.name;
  const size: number = state.size;
  const id: string | null = state.id;
  const config: C = { ...state, id: null, status: null, serial: null, disk: [] };
  const plan: P = { ...state, id: undefined };
  // @ts-expect-error name is required, so it cannot be null in state
  const bad: S = { ...state, name: null };
  // @ts-expect-error computed-only attributes are always null in config
  const bad2: C = { ...config, status: 'x' };
  assert.deepEqual([name, size, id, config.id, plan.id, bad.name, bad2.status], ['n', 1, 'w-1', null, undefined, null, 'x']);
});
