import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { callAction, sdkError } from '../test-support/clients.js';
import { REGION, useHarness } from '../images/testing.js';
import { defaultResourceGroup, findResourceGroup, listResourceGroups } from './repository.js';

describe('JoinResourceGroup', () => {
  const h = useHarness();
  const acct = h.accounts[0];
  const join = (resourceType: string, resourceId: string, resourceGroupId: string) =>
    h.client().joinResourceGroup(new E.JoinResourceGroupRequest({ regionId: REGION, resourceType, resourceId, resourceGroupId }));

  test('seeds a default group and two more per account, invisible to other accounts', () => {
    const [a, b] = h.accounts;
    assert.deepEqual(
      listResourceGroups(h.emu.db, a).map((g) => [g.id, g.isDefault]),
      [
        [`rg-default-${a}`, true],
        [`rg-dev-${a}`, false],
        [`rg-prod-${a}`, false],
      ],
    );
    assert.equal(defaultResourceGroup(h.emu.db, b).id, `rg-default-${b}`);
    assert.equal(findResourceGroup(h.emu.db, b, `rg-dev-${a}`), undefined);
  });

  test('moves an image, an instance, a snapshot and a disk into another group', async () => {
    const image = (
      await h
        .client()
        .createImage(new E.CreateImageRequest({ regionId: REGION, snapshotId: `s-running-system-${acct}`, imageName: 'mover' }))
    ).body!.imageId!;
    const rg = `rg-prod-${acct}`;
    await join('image', image, rg);
    await join('instance', `i-running-${acct}`, rg);
    await join('snapshot', `s-running-data-${acct}`, rg);
    await join('disk', `d-running-data-${acct}`, rg);
    const img = await h.client().describeImages(new E.DescribeImagesRequest({ regionId: REGION, imageId: image, status: 'ALL' }));
    assert.equal(img.body!.images!.image![0]!.resourceGroupId, rg);
    const inst = await h.client().describeInstances(new E.DescribeInstancesRequest({ regionId: REGION, resourceGroupId: rg }));
    assert.deepEqual(
      inst.body!.instances!.instance!.map((i) => i.instanceId),
      [`i-running-${acct}`],
    );
    const snaps = await h.client().describeSnapshots(new E.DescribeSnapshotsRequest({ regionId: REGION, resourceGroupId: rg }));
    assert.deepEqual(
      snaps.body!.snapshots!.snapshot!.map((s) => s.snapshotId),
      [`s-running-data-${acct}`],
    );
  });

  test('answers MissingParameter with 403, and NotFound codes for unknown groups, resources and types', async () => {
    const missing = await sdkError(
      callAction(h.client(), 'JoinResourceGroup', { RegionId: REGION, ResourceType: 'image', ResourceGroupId: `rg-dev-${acct}` }),
    );
    assert.deepEqual([missing.code, missing.statusCode], ['MissingParameter', 403]);
    const rg = await sdkError(join('instance', `i-running-${acct}`, 'rg-nope'));
    assert.deepEqual([rg.code, rg.statusCode], ['InvalidResourceGroup.NotFound', 404]);
    const id = await sdkError(join('image', 'm-nope', `rg-dev-${acct}`));
    assert.deepEqual([id.code, id.statusCode], ['InvalidResourceId.NotFound', 404]);
    const type = await sdkError(join('volcano', 'x', `rg-dev-${acct}`));
    assert.deepEqual([type.code, type.statusCode], ['InvalidResourceType.NotFound', 404]);
  });
});
