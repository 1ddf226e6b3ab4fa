/**
 * Coalesced reads (issue 16): concurrent single-object reads of one kind leave as one list call
 * with the id filter and are split back per id; a missing id is gone for its own reader only;
 * an invalid answer fails every reader (the provider then keeps every state); a 4xx caused by
 * one id of a batch falls back to one call per id. A local server plays the cloud.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCannedServer, errorBody, testClient, type Recorded } from './canned-server.js';
import { EcsCanceledError, isEcsResponseError } from './errors.js';
import { describeImage } from './images.js';
import { describeVpc } from './vpc.js';
import { describeInstanceDetail } from './instance-lifecycle.js';

const image = (id: string) => ({ ImageId: id, ImageName: `name-${id}`, Status: 'Available' });
/** A DescribeImages answer listing the requested ids that `exists` accepts, in reverse order. */
function imagesAnswer(r: Recorded, exists: (id: string) => boolean = () => true) {
  const ids = (r.query.get('ImageId') ?? '').split(',').filter(exists).reverse();
  return { body: { RequestId: 'R', TotalCount: ids.length, PageNumber: 1, PageSize: 100, Images: { Image: ids.map(image) } } };
}

test('50 concurrent image reads leave as one DescribeImages with every id, each reader gets its own image', async (t) => {
  const srv = await startCannedServer((r) => imagesAnswer(r));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ids = Array.from({ length: 50 }, (_, i) => `m-${i}`);
  const got = await Promise.all(ids.map((id) => describeImage(client, id)));
  assert.equal(srv.requests.length, 1, 'one call for 50 reads');
  const q = srv.requests[0]!.query;
  assert.deepEqual(q.get('ImageId')!.split(',').sort(), [...ids].sort());
  assert.equal(q.get('Status'), 'ALL', 'the filter of a single read is kept');
  assert.deepEqual(
    got.map((i) => i?.ImageName),
    ids.map((id) => `name-${id}`),
  );
});

test('more ids than one call takes are split into calls of at most the maximum', async (t) => {
  const srv = await startCannedServer((r) => imagesAnswer(r));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ids = Array.from({ length: 250 }, (_, i) => `m-${i}`);
  const got = await Promise.all(ids.map((id) => describeImage(client, id)));
  assert.deepEqual(
    srv.requests.map((r) => r.query.get('ImageId')!.split(',').length),
    [100, 100, 50],
  );
  assert.ok(got.every((i, n) => i?.ImageId === ids[n]));
});

test('an id missing from a well-formed answer is gone for its reader only', async (t) => {
  const srv = await startCannedServer((r) => imagesAnswer(r, (id) => id !== 'm-gone'));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const got = await Promise.all(['m-1', 'm-gone', 'm-2', 'm-gone'].map((id) => describeImage(client, id)));
  assert.equal(srv.requests.length, 1);
  assert.deepEqual(
    got.map((i) => i?.ImageId),
    ['m-1', undefined, 'm-2', undefined],
  );
});

test('an invalid batch answer fails every reader', async (t) => {
  // Images.Image[1] lacks its ImageId: nothing can be concluded about any id.
  const srv = await startCannedServer(() => ({
    body: { RequestId: 'R', TotalCount: 2, PageNumber: 1, PageSize: 100, Images: { Image: [image('m-1'), { ImageName: 'x' }] } },
  }));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ids = ['m-1', 'm-2', 'm-3'];
  const errors = await Promise.all(
    ids.map((id) =>
      describeImage(client, id).then(
        () => undefined,
        (e: unknown) => e,
      ),
    ),
  );
  assert.equal(srv.requests.length, 1);
  assert.ok(errors.every(isEcsResponseError), 'every reader gets the invalid-answer error');
});

test('a 4xx caused by one id of a batch is asked again one id per call: only that reader fails', async (t) => {
  const srv = await startCannedServer((r) => {
    const ids = r.query.get('ImageId')!.split(',');
    if (ids.includes('m-bad')) return { status: 400, body: errorBody('InvalidImageId.Malformed', 'The specified ImageId is malformed.') };
    return imagesAnswer(r);
  });
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const got = await Promise.all(['m-1', 'm-bad', 'm-2'].map((id) => describeImage(client, id).catch((e: { code?: string }) => e.code)));
  assert.deepEqual(
    got.map((g) => (typeof g === 'string' ? g : g?.ImageId)),
    ['m-1', 'InvalidImageId.Malformed', 'm-2'],
  );
  assert.equal(srv.requests.length, 4, 'one batch call, then one call per id');
});

test('a reader that cancels leaves alone; the shared call still answers the others', async (t) => {
  const srv = await startCannedServer((r) => imagesAnswer(r));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ctrl = new AbortController();
  const canceledRead = describeImage(client, 'm-1', { signal: ctrl.signal });
  const other = describeImage(client, 'm-2', { signal: new AbortController().signal });
  ctrl.abort();
  await assert.rejects(canceledRead, EcsCanceledError);
  assert.equal((await other)?.ImageId, 'm-2');
});

test('reads of other kinds or other filters never share a call', async (t) => {
  const srv = await startCannedServer((r) => {
    const action = String(r.headers['x-acs-action'] ?? r.query.get('Action'));
    if (action === 'DescribeVpcs') {
      const ids = r.query.get('VpcId')!.split(',');
      return {
        body: {
          RequestId: 'R',
          TotalCount: ids.length,
          PageNumber: 1,
          PageSize: 50,
          Vpcs: { Vpc: ids.map((VpcId) => ({ VpcId, Status: 'Available' })) },
        },
      };
    }
    if (action === 'DescribeInstances') {
      const ids = JSON.parse(r.query.get('InstanceIds')!) as string[];
      return { body: { RequestId: 'R', TotalCount: 0, PageNumber: 1, PageSize: 100, Instances: { Instance: [] } }, ids };
    }
    return imagesAnswer(r);
  });
  t.after(() => srv.close());
  const client = testClient(srv.endpoint, { endpoints: { ecs: srv.endpoint, vpc: srv.endpoint } });
  const [a, b, c, d, e] = await Promise.all([
    describeImage(client, 'm-1'),
    describeImage(client, 'm-2'),
    describeVpc(client, 'vpc-1'),
    describeVpc(client, 'vpc-2'),
    describeInstanceDetail(client, 'i-1'),
  ]);
  assert.deepEqual([a?.ImageId, b?.ImageId, c?.VpcId, d?.VpcId, e], ['m-1', 'm-2', 'vpc-1', 'vpc-2', undefined]);
  const actions = srv.requests.map((r) => String(r.headers['x-acs-action'])).sort();
  assert.deepEqual(actions, ['DescribeImages', 'DescribeInstances', 'DescribeVpcs']);
});
