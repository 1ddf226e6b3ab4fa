import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { apiError, type Family } from './context.js';
import { EmulatorBackend } from './backend.js';
import { startEmulator, type RunningEmulator } from './index.js';
import { DEFAULT_ACCESS_KEY_ID, deriveAccountId } from './accounts.js';
import { imagesFamily } from './images/index.js';
import { regionsFamily } from './regions/family.js';
import { resourceGroupsFamily } from './resource-groups/index.js';
import { snapshotsFamily } from './snapshots/index.js';
import { tagsFamily } from './tags/index.js';
import { vpcFamily } from './vpc/index.js';
import { zonesFamily } from './zones/index.js';
import { callAction, sdkClient, sdkError, type SignatureMode } from './test-support/clients.js';

const REGION = 'cn-hangzhou';
const acct = deriveAccountId(DEFAULT_ACCESS_KEY_ID);

/** A family whose one action always fails with `Emu.Clash`, answered with `status` by its own table. */
function clashFamily(name: string, status: number): Family {
  return {
    name,
    product: 'Ecs',
    specs: [{ product: 'Ecs', version: '2014-05-26', action: 'DescribeClash', params: [], errors: ['Emu.Clash'] }],
    handlers: {
      describeClash: () => {
        throw apiError('Emu.Clash');
      },
    },
    errors: [{ code: 'Emu.Clash', status, message: `The ${name} family answers ${status}.` }],
    migrations: [],
  };
}

test('two backends built from different family sets share no error table, taggable type, group member or query', () => {
  const images = new EmulatorBackend([
    regionsFamily,
    resourceGroupsFamily,
    tagsFamily,
    snapshotsFamily,
    imagesFamily,
    clashFamily('alpha', 404),
  ]);
  const network = new EmulatorBackend([regionsFamily, resourceGroupsFamily, tagsFamily, zonesFamily, vpcFamily, clashFamily('beta', 409)]);
  assert.deepEqual([images.errors.get('Emu.Clash')?.status, network.errors.get('Emu.Clash')?.status], [404, 409]);
  assert.ok(images.errors.get('ImageUsingByInstance') && !network.errors.get('ImageUsingByInstance'));
  assert.ok(network.errors.get('InvalidVpcId.NotFound') && !images.errors.get('InvalidVpcId.NotFound'));
  assert.ok(images.taggable('image') && images.taggable('snapshot') && !network.taggable('image'));
  assert.ok(images.groupMember('image') && !network.groupMember('image'));
  assert.deepEqual(Object.keys(images.queries).sort(), ['images', 'snapshots']);
  assert.deepEqual(Object.keys(network.queries), ['vpc']);
  assert.throws(() => network.need('images'), /the images queries are needed but no served family answers them/);
});

test('two families claiming the same taggable type or query set stop the backend at start-up', () => {
  const twin = { ...snapshotsFamily, name: 'snapshots-twin', specs: [], handlers: {}, migrations: [] };
  assert.throws(
    () => new EmulatorBackend([regionsFamily, snapshotsFamily, twin]),
    /"snapshot" is declared by both snapshots and snapshots-twin/,
  );
  assert.throws(() => new EmulatorBackend([snapshotsFamily]), /exactly one family must answer the RegionId check/);
});

describe('two emulators running in one process with different family sets', () => {
  let images: RunningEmulator;
  let network: RunningEmulator;
  before(async () => {
    images = await startEmulator({
      families: [resourceGroupsFamily, tagsFamily, snapshotsFamily, imagesFamily, clashFamily('alpha', 404)],
    });
    network = await startEmulator({ families: [resourceGroupsFamily, tagsFamily, zonesFamily, vpcFamily, clashFamily('beta', 409)] });
  });
  after(async () => {
    await images.stop();
    await network.stop();
  });

  for (const mode of ['v3', 'v1'] as SignatureMode[]) {
    test(`answer the same code with their own tables' statuses (${mode})`, async () => {
      const a = await sdkError(callAction(sdkClient(images.endpoint, mode), 'DescribeClash', {}));
      const b = await sdkError(callAction(sdkClient(network.endpoint, mode), 'DescribeClash', {}));
      assert.deepEqual([a.code, a.statusCode, b.code, b.statusCode], ['Emu.Clash', 404, 'Emu.Clash', 409]);
      assert.match(a.message, /alpha family answers 404/);
      assert.match(b.message, /beta family answers 409/);
    });

    test(`tag and move images only where the images family is served (${mode})`, async () => {
      const ecs = sdkClient(images.endpoint, mode);
      const image = (
        await ecs.createImage(
          new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: `two-${mode}` }),
        )
      ).body!.imageId!;
      const tag = new E.TagResourcesRequestTag({ key: 'env', value: mode });
      await ecs.tagResources(new E.TagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: [image], tag: [tag] }));
      await ecs.joinResourceGroup(
        new E.JoinResourceGroupRequest({ regionId: REGION, resourceType: 'image', resourceId: image, resourceGroupId: `rg-dev-${acct}` }),
      );
      const listed = await ecs.listTagResources(
        new E.ListTagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: [image] }),
      );
      assert.deepEqual(
        listed.body!.tagResources!.tagResource!.map((t) => [t.resourceId, t.tagKey, t.tagValue]),
        [[image, 'env', mode]],
      );

      const other = sdkClient(network.endpoint, mode);
      const untaggable = await sdkError(
        other.tagResources(new E.TagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: [image], tag: [tag] })),
      );
      assert.deepEqual([untaggable.code, untaggable.statusCode], ['InvalidResourceType.NotFound', 404]);
      assert.doesNotMatch(untaggable.message, /allowed:.*\bimage\b/);
      const unmovable = await sdkError(
        other.joinResourceGroup(
          new E.JoinResourceGroupRequest({ regionId: REGION, resourceType: 'image', resourceId: image, resourceGroupId: `rg-dev-${acct}` }),
        ),
      );
      assert.deepEqual([unmovable.code, unmovable.statusCode], ['InvalidResourceType.NotFound', 404]);
      const gone = await sdkError(callAction(other, 'DescribeImages', { RegionId: REGION }));
      assert.equal(gone.code, 'InvalidAction.NotFound');
    });
  }
});
