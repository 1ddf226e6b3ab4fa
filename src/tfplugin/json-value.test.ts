import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJsonValue, encodeJsonValue } from './json-value.js';
import { type TfNumber, tfNumber, UNKNOWN, type CtyType } from './values.js';

const t: CtyType = [
  'object',
  { id: 'string', size: 'number', big: 'number', tags: ['map', 'string'], d: 'dynamic', rule: ['list', ['object', { port: 'number' }]] },
];

test('state JSON decodes losslessly, with big integers and decimals exact', () => {
  const v = decodeJsonValue(
    t,
    '{\n  "id": "x", "size": 1.1, "big": 12345678901234567890, "tags": {"a": "b"},\n  "d": {"value": ["a"], "type": ["list", "string"]}, "rule": [{"port": 9007199254740993}]\n}',
  ) as Record<string, any>;
  assert.equal((v.big as TfNumber).text, '12345678901234567890');
  assert.equal((v.size as TfNumber).text, '1.1');
  assert.equal(v.rule[0].port.text, '9007199254740993');
  assert.deepEqual(v.d, ['a']);
});

test('every number keeps its exact value, whichever parser the text takes', () => {
  const n: CtyType = ['object', { a: 'number', b: 'number', c: 'number', s: 'string' }];
  const cases: [string, string[]][] = [
    // Short tokens only: the fast parser.
    ['{"a": 40, "b": -0.5, "c": 123456789012345, "s": "x"}', ['40', '-0.5', '123456789012345']],
    // 16 digits (above 2^53): the lossless one.
    ['{"a": 9007199254740993, "b": 1, "c": 2, "s": "x"}', ['9007199254740993', '1', '2']],
    // Exponents and long decimals: the lossless one too.
    ['{"a": 1e20, "b": 0.10000000000000000001, "c": 1.5E2, "s": "x"}', ['100000000000000000000', '0.10000000000000000001', '150']],
    // A string that looks like a long number costs the slow path but changes nothing.
    ['{"a": 7, "b": 3, "c": 4, "s": ":12345678901234567890"}', ['7', '3', '4']],
  ];
  for (const [json, want] of cases) {
    const v = decodeJsonValue(n, json) as Record<string, TfNumber>;
    assert.deepEqual([v.a!.text, v.b!.text, v.c!.text], want, json);
  }
});

test('missing attributes become null and unknown attributes are refused unless ignored', () => {
  const v = decodeJsonValue(t, '{"id":"x"}') as Record<string, unknown>;
  assert.equal(v.size, null);
  assert.deepEqual(Object.keys(v), ['big', 'd', 'id', 'rule', 'size', 'tags']);
  assert.throws(() => decodeJsonValue(t, '{"gone":1}'), /unsupported attribute "gone"/);
  assert.equal((decodeJsonValue(t, '{"gone":1,"id":"y"}', { ignoreUnknownAttributes: true }) as any).id, 'y');
});

test('JSON encoding is exact, sorted and wraps dynamic values', () => {
  const text = encodeJsonValue(t, { id: 'x', size: tfNumber('1.1'), big: tfNumber('12345678901234567890'), tags: null, d: 'z', rule: [] });
  assert.equal(text, '{"big":12345678901234567890,"d":{"value":"z","type":"string"},"id":"x","rule":[],"size":1.1,"tags":null}');
  assert.throws(() => encodeJsonValue('string', UNKNOWN), /unknown values have no JSON form/);
});
