import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.js';

test('canonicalJson sorts keys at every depth and keeps array order', () => {
  const a = { b: 1, a: { d: [{ y: 2, x: 1 }, 3], c: null } };
  const b = { a: { c: null, d: [{ x: 1, y: 2 }, 3] }, b: 1 };
  assert.equal(canonicalJson(a), '{"a":{"c":null,"d":[{"x":1,"y":2},3]},"b":1}');
  assert.equal(canonicalJson(a), canonicalJson(b));
  assert.notEqual(canonicalJson({ d: [1, 2] }), canonicalJson({ d: [2, 1] }));
  assert.equal(canonicalJson('x'), '"x"');
});
