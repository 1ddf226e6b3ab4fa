import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { callAction, sdkError } from '../test-support/clients.js';
import { REGION, useHarness } from '../images/testing.js';

describe('DescribeSnapshots', () => {
  const h = useHarness();
  const acct = h.accounts[0];
  const list = async (req: Partial<E.DescribeSnapshotsRequest>) =>
    (await h.client().describeSnapshots(new E.DescribeSnapshotsRequest({ regionId: REGION, ...req }))).body!;

  test('lists the seeded snapshots newest first, including the 2013 one', async () => {
    const body = await list({ pageSize: 50 });
    assert.deepEqual(
      body.snapshots!.snapshot!.map((s) => s.snapshotId),
      [`s-stopped-data-${acct}`, `s-stopped-system-${acct}`, `s-running-data-${acct}`, `s-running-system-${acct}`, `s-old-system-${acct}`],
    );
    assert.equal(body.snapshots!.snapshot!.at(-1)!.creationTime, '2013-07-01T00:00:00Z');
  });

  test('filters by JSON SnapshotIds, InstanceId, DiskId, SourceDiskType (any case), Status and Usage', async () => {
    assert.equal((await list({ snapshotIds: JSON.stringify([`s-old-system-${acct}`]) })).totalCount, 1);
    assert.equal((await list({ instanceId: `i-stopped-${acct}` })).totalCount, 2);
    assert.equal((await list({ diskId: `d-running-data-${acct}` })).totalCount, 1);
    assert.equal((await list({ sourceDiskType: 'Data' })).totalCount, 2);
    assert.equal((await list({ status: 'accomplished' })).totalCount, 5);
    assert.equal((await list({ usage: 'image' })).totalCount, 0);
    assert.equal((await list({ snapshotType: 'auto' })).totalCount, 0);
  });

  test('returns Snapshot fields with the SDK JSON types', async () => {
    const r = await callAction(h.client(), 'DescribeSnapshots', {
      RegionId: REGION,
      SnapshotIds: JSON.stringify([`s-running-system-${acct}`]),
    });
    const s = (r.body.Snapshots as { Snapshot: Record<string, unknown>[] }).Snapshot[0]!;
    assert.equal(s.SourceDiskSize, '40');
    assert.equal(s.Progress, '100%');
    assert.equal(s.Available, true);
    assert.equal(typeof s.RemainTime, 'number');
    assert.equal(s.SourceDiskType, 'system');
    assert.deepEqual(s.Tags, { Tag: [] });
  });

  test('rejects bad filters with their codes', async () => {
    assert.equal((await sdkError(list({ sourceDiskType: 'root' }))).code, 'InvalidSourceDiskType');
    assert.equal((await sdkError(list({ usage: 'everything' }))).code, 'InvalidUsage');
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `s-${i}`));
    const tooMany = await sdkError(list({ snapshotIds: ids }));
    assert.deepEqual([tooMany.code, tooMany.statusCode], ['InvalidSnapshotIds.Malformed', 403]);
  });
});
