import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, block, defineSchema, schemaToProtocol, v } from '../framework/index.js';
import { diffFacts, officialFacts, ourFacts, type JsonBlock, type OfficialRecord } from './facts.js';
import { compatibilityDoc, entryFor, parseDifferences, reconcile, type ListedDifference } from './differences.js';

const record: OfficialRecord = {
  type: 'test_widget',
  kind: 'resource',
  source: { repository: 'x/y', commit: 'abc', file: 'f.go', function: 'fn' },
  timeouts: { create: '10m' },
  attributes: {
    name: { type: 'string', optional: true, forceNew: true, validation: { enum: ['a', 'b'] } },
    size: { type: 'int', optional: true, default: 5 },
    old: { type: 'string', optional: true, removed: 'gone' },
    disk: {
      type: 'list',
      optional: true,
      computed: true,
      maxItems: 2,
      elem: { block: { attributes: { device: { type: 'string', required: true } } } },
    },
    items: { type: 'list', computed: true, elem: { block: { attributes: { id: { type: 'string', computed: true } } } } },
    tags: { type: 'map', optional: true },
  },
};

/** Terraform's JSON form of a framework schema (what `providers schema -json` prints). */
function jsonOf(schema: Parameters<typeof schemaToProtocol>[0]): JsonBlock {
  const conv = (b: ReturnType<typeof schemaToProtocol>['block']): JsonBlock => ({
    attributes: Object.fromEntries(b.attributes.map((a) => [a.name, { type: a.type, ...a }])),
    block_types: Object.fromEntries(
      b.blockTypes.map((bt) => [
        bt.typeName,
        { nesting_mode: bt.nesting, block: conv(bt.block), min_items: bt.minItems, max_items: bt.maxItems },
      ]),
    ),
  });
  return conv(schemaToProtocol(schema).block);
}

test('official facts follow the SDK rules: defaults fill values, computed-only object lists are attributes, removed arguments vanish, id is implicit', () => {
  const f = officialFacts(record);
  assert.deepEqual(f.id, { kind: 'attribute', type: 'string', computed: true });
  assert.deepEqual(f.size, { kind: 'attribute', type: 'number', optional: true, computed: true, default: 5 });
  assert.deepEqual(f.name, { kind: 'attribute', type: 'string', optional: true, enum: ['a', 'b'], forceNew: true });
  assert.equal(f.old, undefined);
  assert.deepEqual(f.disk, { kind: 'block', type: 'list', maxItems: 2, computed: true });
  assert.deepEqual(f['disk.device'], { kind: 'attribute', type: 'string', required: true });
  assert.deepEqual(f.items, { kind: 'attribute', type: 'list(object)', computed: true });
  assert.deepEqual(f['items.id'], { kind: 'field', type: 'string' });
  assert.deepEqual(f.tags, { kind: 'attribute', type: 'map(string)', optional: true });
  assert.deepEqual(f.timeouts, { kind: 'block', timeouts: ['create=10m'] });
});

const ours = defineSchema({
  description: 'w',
  timeouts: { create: '5m' },
  attributes: {
    id: attr.string({ computed: true, description: 'id' }),
    name: attr.string({ optional: true, validators: [v.oneOf('a', 'b', 'c')], description: 'n' }),
    size: attr.int({ optional: true, default: 5, validators: [v.range(1, 9)], description: 's' }),
    mode: attr.string({
      optional: true,
      validators: [{ description: 'w', severity: 'warning', validate: () => undefined } as never],
      description: 'm',
    }),
    items: attr.listOf({ id: 'string', extra: 'int' }, { computed: true, description: 'i' }),
  },
  blocks: { disk: block.list({ maxItems: 2, requiresReplace: true, description: 'd', attributes: {} }) },
});

test('our facts come from the JSON schema and the schema objects; warning-only validators restrict nothing', () => {
  const f = ourFacts(jsonOf(ours), ours);
  assert.deepEqual(f.size, { kind: 'attribute', type: 'number', optional: true, computed: true, default: 5, range: { min: 1, max: 9 } });
  assert.deepEqual(f.mode, { kind: 'attribute', type: 'string', optional: true });
  assert.deepEqual(f.disk, { kind: 'block', type: 'list', maxItems: 2, forceNew: true });
  assert.deepEqual(f['items.extra'], { kind: 'field', type: 'number' });
  assert.deepEqual(f.timeouts, { kind: 'block', timeouts: ['create=5m'] });
});

test('every differing fact is reported once; members under a missing parent are not repeated', () => {
  const diffs = diffFacts('test_widget', officialFacts(record), ourFacts(jsonOf(ours), ours));
  const line = (d: { path: string; fact: string; official: unknown; ours: unknown }) =>
    `${d.path} ${d.fact} ${JSON.stringify(d.official)} ${JSON.stringify(d.ours)}`;
  assert.deepEqual(diffs.map(line), [
    'disk computed true false',
    'disk forceNew false true',
    'disk.device present true false',
    'items.extra present false true',
    'mode present false true',
    'name forceNew true false',
    'name enum ["a","b"] ["a","b","c"]',
    'size range null {"min":1,"max":9}',
    'tags present true false',
    'timeouts timeouts ["create=10m"] ["create=5m"]',
  ]);
});

test('the list covers differences by type, path (with * for one segment), fact and both values; stale and TODO entries are reported', () => {
  const current = [
    { type: 'provider', path: 'endpoints.oss', fact: 'present', official: true, ours: false },
    { type: 'provider', path: 'endpoints.rds', fact: 'present', official: true, ours: false },
    { type: 't', path: 'a', fact: 'forceNew', official: false, ours: true },
    { type: 't', path: 'b', fact: 'enum', official: ['x'], ours: ['x', 'y'] },
  ];
  const listed: ListedDifference[] = [
    { type: 'provider', path: 'endpoints.*', fact: 'present', official: true, ours: false, reason: 'missing: issue 11' },
    { type: 't', path: 'a', fact: 'forceNew', official: false, ours: true, reason: 'TODO' },
    { type: 't', path: 'b', fact: 'enum', official: ['x'], ours: ['y'], reason: 'stricter' },
    { type: 'u', fact: 'served', official: true, ours: false, reason: 'pending: someone' },
  ];
  const r = reconcile(current, listed, new Set(['provider', 't']));
  assert.deepEqual(r.unlisted, [current[3]]);
  assert.deepEqual(r.stale, [listed[2]]);
  assert.deepEqual(r.todo, [listed[1]]);
  assert.deepEqual(entryFor(current[3]!, 'why'), { type: 't', path: 'b', fact: 'enum', official: ['x'], ours: ['x', 'y'], reason: 'why' });
});

test('the file must give every entry a path (but served), both values and a reason', () => {
  assert.throws(
    () => parseDifferences('{"differences":[{"type":"t","fact":"enum","official":1,"ours":2,"reason":"r"}]}'),
    /"path" is required/,
  );
  assert.throws(
    () => parseDifferences('{"differences":[{"type":"t","path":"a","fact":"enum","official":1,"reason":"r"}]}'),
    /"official" and "ours"/,
  );
  assert.throws(
    () => parseDifferences('{"differences":[{"type":"t","path":"a","fact":"enum","official":1,"ours":2,"reason":" "}]}'),
    /reason/,
  );
  assert.equal(
    parseDifferences('{"differences":[{"type":"t","fact":"served","official":true,"ours":false,"reason":"pending: x"}]}').length,
    1,
  );
});

test('the docs page groups entries into not served, gaps and deliberate differences', () => {
  const doc = compatibilityDoc(
    [
      { type: 'data.alicloud_x', fact: 'served', official: true, ours: false, reason: 'pending: helper x' },
      { type: 'alicloud_y', path: 'a', fact: 'present', official: true, ours: false, reason: 'missing: issue 1' },
      { type: 'alicloud_y', path: 'b', fact: 'forceNew', official: false, ours: true, reason: 'a | reason' },
    ],
    'c0ffee',
  );
  const section = (title: string) => doc.split(`## ${title}`)[1]!.split('## ')[0]!;
  assert.match(section('Not served yet'), /data source `alicloud_x` \| - \| served \| `true` \| `false` \| pending: helper x/);
  assert.match(section('Gaps'), /resource `alicloud_y` \| `a` \| present/);
  assert.match(section('Deliberate differences'), /`b` \| forceNew \| `false` \| `true` \| a \\\| reason \|/);
  assert.match(doc, /commit `c0ffee`/);
});
