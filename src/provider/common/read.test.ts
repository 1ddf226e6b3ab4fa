/**
 * The read pattern, for every registered resource: a cloud error on refresh becomes one
 * diagnostic naming the type and the id (never an "Unexpected Error") and the state is kept
 * (NO_STATE); a missing id is refused the same way. The cloud is a local server that answers
 * every request with an ECS error body (HTTP 403, not retried).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlibabaCloudClient } from '../../ecs/index.js';
import { Diagnostics, NO_STATE, resolveTimeouts } from '../../framework/index.js';
import { nullState, silentLog } from '../../framework/testing/fixtures.js';
import { alicloudProvider } from '../provider.js';
import { readRemote } from './read.js';

/** A well-formed id of each type whose ids have a structure (the default is an opaque `x-123`). */
const ID_OF: Readonly<Record<string, string>> = {
  alicloud_security_group_rule: 'sg-123:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1',
  alicloud_ecs_disk_attachment: 'd-123:i-123',
  alicloud_disk_attachment: 'd-123:i-123',
  alicloud_image_share_permission: 'm-123:1234567890123456',
};

test('every resource turns a cloud error on read into a diagnostic naming the type and id, and keeps the state', async () => {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ RequestId: 'req-1', Code: 'Forbidden.RAM', Message: 'The user is not authorized.' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new AlibabaCloudClient({
    region: 'cn-hangzhou',
    accessKeyId: 'AK',
    accessKeySecret: 'SK',
    protocol: 'HTTP',
    endpoints: { ecs: endpoint, vpc: endpoint, resourcemanager: endpoint, ram: endpoint, sts: endpoint },
  });
  try {
    for (const r of alicloudProvider.resources) {
      const id = ID_OF[r.typeName] ?? 'x-123';
      const diags = new Diagnostics();
      const result = await r.read({
        typeName: r.typeName,
        client,
        signal: new AbortController().signal,
        log: silentLog,
        diags,
        state: nullState(r.schema, { id }),
        timeouts: resolveTimeouts(r.schema.timeouts, null),
      });
      assert.equal(result, NO_STATE, r.typeName);
      assert.deepEqual(
        diags.items.map((d) => [d.severity, d.summary]),
        [['error', `Cannot Read ${r.typeName} ${id}`]],
        r.typeName,
      );
      assert.match(diags.items[0]!.detail!, /Forbidden\.RAM \(HTTP 403, request id req-1\)/, r.typeName);
      assert.match(
        diags.items[0]!.detail!,
        new RegExp(`The state of ${r.typeName} ${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is kept`),
        r.typeName,
      );
    }
  } finally {
    server.close();
  }
});

test('readRemote: gone is null, found is mapped, a missing id is an error, and nothing is thrown', async () => {
  const diags = new Diagnostics();
  const req = (id: string | null) => ({ typeName: 'alicloud_thing', state: { id }, diags, log: silentLog });
  const found = async () => ({ n: 2 });
  assert.equal(await readRemote(req('t-1'), async () => undefined, String), null);
  assert.equal(await readRemote(req('t-1'), found, (x) => x.n * 2), 4);
  assert.equal(diags.items.length, 0);
  assert.equal(await readRemote(req(null), found, String), NO_STATE);
  assert.equal(await readRemote(req('t-2'), () => Promise.reject(new Error('socket hang up')), String), NO_STATE);
  assert.deepEqual(
    diags.items.map((d) => d.summary),
    ['Cannot Read alicloud_thing', 'Cannot Read alicloud_thing t-2'],
  );
});
