import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorBody, OK_BODY, testClient, useCannedServer, type Recorded } from './canned-server.js';
import { EcsTimeoutError, EcsWaitFailedError } from './errors.js';
import { createImage, deleteImage, describeImage, describeImages, imageTagMap, waitImageDeleted, waitImageUsable } from './images.js';
import { listTagResources, tagResources, untagResources } from './tags.js';
import { deleteSnapshot } from './snapshots.js';
import type { WaitClock } from './wait.js';

const srv = useCannedServer();
const reset = () => srv.reset();
const fastClock = (): WaitClock & { t: number } => {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
  return c;
};
const action = (r: Recorded) => String(r.headers['x-acs-action']);

function imageBody(id: string, status: string, usable: boolean, extra: Record<string, unknown> = {}) {
  return {
    RequestId: 'R',
    TotalCount: 1,
    PageNumber: 1,
    PageSize: 10,
    Images: { Image: [{ ImageId: id, Status: status, Usable: usable, Progress: usable ? '100%' : '40%', ...extra }] },
  };
}
const empty = { RequestId: 'R', TotalCount: 0, PageNumber: 1, PageSize: 10, Images: { Image: [] } };

test('createImage always sends a ClientToken and returns the image id and request id', async () => {
  reset();
  srv.script.push({ body: { RequestId: 'R1', ImageId: 'm-1' } });
  const r = await createImage(testClient(srv.endpoint), { InstanceId: 'i-1', ImageName: 'img', Tag: [{ Key: 'env', Value: 'dev' }] });
  assert.deepEqual(r, { imageId: 'm-1', requestId: 'R1' });
  const q = srv.requests[0].query;
  assert.match(q.get('ClientToken') ?? '', /^tf-/);
  assert.equal(q.get('InstanceId'), 'i-1');
  assert.equal(q.get('Tag.1.Key'), 'env');
});

test('createImage retries a 500 with the same ClientToken', async () => {
  reset();
  srv.script.push({ status: 500, body: errorBody('InternalError', 'boom') }, { body: { RequestId: 'R2', ImageId: 'm-2' } });
  const r = await createImage(testClient(srv.endpoint, { retry: { baseDelayMs: 1 } }), { SnapshotId: 's-1', ClientToken: 'tok-x' });
  assert.equal(r.imageId, 'm-2');
  assert.deepEqual(
    srv.requests.map((x) => x.query.get('ClientToken')),
    ['tok-x', 'tok-x'],
  );
});

test('describeImages decodes every field to its declared JS type', async () => {
  reset();
  srv.script.push({
    body: imageBody('m-3', 'Available', true, {
      ImageOwnerId: '1234567890123',
      Size: '40',
      IsCopied: 'false',
      IsSupportCloudinit: 'true',
      DiskDeviceMappings: {
        DiskDeviceMapping: [{ Device: '/dev/xvda', Type: 'system', SnapshotId: 's-1', Size: 40, RemainTime: '0', Encrypted: false }],
      },
      Tags: {
        Tag: [
          { TagKey: 'env', TagValue: 'dev' },
          { TagKey: 'acs:system', TagValue: 'x' },
        ],
      },
      Features: { NvmeSupport: 'supported' },
    }),
  });
  const r = await describeImages(testClient(srv.endpoint), { ImageId: ['m-3', 'm-4'], Status: ['ALL'] });
  assert.equal(srv.requests[0].query.get('ImageId'), 'm-3,m-4');
  assert.equal(r.totalCount, 1);
  const i = r.images[0];
  assert.equal(i.ImageOwnerId, 1234567890123);
  assert.equal(i.Size, 40);
  assert.equal(i.IsCopied, false);
  assert.equal(i.IsSupportCloudinit, true);
  assert.equal(i.Description, '');
  assert.equal(i.DiskDeviceMappings.DiskDeviceMapping[0].Size, '40');
  assert.equal(i.DiskDeviceMappings.DiskDeviceMapping[0].RemainTime, 0);
  assert.equal(i.Features.NvmeSupport, 'supported');
  assert.equal(i.Features.ImdsSupport, '');
  assert.deepEqual(imageTagMap(i), { env: 'dev' });
});

test('describeImage asks for Status=ALL and maps an empty list or InvalidImageId.NotFound to undefined', async () => {
  reset();
  srv.script.push({ body: empty }, { status: 404, body: errorBody('InvalidImageId.NotFound', 'gone') });
  const c = testClient(srv.endpoint);
  assert.equal(await describeImage(c, 'm-x'), undefined);
  assert.equal(await describeImage(c, 'm-x'), undefined);
  assert.equal(srv.requests[0].query.get('Status'), 'ALL');
});

test('waitImageUsable keeps waiting through an early NotFound and Creating, and returns the usable image', async () => {
  reset();
  srv.script.push({ body: empty }, { body: imageBody('m-5', 'Creating', false) }, { body: imageBody('m-5', 'Creating', true) });
  const seen: string[] = [];
  const img = await waitImageUsable(testClient(srv.endpoint), 'm-5', {
    timeoutMs: 60_000,
    clock: fastClock(),
    onProgress: (i) => seen.push(i ? `${i.Status}/${i.Usable}` : 'none'),
  });
  assert.equal(img.Usable, true);
  assert.deepEqual(seen, ['none', 'Creating/false', 'Creating/true']);
});

test('waitImageUsable does not stop at Status=Available while Usable is still false', async () => {
  reset();
  srv.script.push({ body: imageBody('m-4', 'Available', false) }, { body: imageBody('m-4', 'Available', true) });
  const seen: string[] = [];
  const img = await waitImageUsable(testClient(srv.endpoint), 'm-4', {
    timeoutMs: 60_000,
    clock: fastClock(),
    onProgress: (i) => seen.push(i ? `${i.Status}/${i.Usable}` : 'none'),
  });
  assert.equal(img.Usable, true);
  assert.deepEqual(seen, ['Available/false', 'Available/true']);
});

test('waitImageUsable fails at once on CreateFailed', async () => {
  reset();
  srv.script.push({ body: imageBody('m-6', 'Creating', false) }, { body: imageBody('m-6', 'CreateFailed', false) });
  await assert.rejects(
    waitImageUsable(testClient(srv.endpoint), 'm-6', { timeoutMs: 60_000, clock: fastClock() }),
    (e: unknown) => e instanceof EcsWaitFailedError && /image m-6 is CreateFailed/.test(e.message),
  );
  assert.equal(srv.requests.length, 2);
});

test('waitImageUsable gives up when the image stays invisible past the grace period, and times out with the last state', async () => {
  reset();
  srv.fallback = () => ({ body: empty });
  try {
    await assert.rejects(
      waitImageUsable(testClient(srv.endpoint), 'm-7', { timeoutMs: 600_000, notFoundGraceMs: 3000, clock: fastClock() }),
      (e: unknown) => e instanceof EcsWaitFailedError && /does not exist/.test(e.message),
    );
    srv.fallback = () => ({ body: imageBody('m-8', 'Creating', false) });
    await assert.rejects(
      waitImageUsable(testClient(srv.endpoint), 'm-8', { timeoutMs: 10_000, clock: fastClock() }),
      (e: unknown) => e instanceof EcsTimeoutError && e.lastState === 'Creating 40% usable=false' && e.elapsedMs === 10_000,
    );
  } finally {
    srv.fallback = () => ({ body: OK_BODY });
  }
});

test('deleteImage sends Force, treats NotFound as already gone, and waitImageDeleted ends when the image disappears', async () => {
  reset();
  srv.script.push({ body: { RequestId: 'D1' } }, { body: imageBody('m-9', 'Available', true) }, { body: empty });
  const c = testClient(srv.endpoint);
  assert.deepEqual(await deleteImage(c, 'm-9', true), { requestId: 'D1', notFound: false });
  assert.equal(srv.requests[0].query.get('Force'), 'true');
  await waitImageDeleted(c, 'm-9', { timeoutMs: 60_000, clock: fastClock() });
  srv.script.push({ status: 404, body: errorBody('InvalidImageId.NotFound', 'no', 'D2') });
  assert.deepEqual(await deleteImage(c, 'm-9'), { requestId: 'D2', notFound: true });
});

test('tagResources splits more than 20 tags into several calls; untag with no keys sends nothing', async () => {
  reset();
  const tags = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, `v${i}`]));
  const c = testClient(srv.endpoint);
  const r = await tagResources(c, { resourceType: 'image', resourceIds: ['m-1'], tags });
  assert.equal(r.requestIds.length, 2);
  assert.equal(srv.requests[0].query.get('Tag.20.Key'), 'k19');
  assert.equal(srv.requests[1].query.get('Tag.5.Key'), 'k24');
  assert.equal(srv.requests[0].query.get('ResourceId.1'), 'm-1');
  assert.equal(srv.requests[0].query.get('ResourceType'), 'image');
  reset();
  assert.deepEqual(await untagResources(c, { resourceType: 'image', resourceIds: ['m-1'], keys: [] }), { requestIds: [] });
  await untagResources(c, { resourceType: 'image', resourceIds: ['m-1'], keys: ['a', 'b'] });
  assert.equal(srv.requests.length, 1);
  assert.equal(srv.requests[0].query.get('TagKey.2'), 'b');
});

test('listTagResources follows NextToken through every page', async () => {
  reset();
  const page = (keys: string[], next?: string) => ({
    body: {
      RequestId: 'R',
      NextToken: next,
      TagResources: { TagResource: keys.map((k) => ({ ResourceId: 'm-1', ResourceType: 'image', TagKey: k, TagValue: 'v' })) },
    },
  });
  srv.script.push(page(['a', 'b'], 'p2'), page(['c'], ''));
  const tags = await listTagResources(testClient(srv.endpoint), { resourceType: 'image', resourceIds: ['m-1'] });
  assert.deepEqual(
    tags.map((t) => t.TagKey),
    ['a', 'b', 'c'],
  );
  assert.equal(srv.requests[1].query.get('NextToken'), 'p2');
  assert.equal(srv.requests.map(action).join(), 'ListTagResources,ListTagResources');
});

test('deleteSnapshot surfaces SnapshotCreatedImage and treats NotFound as gone', async () => {
  reset();
  srv.script.push({ status: 403, body: errorBody('SnapshotCreatedImage', 'The snapshot has been used to create a custom image.') });
  const c = testClient(srv.endpoint);
  await assert.rejects(deleteSnapshot(c, 's-1', true), /ECS DeleteSnapshot failed: SnapshotCreatedImage \(HTTP 403\)/);
  srv.script.push({ status: 404, body: errorBody('InvalidSnapshotId.NotFound', 'no') });
  assert.equal((await deleteSnapshot(c, 's-1', true)).notFound, true);
});

test('waitImageUsable times its polls from the Progress rate: a 5 s image is seen usable within half a second of being ready, in a handful of polls', async () => {
  const { progressEta } = await import('./images.js');
  const { waitFor } = await import('./wait.js');
  // The emulator's model: Waiting for the first 10% of T, then Progress rising linearly to 99%, then Available.
  const T = 5000;
  const c = { t: 0, sleeps: [] as number[], now: () => c.t, sleep: async (ms: number) => void (c.sleeps.push(ms), (c.t += ms)) };
  const imageAt = (t: number) => {
    if (t >= T) return { Status: 'Available', Progress: '100%', Usable: true };
    if (t < T / 10) return { Status: 'Waiting', Progress: '0%', Usable: false };
    return { Status: 'Creating', Progress: `${Math.min(99, Math.floor(((t - T / 10) / (T * 0.9)) * 100))}%`, Usable: false };
  };
  let polls = 0;
  const eta = progressEta();
  await waitFor(async () => (polls++, imageAt(c.t)), {
    what: 'image',
    timeoutMs: 60_000,
    isDone: (i) => i.Usable,
    firstDelayMs: 200,
    nextDelayMs: (i, elapsed) => eta(i as never, elapsed),
    clock: c,
  });
  assert.ok(c.t >= T && c.t <= T + 500, `seen usable at ${c.t} ms`);
  assert.ok(polls <= 7, `${polls} polls`);
});
