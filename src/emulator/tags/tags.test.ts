import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { REGION, startHarness, type Harness } from '../images/testing.js';

describe('TagResources, UntagResources and ListTagResources', () => {
  let h: Harness;
  let acct: number;
  let image: string;
  before(async () => {
    h = await startHarness();
    acct = h.accounts[0];
    image = (
      await h
        .client()
        .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: 'tagged' }))
    ).body!.imageId!;
  });
  after(() => h.stop());
  const tags = (pairs: [string, string][]) => pairs.map(([key, value]) => new E.TagResourcesRequestTag({ key, value }));
  const tag = (type: string, ids: string[], pairs: [string, string][]) =>
    h.client().tagResources(new E.TagResourcesRequest({ regionId: REGION, resourceType: type, resourceId: ids, tag: tags(pairs) }));
  const listed = async (type: string, ids: string[]) =>
    (
      await h.client().listTagResources(new E.ListTagResourcesRequest({ regionId: REGION, resourceType: type, resourceId: ids }))
    ).body!.tagResources!.tagResource!.map((t) => [t.resourceId, t.tagKey, t.tagValue]);

  test('upserts tags on an image, an instance and a snapshot and lists them back', async () => {
    await tag(
      'image',
      [image],
      [
        ['env', 'test'],
        ['team', 'a'],
      ],
    );
    await tag('image', [image], [['env', 'prod']]);
    assert.deepEqual(await listed('image', [image]), [
      [image, 'env', 'prod'],
      [image, 'team', 'a'],
    ]);
    await tag('instance', [`i-running-${acct}`], [['role', 'web']]);
    await tag('snapshot', [`s-old-system-${acct}`], [['old', '']]);
    assert.deepEqual(await listed('instance', [`i-running-${acct}`]), [[`i-running-${acct}`, 'role', 'web']]);
    assert.deepEqual(await listed('snapshot', [`s-old-system-${acct}`]), [[`s-old-system-${acct}`, 'old', '']]);
    const inst = await h
      .client()
      .describeInstances(
        new E.DescribeInstancesRequest({ regionId: REGION, tag: [new E.DescribeInstancesRequestTag({ key: 'role', value: 'web' })] }),
      );
    assert.deepEqual(
      inst.body!.instances!.instance!.map((i) => i.instanceId),
      [`i-running-${acct}`],
    );
  });

  test('removes named keys, ignores unknown ones, and removes everything with All', async () => {
    await tag(
      'image',
      [image],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    );
    await h
      .client()
      .untagResources(new E.UntagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: [image], tagKey: ['a', 'nope'] }));
    assert.ok(!(await listed('image', [image])).some(([, k]) => k === 'a'));
    await h
      .client()
      .untagResources(new E.UntagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: [image], all: true }));
    assert.deepEqual(await listed('image', [image]), []);
  });

  test('refuses a 21st tag on a resource with OperationDenied.QuotaExceed', async () => {
    await tag(
      'image',
      [image],
      Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'] as [string, string]),
    );
    await tag('image', [image], [['k0', 'overwrite']]);
    const err = await sdkError(tag('image', [image], [['k20', 'v']]));
    assert.equal(err.code, 'OperationDenied.QuotaExceed');
    await h
      .client()
      .untagResources(new E.UntagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: [image], all: true }));
  });

  test('rejects too many ids or tags, unknown resources and unknown types', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `m-${i}`);
    assert.equal((await sdkError(tag('image', ids, [['k', 'v']]))).code, 'NumberExceed.ResourceIds');
    assert.equal(
      (
        await sdkError(
          tag(
            'image',
            [image],
            Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'] as [string, string]),
          ),
        )
      ).code,
      'NumberExceed.Tags',
    );
    const nf = await sdkError(tag('image', ['m-nope'], [['k', 'v']]));
    assert.deepEqual([nf.code, nf.statusCode], ['InvalidResourceId.NotFound', 404]);
    const nt = await sdkError(tag('volcano', [image], [['k', 'v']]));
    assert.deepEqual([nt.code, nt.statusCode], ['InvalidResourceType.NotFound', 404]);
    assert.equal(
      (
        await sdkError(
          tag(
            'image',
            [image],
            [
              ['k', 'v'],
              ['k', 'w'],
            ],
          ),
        )
      ).code,
      'Duplicate.TagKey',
    );
    assert.equal((await sdkError(tag('image', [image], [['acs:k', 'v']]))).code, 'InvalidTagKey.Malformed');
  });

  test('pages ListTagResources with NextToken', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (
          await h
            .client()
            .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: `paged-${i}` }))
        ).body!.imageId!,
      );
    }
    await tag(
      'image',
      made,
      Array.from({ length: 20 }, (_, i) => [`p${i}`, 'v'] as [string, string]),
    );
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await h
        .client()
        .listTagResources(new E.ListTagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: made, nextToken: token }));
      seen.push(...r.body!.tagResources!.tagResource!.map((t) => `${t.resourceId}/${t.tagKey}`));
      token = r.body!.nextToken || undefined;
      pages++;
    } while (token);
    assert.equal(seen.length, 60);
    assert.equal(new Set(seen).size, 60);
    assert.equal(pages, 2);
  });
});
