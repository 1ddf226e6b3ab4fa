import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentEncode } from './percent-encode.js';
import { v1Sign, v1StringToSign } from './v1.js';
import { sha256Hex, v3CanonicalRequest, v3Sign, v3StringToSign, parseV3Authorization } from './v3.js';
import { NonceStore } from './nonce-store.js';
import { openDatabase } from '../db/open.js';

// Vectors from docs/ecs-api.md 1.4 and 1.5 (computed with the official util and independently in Python).
const v1Params = new Map([
  ['AccessKeyId', 'testid'],
  ['Action', 'DescribeRegions'],
  ['Format', 'XML'],
  ['SignatureMethod', 'HMAC-SHA1'],
  ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
  ['SignatureVersion', '1.0'],
  ['Timestamp', '2016-02-23T12:46:24Z'],
  ['Version', '2014-05-26'],
]);

test('percent-encoding follows RFC 3986: space is %20, * is %2A, ~ stays, UTF-8 bytes in upper-case hex', () => {
  assert.equal(percentEncode("a b*c~d!'()"), 'a%20b%2Ac~d%21%27%28%29');
  assert.equal(percentEncode('杭州'), '%E6%9D%AD%E5%B7%9E');
  assert.equal(percentEncode('A-Z_a.z0'), 'A-Z_a.z0');
});

test('the V1 GET signature of the documented vector is OLeaidS1JvxuMvnyHOwuJ+uX5qY=', () => {
  assert.equal(v1Sign(v1StringToSign('GET', v1Params), 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
});

test('the V1 POST signature of the documented vector is MxbnVAM4w6sft9xjVpe/GCKueuk=', () => {
  assert.equal(v1Sign(v1StringToSign('POST', v1Params), 'testsecret'), 'MxbnVAM4w6sft9xjVpe/GCKueuk=');
});

test('the V1 string to sign ignores Signature, keeps empty values and double-encodes the canonical query', () => {
  const params = new Map([
    ['b', 'x y'],
    ['SignatureType', ''],
    ['Signature', 'zzz'],
    ['a', '1'],
  ]);
  assert.equal(v1StringToSign('post', params), 'POST&%2F&SignatureType%3D%26a%3D1%26b%3Dx%2520y');
});

test('the V3 canonical request and signature of the documented vector match', () => {
  const headers: Record<string, string> = {
    host: 'ecs.cn-hangzhou.aliyuncs.com',
    'x-acs-action': 'DescribeImages',
    'x-acs-content-sha256': sha256Hex(''),
    'x-acs-date': '2024-01-01T00:00:00Z',
    'x-acs-signature-nonce': 'nonce-123',
    'x-acs-version': '2014-05-26',
  };
  assert.equal(headers['x-acs-content-sha256'], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  const canonical = v3CanonicalRequest({
    method: 'POST',
    path: '/',
    query: new Map([
      ['Status', 'ALL'],
      ['ImageId', 'm-abc'],
      ['RegionId', 'cn-hangzhou'],
    ]),
    signedHeaders: Object.keys(headers),
    headerValues: (n) => (headers[n] === undefined ? [] : [headers[n]!]),
    hashedPayload: headers['x-acs-content-sha256']!,
  });
  assert.equal(sha256Hex(canonical), '993f18ff2f11c4dff2555c756e7a12ed5b2ad27971ac2d0cad3307c9116987d1');
  assert.equal(v3Sign(v3StringToSign(canonical), 'testsecret'), '2c3a980c05007f7586c52cba10a7c0955ea1db0d3f29ee0f96ac2152ed28204a');
});

test('a V3 Authorization header is parsed into credential, signed headers and signature', () => {
  assert.deepEqual(parseV3Authorization('ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;X-Acs-Date,Signature=abc'), {
    algorithm: 'ACS3-HMAC-SHA256',
    accessKeyId: 'testid',
    signedHeaders: ['host', 'x-acs-date'],
    signature: 'abc',
  });
  assert.match(String(parseV3Authorization('ACS3-HMAC-SHA256 SignedHeaders=host,Signature=abc')), /no Credential/);
});

test('the nonce store refuses a nonce reused within the window of its signed time and forgets it afterwards', () => {
  const store = new NonceStore(openDatabase(':memory:'), { windowMs: 1000, maxEntries: 10 });
  assert.equal(store.use('k', 'n1', 0, 0), true);
  assert.equal(store.use('k', 'n1', 0, 500), false);
  assert.equal(store.use('other-key', 'n1', 0, 500), true);
  assert.equal(store.use('k', 'n1', 1500, 1500), true, 'expired at signed time + window');
  assert.equal(store.use('k', 'n2', 2000, 1000), true);
  assert.equal(store.use('k', 'n2', 2000, 2900), false, 'a request signed in the future is remembered until its own time + window');
});

test('the nonce store stays bounded: expired rows go lazily, then the soonest-expiring ones', () => {
  const store = new NonceStore(openDatabase(':memory:'), { windowMs: 1000, maxEntries: 3, cleanupEvery: 4 });
  for (const [n, t] of [
    ['a', 0],
    ['b', 10],
    ['c', 20],
  ] as const)
    assert.equal(store.use('k', n, t, t), true);
  assert.equal(store.size(), 3);
  assert.equal(store.use('k', 'd', 30, 30), true, 'the fourth nonce triggers a cleanup');
  assert.equal(store.size(), 3, 'bounded by maxEntries');
  assert.equal(store.use('k', 'a', 30, 30), true, 'the soonest-expiring nonce was dropped');
  assert.equal(store.use('k', 'd', 30, 30), false, 'a recent nonce is still remembered');
  for (const n of ['e', 'f', 'g']) store.use('k', n, 5000, 5000);
  assert.equal(store.size(), 3, 'the expired nonces were deleted lazily');
});
