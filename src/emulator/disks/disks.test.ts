import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { sdkError, type EcsSdkClient, type SignatureMode } from '../test-support/clients.js';
import { CREATE_SECONDS, REGION, startHarness, type Harness } from '../images/testing.js';
import { seedZone } from '../vpc/seed.js';

const ZONE = seedZone(REGION);

for (const mode of ['v3', 'v1'] as SignatureMode[]) {
  describe(`disks and snapshots through the official SDK (${mode})`, () => {
    let h: Harness;
    let ecs: EcsSdkClient;
    let acct: number;
    before(async () => {
      h = await startHarness();
      ecs = h.client(mode);
      acct = h.accounts[0];
    });
    after(() => h.stop());

    const disk = async (id: string) =>
      (await ecs.describeDisks(new E.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([id]) }))).body!.disks!.disk![0]!;
    const snapshot = async (id: string) =>
      (await ecs.describeSnapshots(new E.DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify([id]) }))).body!
        .snapshots!.snapshot![0]!;
    const create = (req: Partial<E.CreateDiskRequest>) =>
      ecs.createDisk(new E.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: 'cloud_essd', size: 20, ...req }));

    test('CreateDisk: Creating, then Available, with its name, tags, level and encryption', async () => {
      const id = (
        await create({
          diskName: 'data-1',
          description: 'a data disk',
          performanceLevel: 'PL0',
          encrypted: true,
          tag: [new E.CreateDiskRequestTag({ key: 'env', value: 'test' })],
        })
      ).body!.diskId!;
      assert.match(id, /^d-/);
      let d = await disk(id);
      assert.deepEqual(
        [d.status, d.diskName, d.description, d.category, d.size, d.performanceLevel, d.encrypted, d.portable, d.deleteWithInstance],
        ['Creating', 'data-1', 'a data disk', 'cloud_essd', 20, 'PL0', true, true, false],
      );
      assert.notEqual(d.KMSKeyId, '');
      assert.deepEqual(
        d.tags!.tag!.map((t) => [t.tagKey, t.tagValue]),
        [['env', 'test']],
      );
      h.advance(3);
      d = await disk(id);
      assert.equal(d.status, 'Available');
      const byStatus = await ecs.describeDisks(new E.DescribeDisksRequest({ regionId: REGION, status: 'Available', diskName: 'data-1' }));
      assert.deepEqual(
        byStatus.body!.disks!.disk!.map((x) => x.diskId),
        [id],
      );
    });

    test('CreateDisk refuses a missing zone, a size out of the category range and PerformanceLevel off ESSD', async () => {
      const miss = await sdkError(ecs.createDisk(new E.CreateDiskRequest({ regionId: REGION, size: 20 })));
      assert.deepEqual([miss.code, miss.statusCode], ['MissingParameter', 400]);
      const small = await sdkError(create({ diskCategory: 'cloud_efficiency', size: 10 }));
      assert.deepEqual([small.code, small.statusCode], ['InvalidDiskSize.NotSupported', 400]);
      assert.match(small.message, /20 to 32768/);
      const pl = await sdkError(create({ diskCategory: 'cloud_ssd', performanceLevel: 'PL1' }));
      assert.equal(pl.code, 'InvalidPerformanceLevel.Malformed');
      const zone = await sdkError(create({ zoneId: 'cn-hangzhou-zz' }));
      assert.deepEqual([zone.code, zone.statusCode], ['InvalidZoneId.NotFound', 404]);
      const none = await sdkError(create({ size: undefined }));
      assert.equal(none.code, 'MissingParameter');
    });

    test('attach, snapshot with progress, detach, snapshot of a detached disk, delete', async () => {
      const id = (await create({ diskName: 'attach-me' })).body!.diskId!;
      const inst = `i-stopped-${acct}`;
      const early = await sdkError(ecs.attachDisk(new E.AttachDiskRequest({ instanceId: inst, diskId: id })));
      assert.deepEqual([early.code, early.statusCode], ['IncorrectDiskStatus', 403]);
      h.advance(3);
      const never = await sdkError(ecs.createSnapshot(new E.CreateSnapshotRequest({ diskId: id })));
      assert.deepEqual([never.code, never.statusCode], ['IncorrectDiskStatus.NeverAttached', 403]);
      await ecs.attachDisk(new E.AttachDiskRequest({ instanceId: inst, diskId: id, deleteWithInstance: true }));
      let d = await disk(id);
      assert.deepEqual([d.status, d.instanceId, d.device], ['Attaching', inst, '/dev/xvdc']);
      h.advance(3);
      d = await disk(id);
      assert.deepEqual([d.status, d.deleteWithInstance, d.attachments!.attachment!.length], ['In_use', true, 1]);
      const busy = await sdkError(ecs.deleteDisk(new E.DeleteDiskRequest({ diskId: id })));
      assert.deepEqual([busy.code, busy.statusCode], ['DiskStillAttached', 403]);

      const snapId = (
        await ecs.createSnapshot(
          new E.CreateSnapshotRequest({
            diskId: id,
            snapshotName: 'snap-1',
            description: 'first',
            retentionDays: 20,
            tag: [new E.CreateSnapshotRequestTag({ key: 'k', value: 'v' })],
          }),
        )
      ).body!.snapshotId!;
      let s = await snapshot(snapId);
      assert.deepEqual(
        [s.status, s.sourceDiskId, s.sourceDiskType, s.retentionDays, s.snapshotName],
        ['progressing', id, 'data', 20, 'snap-1'],
      );
      const again = await sdkError(ecs.createSnapshot(new E.CreateSnapshotRequest({ diskId: id })));
      assert.deepEqual([again.code, again.statusCode], ['IncorrectDiskStatus.CreatingSnapshot', 403]);
      h.advance(CREATE_SECONDS / 2);
      s = await snapshot(snapId);
      assert.deepEqual([s.status, s.progress], ['progressing', '50%']);
      h.advance(CREATE_SECONDS / 2);
      s = await snapshot(snapId);
      assert.deepEqual([s.status, s.progress, s.available, s.usage], ['accomplished', '100%', true, 'none']);

      await ecs.modifySnapshotAttribute(
        new E.ModifySnapshotAttributeRequest({ snapshotId: snapId, snapshotName: 'snap-2', description: '' }),
      );
      s = await snapshot(snapId);
      assert.deepEqual([s.snapshotName, s.description], ['snap-2', '']);
      const shorter = await sdkError(
        ecs.modifySnapshotAttribute(new E.ModifySnapshotAttributeRequest({ snapshotId: snapId, retentionDays: 5 })),
      );
      assert.deepEqual([shorter.code, shorter.statusCode], ['InvalidRetentionDays.Malformed', 400]);
      const badName = await sdkError(
        ecs.modifySnapshotAttribute(new E.ModifySnapshotAttributeRequest({ snapshotId: snapId, snapshotName: 'auto-x' })),
      );
      assert.deepEqual([badName.code, badName.statusCode], ['InvalidSnapshotName.Malformed', 400]);

      // A disk made from the snapshot makes its Usage `disk`; DeleteSnapshot then needs Force.
      const fromSnap = (await create({ snapshotId: snapId, size: undefined })).body!.diskId!;
      assert.deepEqual([(await disk(fromSnap)).size, (await disk(fromSnap)).sourceSnapshotId], [20, snapId]);
      assert.equal((await snapshot(snapId)).usage, 'disk');
      const used = await sdkError(ecs.deleteSnapshot(new E.DeleteSnapshotRequest({ snapshotId: snapId })));
      assert.deepEqual([used.code, used.statusCode], ['SnapshotCreatedDisk', 403]);

      await ecs.detachDisk(new E.DetachDiskRequest({ instanceId: inst, diskId: id }));
      d = await disk(id);
      assert.deepEqual([d.status, d.instanceId], ['Detaching', inst]);
      h.advance(3);
      d = await disk(id);
      assert.deepEqual([d.status, d.instanceId, d.device], ['Available', '', '']);
      const gone = await sdkError(ecs.detachDisk(new E.DetachDiskRequest({ instanceId: inst, diskId: id })));
      assert.deepEqual([gone.code, gone.statusCode], ['InvalidDisk.AlreadyDetached', 403]);
      // Attached once, so an Available disk can be snapshotted.
      const second = (await ecs.createSnapshot(new E.CreateSnapshotRequest({ diskId: id }))).body!.snapshotId!;
      assert.equal((await snapshot(second)).status, 'progressing');
      const creating = await sdkError(ecs.deleteDisk(new E.DeleteDiskRequest({ diskId: id })));
      assert.deepEqual([creating.code, creating.statusCode], ['DiskCreatingSnapshot', 403]);
      h.advance(CREATE_SECONDS);
      await ecs.deleteDisk(new E.DeleteDiskRequest({ diskId: id }));
      const missing = await sdkError(ecs.deleteDisk(new E.DeleteDiskRequest({ diskId: id })));
      assert.deepEqual([missing.code, missing.statusCode], ['InvalidDiskId.NotFound', 404]);
      await ecs.deleteSnapshot(new E.DeleteSnapshotRequest({ snapshotId: snapId, force: true }));
    });

    test('AttachDisk and DetachDisk check the instance, its zone and the disk', async () => {
      const id = (await create({})).body!.diskId!;
      h.advance(3);
      const noInst = await sdkError(ecs.attachDisk(new E.AttachDiskRequest({ instanceId: 'i-missing', diskId: id })));
      assert.deepEqual([noInst.code, noInst.statusCode], ['InvalidInstanceId.NotFound', 404]);
      const noDisk = await sdkError(ecs.attachDisk(new E.AttachDiskRequest({ instanceId: `i-running-${acct}`, diskId: 'd-missing' })));
      assert.deepEqual([noDisk.code, noDisk.statusCode], ['InvalidDiskId.NotFound', 404]);
      const system = await sdkError(
        ecs.detachDisk(new E.DetachDiskRequest({ instanceId: `i-running-${acct}`, diskId: `d-running-system-${acct}` })),
      );
      assert.deepEqual([system.code, system.statusCode], ['InvalidDiskId.OperationNotSupported', 403]);
      const otherZone = (await create({ zoneId: 'cn-hangzhou-h' })).body!.diskId!;
      h.advance(3);
      const zone = await sdkError(ecs.attachDisk(new E.AttachDiskRequest({ instanceId: `i-running-${acct}`, diskId: otherZone })));
      assert.deepEqual([zone.code, zone.statusCode], ['InvalidParameter.Mismatch', 400]);
    });

    test('ModifyDiskAttribute changes only what is given; ResizeDisk grows a stand-alone disk', async () => {
      const id = (await create({ diskName: 'before', description: 'desc' })).body!.diskId!;
      h.advance(3);
      await ecs.modifyDiskAttribute(
        new E.ModifyDiskAttributeRequest({ regionId: REGION, diskId: id, diskName: 'after', deleteAutoSnapshot: false }),
      );
      let d = await disk(id);
      assert.deepEqual([d.diskName, d.description, d.deleteAutoSnapshot], ['after', 'desc', false]);
      const nothing = await sdkError(ecs.modifyDiskAttribute(new E.ModifyDiskAttributeRequest({ regionId: REGION, diskId: id })));
      assert.deepEqual([nothing.code, nothing.statusCode], ['NoAttributeToModify', 400]);
      await ecs.resizeDisk(new E.ResizeDiskRequest({ diskId: id, newSize: 40 }));
      d = await disk(id);
      assert.equal(d.size, 40);
    });

    test('DeleteInstance releases the disks that go with it and leaves the others Available', async () => {
      const keep = (await create({ diskName: 'keep' })).body!.diskId!;
      const drop = (await create({ diskName: 'drop' })).body!.diskId!;
      h.advance(3);
      const inst = `i-stopped-${acct}`;
      await ecs.attachDisk(new E.AttachDiskRequest({ instanceId: inst, diskId: keep }));
      await ecs.attachDisk(new E.AttachDiskRequest({ instanceId: inst, diskId: drop, deleteWithInstance: true }));
      h.advance(3);
      await ecs.modifyInstanceAttribute(new E.ModifyInstanceAttributeRequest({ instanceId: inst, deletionProtection: false }));
      await ecs.deleteInstance(new E.DeleteInstanceRequest({ instanceId: inst, force: true }));
      const left = await ecs.describeDisks(
        new E.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([keep, drop, `d-stopped-system-${acct}`]) }),
      );
      assert.deepEqual(
        left.body!.disks!.disk!.map((x) => [x.diskId, x.status, x.instanceId]),
        [[keep, 'Available', '']],
      );
    });
  });
}
