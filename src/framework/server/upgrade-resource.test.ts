import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tfNumber, type ObjectValue } from '../../tfplugin/values.js';
import { attr, defineSchema } from '../schema/builders.js';
import { defineResource, defineProvider } from '../resource.js';
import { createProviderServer } from './provider-server.js';
import { testContext, widgetSchema } from '../testing/widget.js';
import { memoryStore, widgetServer } from '../testing/widget-provider.js';

const ctx = testContext();

test('same-version upgrade drops unknown keys, adds missing ones and keeps big numbers exactly', async () => {
  const server = widgetServer(memoryStore());
  const raw = `{
    "id": "w-1", "name": "w", "size": 3, "serial": 12345678901234567890.5, "gone_attr": "x",
    "tags": {"a": "b"}, "ports": [80], "disk": [{"size": 20, "device": "/dev/xvda", "format": "ext4", "old": 1}]
  }`;
  const r = await server.upgradeResourceState(ctx, { typeName: 'test_widget', version: 1, rawStateJson: raw });
  assert.deepEqual(r.diagnostics, []);
  const s = r.upgradedState as ObjectValue;
  assert.equal('gone_attr' in s, false);
  assert.deepEqual(s['serial'], tfNumber('12345678901234567890.5'));
  assert.equal(s['zone'], null);
  assert.equal(s['timeouts'], null);
  assert.deepEqual(s['disk'], [{ size: tfNumber(20), device: '/dev/xvda', format: 'ext4' }]);
  assert.deepEqual(Object.keys(s).sort(), [...Object.keys(widgetSchema.attributes), 'disk', 'timeouts'].sort());
});

test('older versions go through the resource upgraders in order', async () => {
  const schema = defineSchema({
    version: 2,
    description: 'v2',
    attributes: { id: attr.string({ computed: true, description: 'id' }), title: attr.string({ optional: true, description: 't' }) },
  });
  const seen: number[] = [];
  const r = defineResource({
    typeName: 'x_thing',
    schema,
    docs: { subcategory: 'Test', example: 'resource "x_thing" "t" {}', importId: 'a' },
    upgradeState: {
      0: (raw) => (seen.push(0), { ...raw, name: `${raw['name']}!` }),
      1: (raw) => (seen.push(1), { id: raw['id'], title: raw['name'] }),
    },
    create: async () => ({ id: 'x', title: null }),
    read: async ({ state }) => state,
    update: async ({ prior }) => prior,
    delete: async () => {},
  });
  const server = createProviderServer(
    defineProvider({ typeNamePrefix: 'x', schema: defineSchema({ description: 'p', attributes: {} }), resources: [r] }),
  );
  const out = await server.upgradeResourceState(ctx, { typeName: 'x_thing', version: 0, rawStateJson: '{"id":"a","name":"n"}' });
  assert.deepEqual(out, { upgradedState: { id: 'a', title: 'n!' }, diagnostics: [] });
  assert.deepEqual(seen, [0, 1]);
  const newer = await server.upgradeResourceState(ctx, { typeName: 'x_thing', version: 3, rawStateJson: '{}' });
  assert.match(newer.diagnostics[0]!.detail!, /newer than this provider's 2/);
});

test('a state of the wrong shape is an error that says how to recover', async () => {
  const server = widgetServer(memoryStore());
  const r = await server.upgradeResourceState(ctx, { typeName: 'test_widget', version: 1, rawStateJson: '{"id": "w", "size": "big"}' });
  assert.equal(r.upgradedState, null);
  assert.match(r.diagnostics[0]!.detail!, /size .*not a number.*import it again/);
});
