import { test } from 'node:test';
import assert from 'node:assert/strict';
import { impliedType, parseType, typeToJson } from './cty-type.js';
import type { SchemaBlock } from './provider-server.js';

const block: SchemaBlock = {
  attributes: [
    { name: 'id', type: 'string', computed: true },
    { name: 'tags', type: ['map', 'string'], optional: true },
    { name: 'disk', nestedType: { nesting: 'list', attributes: [{ name: 'size', type: 'number', required: true }] }, optional: true },
    { name: 'any', type: 'dynamic', optional: true },
  ],
  blockTypes: [
    {
      typeName: 'timeouts',
      nesting: 'single',
      block: { attributes: [{ name: 'create', type: 'string', optional: true }], blockTypes: [] },
    },
    { typeName: 'grp', nesting: 'group', block: { attributes: [{ name: 'g', type: 'bool', optional: true }], blockTypes: [] } },
    { typeName: 'rule', nesting: 'set', block: { attributes: [{ name: 'port', type: 'number', required: true }], blockTypes: [] } },
    { typeName: 'by_name', nesting: 'map', block: { attributes: [{ name: 'v', type: 'string', optional: true }], blockTypes: [] } },
    { typeName: 'dyn', nesting: 'list', block: { attributes: [{ name: 'x', type: 'dynamic', optional: true }], blockTypes: [] } },
  ],
};

test('impliedType maps attributes, nested attributes and every block nesting mode', () => {
  assert.deepEqual(impliedType(block), [
    'object',
    {
      id: 'string',
      tags: ['map', 'string'],
      disk: ['list', ['object', { size: 'number' }]],
      any: 'dynamic',
      timeouts: ['object', { create: 'string' }],
      grp: ['object', { g: 'bool' }],
      rule: ['set', ['object', { port: 'number' }]],
      by_name: ['map', ['object', { v: 'string' }]],
      dyn: 'dynamic',
    },
  ]);
});

test('type JSON is canonical (sorted object keys) and parses back', () => {
  const t = ['object', { b: 'string', a: ['list', 'number'] }] as const;
  assert.equal(typeToJson(t), '["object",{"a":["list","number"],"b":"string"}]');
  assert.deepEqual(parseType(typeToJson(t)), ['object', { a: ['list', 'number'], b: 'string' }]);
  assert.throws(() => parseType('["bag","string"]'), /invalid cty type/);
});
