import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown, UNKNOWN, tfNumber, type ObjectValue } from '../tfplugin/values.js';
import type { AttributePath } from '../tfplugin/provider-server.js';
import { Diagnostics } from './diagnostics.js';
import { validateConfig } from './validate.js';
import { full, widgetSchema } from './testing/widget.js';
import type { PlainObject } from './convert.js';

const base: PlainObject = { name: 'w', source_instance: 'i-1' };

function run(partial: PlainObject, patch: (o: ObjectValue) => void = () => {}) {
  const config = full(widgetSchema, { ...base, ...partial });
  patch(config);
  const diags = new Diagnostics();
  validateConfig(widgetSchema, config, diags);
  return diags;
}

const errorCases: { name: string; config: PlainObject; patch?: (o: ObjectValue) => void; path: AttributePath; detail: RegExp }[] = [
  {
    name: 'string too long',
    config: { name: 'x'.repeat(17) },
    path: [{ attribute: 'name' }],
    detail: /name must be 1 to 16 characters long, got 17/,
  },
  { name: 'forbidden prefix', config: { name: 'http://x' }, path: [{ attribute: 'name' }], detail: /must not start with "http:\/\/"/ },
  { name: 'enum', config: { zone: 'c' }, path: [{ attribute: 'zone' }], detail: /must be one of "a", "b", got "c"/ },
  { name: 'range', config: { size: 0 }, path: [{ attribute: 'size' }], detail: /must be between 1 and 100, got 0/ },
  {
    name: 'integer',
    config: {},
    patch: (o) => (o['size'] = tfNumber('1.5')),
    path: [{ attribute: 'size' }],
    detail: /whole number, got 1.5/,
  },
  {
    name: 'pattern with a human description',
    config: { description: 'a<b' },
    path: [{ attribute: 'description' }],
    detail: /must be text without angle brackets, got "a<b"/,
  },
  {
    name: 'map key',
    config: { tags: { aliyun_x: 'v' } },
    path: [{ attribute: 'tags' }, { key: 'aliyun_x' }],
    detail: /tags\["aliyun_x"\] must not start with "aliyun"/,
  },
  {
    name: 'map value',
    config: { tags: { k: '123456789' } },
    path: [{ attribute: 'tags' }, { key: 'k' }],
    detail: /at most|0 to 8 characters/,
  },
  { name: 'set element', config: { ports: [70000] }, path: [{ attribute: 'ports' }], detail: /must be between 1 and 65535/ },
  {
    name: 'nested block attribute',
    config: { disk: [{ size: 10 }, { size: 40000 }] },
    path: [{ attribute: 'disk' }, { index: 1 }, { attribute: 'size' }],
    detail: /disk\[1\]\.size must be between 1 and 32768/,
  },
  {
    name: 'too many blocks',
    config: { disk: [{ size: 1 }, { size: 1 }, { size: 1 }, { size: 1 }] },
    path: [{ attribute: 'disk' }],
    detail: /At most 3 disk/,
  },
  {
    name: 'conflicts',
    config: { label: 'a', legacy_label: 'b' },
    path: [{ attribute: 'legacy_label' }],
    detail: /legacy_label cannot be set together with label/,
  },
  {
    name: 'exactly one of, none set',
    config: { source_instance: null },
    path: [],
    detail: /Exactly one of source_instance, source_snapshot must be set; none was set/,
  },
  {
    name: 'exactly one of, both set',
    config: { source_snapshot: 's' },
    path: [{ attribute: 'source_snapshot' }],
    detail: /got source_instance, source_snapshot/,
  },
  {
    name: 'timeouts duration',
    config: { timeouts: { create: '10 minutes', delete: null } },
    path: [{ attribute: 'timeouts' }, { attribute: 'create' }],
    detail: /must be a duration such as "10m"/,
  },
  { name: 'required missing', config: { name: null }, path: [{ attribute: 'name' }], detail: /name is required/ },
  { name: 'read-only set', config: { status: 'x' }, path: [{ attribute: 'status' }], detail: /set by the provider/ },
];

for (const c of errorCases) {
  test(`validation reports an attribute-pathed error: ${c.name}`, () => {
    const diags = run(c.config, c.patch);
    const errors = diags.errors();
    assert.equal(errors.length, 1, JSON.stringify(diags.items));
    assert.deepEqual(errors[0]!.attribute ?? [], c.path);
    assert.match(errors[0]!.detail ?? '', c.detail);
  });
}

test('a valid config gives no diagnostics', () => {
  const diags = run({
    size: 5,
    zone: 'a',
    tags: { env: 'dev' },
    ports: [80, 443],
    disk: [{ size: 20 }],
    timeouts: { create: '1h30m', delete: '90s' },
  });
  assert.deepEqual(diags.items, []);
});

test('unknown and refined-unknown values are skipped, including in groups and conflicts', () => {
  const diags = run({}, (o) => {
    o['name'] = new Unknown({ stringPrefix: 'http://' });
    o['zone'] = UNKNOWN;
    o['source_instance'] = UNKNOWN;
    o['source_snapshot'] = 's';
    o['label'] = UNKNOWN;
    o['legacy_label'] = 'b';
    o['tags'] = { k: UNKNOWN };
    o['disk'] = UNKNOWN;
  });
  assert.deepEqual(diags.errors(), []);
});

test('setting a deprecated attribute gives a pathed warning with the message', () => {
  const diags = run({ legacy_label: 'x' });
  assert.deepEqual(diags.errors(), []);
  assert.deepEqual(
    diags.warnings().map((w) => [w.attribute, w.detail]),
    [[[{ attribute: 'legacy_label' }], 'legacy_label is deprecated: Use label instead.']],
  );
});
