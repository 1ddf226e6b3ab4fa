import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { rawV1, sdkError, v1CommonParams } from '../test-support/clients.js';
import { REGION, useHarness, type Harness } from '../images/testing.js';

/** Send a raw V1 request either all in the query (GET) or with the action parameters in a form body (POST). */
async function raw(h: Harness, method: 'GET' | 'POST', action: string, params: Record<string, string>) {
  if (method === 'GET') return rawV1(h.emu.url, 'GET', v1CommonParams(action, params));
  return rawV1(h.emu.url, 'POST', v1CommonParams(action), new Map(Object.entries(params)));
}

describe('legacy Tag.N.key / Tag.N.value and the ListTagResources filters', () => {
  const h = useHarness();
  const acct = h.accounts[0];

  for (const method of ['GET', 'POST'] as const) {
    test(`CreateImage and DescribeImages take lower-case Tag.N.key and Tag.N.value as aliases (${method})`, async () => {
      const created = await raw(h, method, 'CreateImage', {
        RegionId: REGION,
        SnapshotId: `s-running-system-${acct}`,
        ImageName: `legacy-${method}`,
        'Tag.1.key': 'legacy',
        'Tag.1.value': method,
        'Tag.2.Key': 'both',
        'Tag.2.key': 'both',
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const imageId = String(created.body.ImageId);
      const listed = await raw(h, method, 'ListTagResources', { RegionId: REGION, ResourceType: 'image', 'ResourceId.1': imageId });
      assert.deepEqual(
        (listed.body.TagResources as { TagResource: { TagKey: string; TagValue: string }[] }).TagResource.map((t) => [
          t.TagKey,
          t.TagValue,
        ]),
        [
          ['legacy', method],
          ['both', ''],
        ],
      );
      const described = await raw(h, method, 'DescribeImages', {
        RegionId: REGION,
        Status: 'ALL',
        'Tag.1.key': 'legacy',
        'Tag.1.value': method,
      });
      assert.equal(described.status, 200, JSON.stringify(described.body));
      assert.deepEqual(
        (described.body.Images as { Image: { ImageId: string }[] }).Image.map((i) => i.ImageId),
        [imageId],
      );
    });

    test(`both spellings of one tag field with different values are InvalidParameter naming both (${method})`, async () => {
      const r = await raw(h, method, 'CreateImage', {
        RegionId: REGION,
        SnapshotId: `s-running-system-${acct}`,
        ImageName: `clash-${method}`,
        'Tag.1.Key': 'a',
        'Tag.1.key': 'b',
      });
      assert.equal(r.status, 400);
      assert.equal(r.body.Code, 'InvalidParameter');
      assert.match(String(r.body.Message), /"Tag\.1\.(Key|key)" and "Tag\.1\.(key|Key)" give different values/);
      const t = await raw(h, method, 'TagResources', {
        RegionId: REGION,
        ResourceType: 'instance',
        'ResourceId.1': `i-running-${acct}`,
        'Tag.1.Key': 'k',
        'Tag.1.Value': 'x',
        'Tag.1.value': 'y',
      });
      assert.equal(t.body.Code, 'InvalidParameter');
      assert.match(String(t.body.Message), /Tag\.1\.Value.*Tag\.1\.value|Tag\.1\.value.*Tag\.1\.Value/);
    });
  }

  test('TagFilter.N matches keys and values by substring, every filter must match, and values are optional', async () => {
    const c = h.client();
    const tag = (id: string, pairs: [string, string][]) =>
      c.tagResources(
        new E.TagResourcesRequest({
          regionId: REGION,
          resourceType: 'instance',
          resourceId: [id],
          tag: pairs.map(([key, value]) => new E.TagResourcesRequestTag({ key, value })),
        }),
      );
    await tag(`i-running-${acct}`, [
      ['environment', 'production'],
      ['team', 'alpha'],
    ]);
    await tag(`i-stopped-${acct}`, [
      ['env', 'staging'],
      ['team', 'beta'],
    ]);
    const ids = async (filters: { tagKey: string; tagValues?: string[] }[]) =>
      [
        ...new Set(
          (
            await c.listTagResources(
              new E.ListTagResourcesRequest({
                regionId: REGION,
                resourceType: 'instance',
                tagFilter: filters.map((f) => new E.ListTagResourcesRequestTagFilter(f)),
              }),
            )
          ).body!.tagResources!.tagResource!.map((t) => t.resourceId),
        ),
      ].sort();
    assert.deepEqual(await ids([{ tagKey: 'env' }]), [`i-running-${acct}`, `i-stopped-${acct}`]);
    assert.deepEqual(await ids([{ tagKey: 'env', tagValues: ['prod'] }]), [`i-running-${acct}`]);
    assert.deepEqual(await ids([{ tagKey: 'env', tagValues: ['nope', 'stag'] }]), [`i-stopped-${acct}`]);
    assert.deepEqual(await ids([{ tagKey: 'env' }, { tagKey: 'team', tagValues: ['beta'] }]), [`i-stopped-${acct}`]);
    assert.deepEqual(await ids([{ tagKey: 'ENV' }]), [], 'matching is case-sensitive');
  });

  test('TagFilter.N with Tag.N is InvalidParameter; more than 5 filters or values name the parameter', async () => {
    const base = { RegionId: REGION, ResourceType: 'instance' };
    const both = await raw(h, 'GET', 'ListTagResources', { ...base, 'Tag.1.Key': 'env', 'TagFilter.1.TagKey': 'env' });
    assert.equal(both.body.Code, 'InvalidParameter');
    assert.match(String(both.body.Message), /Tag\.N .*TagFilter\.N .*cannot be used together/);
    const six = Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`TagFilter.${n}.TagKey`, `k${n}`]));
    const tooMany = await raw(h, 'POST', 'ListTagResources', { ...base, ...six });
    assert.equal(tooMany.body.Code, 'InvalidParameter');
    assert.match(String(tooMany.body.Message), /"TagFilter".*at most 5 items, got 6/);
    const values = Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`TagFilter.1.TagValues.${n}`, `v${n}`]));
    const tooManyValues = await raw(h, 'GET', 'ListTagResources', { ...base, 'TagFilter.1.TagKey': 'env', ...values });
    assert.equal(tooManyValues.body.Code, 'InvalidParameter');
    assert.match(String(tooManyValues.body.Message), /"TagFilter\.1\.TagValues".*at most 5 items, got 6/);
    const noKey = await raw(h, 'GET', 'ListTagResources', { ...base, 'TagFilter.1.TagValues.1': 'prod' });
    assert.equal(noKey.body.Code, 'MissingParameter');
    assert.match(String(noKey.body.Message), /"TagFilter\.1\.TagKey"/);
  });

  test('ListTagResources needs one of ResourceId.N, Tag.N or TagFilter.N, and a Tag.N.Value alone is InvalidParameter.TagValue', async () => {
    const none = await sdkError(h.client().listTagResources(new E.ListTagResourcesRequest({ regionId: REGION, resourceType: 'instance' })));
    assert.equal(none.code, 'MissingParameter');
    assert.match(none.message, /ResourceId\.N, Tag\.N or TagFilter\.N/);
    const valueOnly = await raw(h, 'POST', 'ListTagResources', { RegionId: REGION, ResourceType: 'instance', 'Tag.1.value': 'prod' });
    assert.equal(valueOnly.body.Code, 'InvalidParameter.TagValue');
  });
});
