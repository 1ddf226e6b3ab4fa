import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, tfNumber, valuesEqual, type ObjectValue } from '../tfplugin/values.js';
import { Diagnostics } from './diagnostics.js';
import { planValues, requiresReplacePaths } from './plan.js';
import { attr, block, defineSchema } from './schema/builders.js';

const schema = defineSchema({
  description: 'set blocks',
  attributes: { id: attr.string({ computed: true, description: 'id' }) },
  blocks: {
    rule: block.set({
      description: 'rules',
      attributes: {
        port: attr.int({ required: true, requiresReplace: true, description: 'p' }),
        arn: attr.string({ computed: true, description: 'a' }),
      },
    }),
  },
});
const rule = (port: number, arn: string | null) => ({ port: tfNumber(port), arn });

test('set block elements are matched to prior elements by their configured attributes, whatever the order', () => {
  const prior = { id: 'x', rule: [rule(1, 'a1'), rule(2, 'a2')] };
  const config = { id: null, rule: [rule(2, null), rule(1, null)] };
  const proposed = { id: 'x', rule: [rule(2, 'a2'), rule(1, 'a1')] };
  const planned = planValues(schema, prior, proposed, config, new Diagnostics()) as ObjectValue;
  assert.equal(valuesEqual(planned, proposed), true);
  assert.deepEqual(requiresReplacePaths(schema, prior, planned, config), []);
});

test('a changed set element is planned as new and forces replacement through the block path', () => {
  const prior = { id: 'x', rule: [rule(1, 'a1')] };
  const config = { id: null, rule: [rule(3, null)] };
  const planned = planValues(schema, prior, { id: 'x', rule: [rule(3, null)] }, config, new Diagnostics()) as ObjectValue;
  assert.equal(isUnknown((planned['rule'] as ObjectValue[])[0]!['arn']!), true);
  assert.deepEqual(requiresReplacePaths(schema, prior, planned, config), [[{ attribute: 'rule' }]]);
});
