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
import { READ_AHEAD_PAGES_AT_ONCE } from './batch.js';
import { describeImage, modifyImageAttribute, waitImageUsable } from './images.js';
import { describeVpc } from './vpc.js';
import { describeDisk } from './disks.js';
import { describeVSwitch } from './vswitches.js';
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

/** An account of `total` images m-0..m-(total-1): id-filtered answers and whole-listing pages alike. */
function accountAnswer(total: number) {
  return (r: Recorded) => {
    if (r.query.get('ImageId')) return imagesAnswer(r, (id) => Number(id.slice(2)) < total);
    const page = Number(r.query.get('PageNumber') ?? 1);
    const size = Number(r.query.get('PageSize') ?? 10);
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => `m-${(page - 1) * size + i}`);
    return { body: { RequestId: 'R', TotalCount: total, PageNumber: page, PageSize: size, Images: { Image: ids.map(image) } } };
  };
}

/** Read `ids` ten at a time, as Terraform's default -parallelism refreshes them. */
async function readTenAtATime(client: ReturnType<typeof testClient>, ids: string[]) {
  const got: (string | undefined)[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < ids.length) {
        const n = next++;
        got[n] = (await describeImage(client, ids[n]!))?.ImageId;
      }
    }),
  );
  return got;
}

test('a big refresh ten at a time is answered by a whole listing of the account: under 0.05 calls per read, each reader its own image', async (t) => {
  const srv = await startCannedServer(accountAnswer(1000));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ids = Array.from({ length: 1000 }, (_, i) => `m-${i}`);
  assert.deepEqual(await readTenAtATime(client, ids), ids);
  const listings = srv.requests.filter((r) => !r.query.get('ImageId'));
  t.diagnostic(`${srv.requests.length} calls for 1000 reads (${listings.length} listing pages)`);
  assert.ok(srv.requests.length / 1000 <= 0.05, `${srv.requests.length} calls`);
  assert.ok(listings.length >= 10, 'the account was listed whole');
  for (const r of listings) assert.equal(r.query.get('ImageOwnerAlias'), 'self', 'only the account’s own images are listed');
});

test('the pages of a listing after the first are asked a few at a time, not one after another', async (t) => {
  const delayMs = 150;
  const listingArrivals: number[] = [];
  let mostAtOnce = 0;
  const srv = await startCannedServer((r) => {
    const answer = accountAnswer(1000)(r);
    if (r.query.get('ImageId')) return answer;
    const now = Date.now();
    listingArrivals.push(now);
    mostAtOnce = Math.max(mostAtOnce, listingArrivals.filter((at) => now - at < delayMs).length);
    return { ...answer, delayMs };
  });
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ids = Array.from({ length: 1000 }, (_, i) => `m-${i}`);
  assert.deepEqual(await readTenAtATime(client, ids), ids);
  assert.ok(listingArrivals.length >= 10, `${listingArrivals.length} listing pages`);
  assert.equal(mostAtOnce, READ_AHEAD_PAGES_AT_ONCE, 'pages 2.. go out in groups of READ_AHEAD_PAGES_AT_ONCE');
});

test('an account much bigger than the reads is never listed past one probe page', async (t) => {
  const srv = await startCannedServer(accountAnswer(100_000));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  const ids = Array.from({ length: 120 }, (_, i) => `m-${i * 7}`);
  assert.deepEqual(await readTenAtATime(client, ids), ids);
  const listings = srv.requests.filter((r) => !r.query.get('ImageId'));
  assert.deepEqual(
    listings.map((r) => r.query.get('PageNumber')),
    ['1'],
    'one probe page: 1,000 pages would cost more than a tenth of 120 reads',
  );
});

test('after a mutating call the listing answers no more reads; an id missing from it is read by id and gone only then', async (t) => {
  const srv = await startCannedServer(accountAnswer(200));
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  await readTenAtATime(
    client,
    Array.from({ length: 200 }, (_, i) => `m-${i}`),
  );
  const afterListing = srv.requests.length;
  // In the listing: answered without a call.
  assert.equal((await describeImage(client, 'm-5'))?.ImageId, 'm-5');
  assert.equal(srv.requests.length, afterListing);
  // Not in the listing: asked by id, and gone only because the id-filtered answer lacks it.
  assert.equal(await describeImage(client, 'm-999'), undefined);
  assert.equal(srv.requests.at(-1)!.query.get('ImageId'), 'm-999');
  await modifyImageAttribute(client, { ImageId: 'm-5', Description: 'changed' });
  const beforeRead = srv.requests.length;
  assert.equal((await describeImage(client, 'm-5'))?.ImageId, 'm-5');
  assert.ok(srv.requests.length > beforeRead, 'the stale listing is not used: the read asks the cloud again');
});

test('a waiter polls the cloud, never the listing: an image listed as not usable is seen usable at its next poll', async (t) => {
  let usable = false;
  const srv = await startCannedServer((r) => {
    const answer = accountAnswer(200)(r);
    for (const img of answer.body.Images.Image as Record<string, unknown>[]) img.Usable = img.ImageId !== 'm-7' || usable;
    return answer;
  });
  t.after(() => srv.close());
  const client = testClient(srv.endpoint);
  await readTenAtATime(
    client,
    Array.from({ length: 200 }, (_, i) => `m-${i}`),
  );
  assert.ok(
    srv.requests.some((r) => !r.query.get('ImageId')),
    'the account was listed whole (m-7 not usable in it)',
  );
  usable = true;
  const before = srv.requests.length;
  const image = await waitImageUsable(client, 'm-7', { timeoutMs: 5000, firstDelayMs: 0 });
  assert.equal(image.Usable, true);
  assert.equal(srv.requests.length, before + 1, 'one poll, sent to the cloud');
  assert.equal(srv.requests.at(-1)!.query.get('ImageId'), 'm-7');
});

test('disk and vSwitch reads coalesce too: one DescribeDisks (DiskIds JSON array) and one DescribeVSwitches (comma list)', async (t) => {
  const srv = await startCannedServer((r) => {
    const action = String(r.headers['x-acs-action'] ?? r.query.get('Action'));
    if (action === 'DescribeDisks') {
      const ids = (JSON.parse(r.query.get('DiskIds')!) as string[]).filter((id) => id !== 'd-gone');
      return {
        body: {
          RequestId: 'R',
          TotalCount: ids.length,
          PageNumber: 1,
          PageSize: 100,
          Disks: { Disk: ids.map((DiskId) => ({ DiskId, Status: 'Available' })) },
        },
      };
    }
    const ids = r.query.get('VSwitchId')!.split(',');
    return {
      body: {
        RequestId: 'R',
        TotalCount: ids.length,
        PageNumber: 1,
        PageSize: 50,
        VSwitches: { VSwitch: ids.map((VSwitchId) => ({ VSwitchId, Status: 'Available' })) },
      },
    };
  });
  t.after(() => srv.close());
  const client = testClient(srv.endpoint, { endpoints: { ecs: srv.endpoint, vpc: srv.endpoint } });
  const disks = await Promise.all(['d-1', 'd-gone', 'd-2'].map((id) => describeDisk(client, id)));
  const vsws = await Promise.all(['vsw-1', 'vsw-2', 'vsw-3'].map((id) => describeVSwitch(client, id)));
  assert.deepEqual(
    disks.map((d) => d?.DiskId),
    ['d-1', undefined, 'd-2'],
  );
  assert.deepEqual(
    vsws.map((v) => v?.VSwitchId),
    ['vsw-1', 'vsw-2', 'vsw-3'],
  );
  assert.deepEqual(
    srv.requests.map((r) => String(r.headers['x-acs-action'] ?? r.query.get('Action'))),
    ['DescribeDisks', 'DescribeVSwitches'],
  );
});
