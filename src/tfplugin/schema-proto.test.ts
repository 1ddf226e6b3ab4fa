import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributePathFromProto, diagnosticsToProto, schemaToProto, validUtf8 } from './schema-proto.js';
import { decodeMessage, encodeMessage } from './protocol/index.js';

test('a schema converts to a protocol Schema that survives the protobuf wire', () => {
  const proto = schemaToProto({
    version: 2,
    block: {
      description: 'A thing.',
      descriptionKind: 'markdown',
      attributes: [
        { name: 'name', type: 'string', required: true },
        { name: 'disks', nestedType: { nesting: 'set', attributes: [{ name: 'size', type: 'number', optional: true }] }, optional: true },
      ],
      blockTypes: [{ typeName: 'rule', nesting: 'list', minItems: 1, maxItems: 3, block: { attributes: [], blockTypes: [] } }],
    },
  });
  const back = decodeMessage('tfplugin6.Schema', encodeMessage('tfplugin6.Schema', proto));
  assert.equal(back.version, 2);
  assert.equal(back.block.description_kind, 'MARKDOWN');
  assert.equal(Buffer.from(back.block.attributes[0].type).toString(), '"string"');
  assert.equal(back.block.attributes[0].required, true);
  assert.equal(back.block.attributes[1].nested_type.nesting, 'SET');
  assert.equal(back.block.attributes[1].type.length, 0);
  assert.deepEqual(
    { ...back.block.block_types[0], block: undefined },
    { type_name: 'rule', nesting: 'LIST', min_items: 1, max_items: 3, block: undefined },
  );
});

test('a schema attribute with both type and nestedType is refused by name', () => {
  assert.throws(
    () =>
      schemaToProto({
        version: 0,
        block: { attributes: [{ name: 'bad', type: 'string', nestedType: { nesting: 'single', attributes: [] } }], blockTypes: [] },
      }),
    /"bad" must have exactly one of type or nestedType/,
  );
});

test('diagnostics carry severity, valid UTF-8 text and attribute paths through the wire', () => {
  const [d] = diagnosticsToProto([
    { severity: 'warning', summary: 'Bad \uD800 Name', detail: 'd', attribute: [{ attribute: 'tags' }, { key: 'k' }, { index: 2 }] },
  ]);
  const back = decodeMessage('tfplugin6.Diagnostic', encodeMessage('tfplugin6.Diagnostic', d!));
  assert.equal(back.severity, 'WARNING');
  assert.equal(back.summary, 'Bad \uFFFD Name');
  assert.deepEqual(attributePathFromProto(back.attribute), [{ attribute: 'tags' }, { key: 'k' }, { index: 2 }]);
  assert.equal(diagnosticsToProto([{ severity: 'bogus' as 'error', summary: 's' }])[0]!.severity, 'ERROR');
  assert.equal(validUtf8('ok ☃ 😀'), 'ok ☃ 😀');
});
