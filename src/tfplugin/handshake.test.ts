import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handshakeLine, MAGIC_COOKIE_VALUE, negotiate, parseHandshakeLine, reattachValue } from './handshake.js';

test('negotiation needs the magic cookie and protocol 6 among the offered versions', () => {
  assert.deepEqual(negotiate({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6' }), { ok: true, version: 6 });
  assert.equal(negotiate({ PLUGIN_PROTOCOL_VERSIONS: '6' }).ok, false);
  const old = negotiate({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '4,5' });
  assert.equal(old.ok, false);
  assert.match(!old.ok ? old.error : '', /protocol 6, but the client offered only 4, 5/);
});

test('the certificate field drops base64 padding and parses back to the same DER', () => {
  for (const len of [60, 61, 62]) {
    const der = Buffer.alloc(len, 7);
    const line = handshakeLine({ network: 'unix', address: '/tmp/p.sock', certDer: der });
    assert.ok(!line.trimEnd().endsWith('='));
    assert.ok(line.endsWith('\n'));
    const parsed = parseHandshakeLine(line);
    assert.deepEqual(parsed.certDer, der);
    assert.deepEqual(
      { ...parsed, certDer: undefined },
      { core: 1, version: 6, network: 'unix', address: '/tmp/p.sock', protocol: 'grpc', certDer: undefined },
    );
  }
  assert.equal(handshakeLine({ network: 'unix', address: '/s' }), '1|6|unix|/s|grpc|\n');
});

test('the reattach value registers every address with Test true', () => {
  const v = JSON.parse(
    reattachValue({
      addresses: ['registry.terraform.io/hashicorp/alicloud', 'registry.terraform.io/aliyun/alicloud'],
      network: 'unix',
      address: '/tmp/s',
      pid: 42,
    }),
  );
  assert.deepEqual(v['registry.terraform.io/aliyun/alicloud'], {
    Protocol: 'grpc',
    ProtocolVersion: 6,
    Pid: 42,
    Test: true,
    Addr: { Network: 'unix', String: '/tmp/s' },
  });
  assert.equal(Object.keys(v).length, 2);
});
