import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientToken, randomClientToken } from './client-token.js';

test('derives the same short ASCII token from the same parts and a different one otherwise', () => {
  const a = clientToken(['alicloud_image.example', 'cfg-hash-1']);
  assert.equal(a, clientToken(['alicloud_image.example', 'cfg-hash-1']));
  assert.notEqual(a, clientToken(['alicloud_image.example', 'cfg-hash-2']));
  assert.notEqual(clientToken(['ab', 'c']), clientToken(['a', 'bc']));
  assert.ok(a.length <= 64);
  assert.match(a, /^[\x20-\x7e]+$/);
});

test('refuses to derive a token from nothing', () => {
  assert.throws(() => clientToken([]), /at least one stable input/);
});

test('random tokens are unique and within 64 ASCII characters', () => {
  const a = randomClientToken();
  assert.notEqual(a, randomClientToken());
  assert.ok(a.length <= 64);
  assert.match(a, /^tf-[0-9a-f-]{36}$/);
});
