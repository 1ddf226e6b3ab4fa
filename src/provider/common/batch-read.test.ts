/**
 * Coalesced refresh through the provider's read pattern: an invalid DescribeImages answer for a
 * batch keeps the state of every resource in it (one diagnostic each), and one call served them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImage } from '../../ecs/index.js';
import { startCannedServer, testClient } from '../../ecs/canned-server.js';
import { Diagnostics, NO_STATE } from '../../framework/index.js';
import { readRemote } from './read.js';

test('an invalid batch answer keeps the state of every resource read in it', async (t) => {
  const srv = await startCannedServer(() => ({
    body: { RequestId: 'R', TotalCount: 2, PageNumber: 1, PageSize: 100, Images: { Image: [{ ImageId: 'm-1' }, { ImageName: 'x' }] } },
  }));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const results = await Promise.all(
    ['m-1', 'm-2', 'm-3'].map(async (id) => {
      const diags = new Diagnostics();
      const req = { typeName: 'alicloud_image', state: { id }, diags, log: { info: () => undefined } };
      return {
        result: await readRemote(
          req,
          (i) => describeImage(client, i),
          (img) => img.ImageId,
        ),
        diags,
      };
    }),
  );
  assert.equal(srv.requests.length, 1, 'one call for the three reads');
  for (const { result, diags } of results) {
    assert.equal(result, NO_STATE, 'the state is kept, never dropped');
    assert.equal(diags.items.length, 1);
    assert.match(diags.items[0]!.detail!, /invalid response/);
  }
});
