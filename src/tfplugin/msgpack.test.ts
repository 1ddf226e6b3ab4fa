import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsgpack, encodeMsgpack } from './msgpack.js';
import { inferType } from './cty-type.js';
import { type TfNumber, Unknown, UNKNOWN, tfNumber, valuesEqual, type CtyType, type Value } from './values.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

function roundTrip(type: CtyType, value: Value): Value {
  const decoded = decodeMsgpack(type, encodeMsgpack(type, value));
  assert.ok(valuesEqual(decoded, value), `round trip of ${JSON.stringify(value)} gave ${JSON.stringify(decoded)}`);
  return decoded;
}

test('null encodes as nil for every type and decodes back to null', () => {
  for (const t of ['string', 'number', 'bool', 'dynamic', ['list', 'string'], ['object', {}]] as CtyType[]) {
    assert.equal(hex(encodeMsgpack(t, null)), 'c0');
    assert.equal(decodeMsgpack(t, bytes('c0')), null);
  }
});

test('strings and bools round trip, including multi-byte UTF-8 and long strings', () => {
  roundTrip('string', 'héllo ☃');
  roundTrip('string', 'x'.repeat(70000));
  assert.equal(hex(encodeMsgpack('string', 'ab')), 'a26162');
  assert.equal(hex(encodeMsgpack('bool', true)), 'c3');
  roundTrip('bool', false);
});

test('every number goes out as its canonical decimal string, which Terraform parses as it parses the JSON state', () => {
  // A msgpack int 40 decodes in Terraform to a big.Float of another precision than the state file's "40",
  // and Terraform 1.11 compares refresh-only states with reflect.DeepEqual: strings keep the two identical.
  assert.equal(hex(encodeMsgpack('number', tfNumber(5))), 'a135');
  assert.equal(hex(encodeMsgpack('number', tfNumber(-3))), 'a22d33');
  assert.equal(hex(encodeMsgpack('number', tfNumber('0.5'))), 'a3302e35');
  assert.equal(hex(encodeMsgpack('number', tfNumber('1.1'))), 'a3312e31');
  assert.equal(hex(encodeMsgpack('number', tfNumber('12345678901234567890'))), 'b4' + Buffer.from('12345678901234567890').toString('hex'));
  for (const text of ['9007199254740993', '-9223372036854775808', '12345678901234567890', '1.1', '0.5', '0'])
    assert.equal((roundTrip('number', tfNumber(text)) as TfNumber).text, text);
});

test('numbers decode from every msgpack numeric encoding Terraform may use', () => {
  assert.equal((decodeMsgpack('number', bytes('cf0020000000000001')) as TfNumber).text, '9007199254740993');
  assert.equal((decodeMsgpack('number', bytes('d3ffffffffffffffff')) as TfNumber).text, '-1');
  assert.equal((decodeMsgpack('number', bytes('cb3ff199999999999a')) as TfNumber).text, '1.1');
  assert.equal((decodeMsgpack('number', bytes('ca3fc00000')) as TfNumber).text, '1.5');
  assert.equal((decodeMsgpack('number', bytes('a3312e31')) as TfNumber).text, '1.1');
});

test('an unrefined unknown encodes as fixext1 d4 00 00 and any extension type decodes as unknown', () => {
  assert.equal(hex(encodeMsgpack('string', UNKNOWN)), 'd40000');
  assert.ok(decodeMsgpack('string', bytes('d40000')) instanceof Unknown);
  assert.ok(decodeMsgpack('number', bytes('d50700ff')) instanceof Unknown);
  assert.ok(decodeMsgpack(['list', 'string'], bytes('c70005')) instanceof Unknown);
});

test('ext 12 refinements decode into Refinements and re-encode identically', () => {
  // Observed from Terraform 1.11 for name = "pre-${...}": {1: false, 2: "pre-"}.
  const observed = bytes('c7090c8201c202a47072652d');
  const v = decodeMsgpack('string', observed);
  assert.ok(v instanceof Unknown);
  assert.deepEqual(v.refinements, { nullable: false, stringPrefix: 'pre-' });
  assert.equal(hex(encodeMsgpack('string', v)), hex(observed));
  const n = new Unknown({
    numberLower: { value: tfNumber(1), inclusive: true },
    numberUpper: { value: tfNumber('1.1'), inclusive: false },
    lengthLower: 2,
  });
  const back = decodeMsgpack('number', encodeMsgpack('number', n)) as Unknown;
  assert.equal(back.refinements?.numberLower?.value.text, '1');
  assert.equal(back.refinements?.numberUpper?.value.text, '1.1');
  assert.equal(back.refinements?.numberUpper?.inclusive, false);
  assert.equal(back.refinements?.lengthLower, 2);
});

test('lists, sets, maps and tuples round trip', () => {
  roundTrip(['list', 'string'], ['a', 'b']);
  roundTrip(['set', 'number'], [tfNumber(1), tfNumber('1.1')]);
  roundTrip(['map', 'string'], { b: 'x', a: 'y' });
  roundTrip(['tuple', ['string', 'bool']], ['a', true]);
  assert.throws(() => encodeMsgpack(['tuple', ['string']], ['a', 'b']), /tuple of 1 elements/);
});

test('objects always carry every attribute, with keys sorted', () => {
  const t: CtyType = ['object', { name: 'string', id: 'string', size: 'number' }];
  const b = encodeMsgpack(t, { name: 'n1' });
  assert.equal(hex(b), '83' + 'a26964c0' + 'a46e616d65a26e31' + 'a473697a65c0');
  assert.deepEqual(Object.keys(decodeMsgpack(t, b) as object), ['id', 'name', 'size']);
});

test('an extra object attribute is rejected on both sides with its name', () => {
  const t: CtyType = ['object', { a: 'string' }];
  assert.throws(() => encodeMsgpack(t, { a: 'x', b: 'y' }), /unsupported attribute "b"/);
  assert.throws(() => decodeMsgpack(t, bytes('81a162a178')), /unsupported attribute "b"/);
});

test('nested blocks (list of objects with a nested map) round trip with unknowns inside', () => {
  const t: CtyType = [
    'object',
    { rule: ['list', ['object', { port: 'number', tags: ['map', 'string'] }]], timeouts: ['object', { create: 'string' }] },
  ];
  roundTrip(t, {
    rule: [
      { port: tfNumber(80), tags: { a: 'b' } },
      { port: UNKNOWN, tags: null },
    ],
    timeouts: null,
  });
});

test('dynamic values carry their type and keep it across a round trip', () => {
  const b = encodeMsgpack('dynamic', 'hi');
  assert.equal(hex(b), '92c408' + Buffer.from('"string"').toString('hex') + 'a26869');
  assert.deepEqual(decodeMsgpack(['object', { d: 'dynamic' }], encodeMsgpack(['object', { d: 'dynamic' }], { d: ['a'] })), { d: ['a'] });
  const typeJson = Buffer.from('["list","string"]');
  const listBytes = Buffer.concat([bytes('92c4'), Buffer.from([typeJson.length]), typeJson, bytes('91a161')]);
  const decoded = decodeMsgpack('dynamic', listBytes) as Value[];
  assert.deepEqual(inferType(decoded), ['list', 'string']);
  assert.equal(hex(encodeMsgpack('dynamic', decoded)), hex(listBytes));
  assert.ok(decodeMsgpack('dynamic', bytes('d40000')) instanceof Unknown);
});

test('a value of the wrong type fails with the path of the attribute', () => {
  const t: CtyType = ['object', { tags: ['map', 'string'] }];
  assert.throws(() => encodeMsgpack(t, { tags: { a: tfNumber(1) } }), /\.tags\["a"\]: expected string, got number/);
  assert.throws(() => decodeMsgpack(t, bytes('81a47461677381a161c3')), /\.tags\["a"\]: expected string/);
  const deep: CtyType = ['object', { disks: ['list', ['object', { size: 'number' }]] }];
  assert.throws(
    () => encodeMsgpack(deep, { disks: [{ size: tfNumber(1) }, { size: 'big' }] }),
    (e: Error) => e instanceof TypeError && e.message === 'cannot encode value at .disks[1].size: expected number, got string',
  );
  // {disks: [{size: 1}, {size: true}]}
  assert.throws(
    () => decodeMsgpack(deep, bytes('81a56469736b73928' + '1a473697a6501' + '81a473697a65c3')),
    (e: Error) => e instanceof TypeError && e.message === 'cannot decode value at .disks[1].size: expected number, got msgpack bool',
  );
  assert.throws(() => encodeMsgpack('string', 1 as never), /^TypeError: cannot encode value at \(root\): expected string, got number$/);
});
