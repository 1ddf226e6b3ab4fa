/**
 * ModifyInstanceSpec, ReplaceSystemDisk and ResizeDisk through the official ECS SDK in both
 * signature modes: status rules, validation codes, the new system disk id, and persistence.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as $Ecs from '@alicloud/ecs20140526';
import { startHarness } from '../images/testing.js';
import { sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { makeNetwork, runOne, statusOf, useNetwork, type TestNetwork } from './lifecycle-testing.js';

const OTHER_IMAGE = 'debian_12_4_x64_20G_alibase_20240101.vhd';

async function systemDisk(ecs: EcsSdkClient, id: string): Promise<{ diskId: string; size: number; category: string; imageId: string }> {
  const d = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', instanceId: id, diskType: 'system' }))).body!
    .disks!.disk![0]!;
  return { diskId: d.diskId!, size: d.size!, category: d.category!, imageId: d.imageId ?? '' };
}

async function attr(ecs: EcsSdkClient, id: string) {
  return (await ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!;
}

for (const mode of ['v3', 'v1'] as const) {
  describe(`instance spec and system disk changes over the SDK (${mode})`, () => {
    let ecs: EcsSdkClient;
    let net: TestNetwork;
    const h = useNetwork(mode, (env) => ({ ecs, net } = env));

    async function stopped(over: Parameters<typeof runOne>[2] = {}): Promise<string> {
      const id = await runOne(ecs, net, over);
      h.advance(2);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
      h.advance(2);
      assert.equal(await statusOf(ecs, id), 'Stopped');
      return id;
    }

    test('ModifyInstanceSpec changes the type of a stopped pay-as-you-go instance, and CPU and memory follow', async () => {
      const id = await stopped();
      await ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g7.xlarge' }));
      const a = await attr(ecs, id);
      assert.deepEqual([a.instanceType, a.cpu, a.memory, a.status], ['ecs.g7.xlarge', 4, 16384, 'Stopped']);
    });

    test('ModifyInstanceSpec refuses a running instance, the same type, an unknown type and a type not sold in the zone', async () => {
      const running = await runOne(ecs, net);
      h.advance(2);
      const busy = await sdkError(
        ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: running, instanceType: 'ecs.g7.xlarge' })),
      );
      assert.deepEqual([busy.code, busy.statusCode], ['IncorrectInstanceStatus', 403]);
      assert.match(busy.message, /needs it to be Stopped/);
      const id = await stopped();
      const same = await sdkError(
        ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g7.large' })),
      );
      assert.equal(same.code, 'InvalidInstanceType.ValueNotSupported');
      const unknown = await sdkError(
        ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.nope.large' })),
      );
      assert.equal(unknown.code, 'InvalidInstanceType.NotFound');
      const none = await sdkError(ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id })));
      assert.equal(none.code, 'MissingParameter');
      const both = await sdkError(
        ecs.modifyInstanceSpec(
          new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g7.xlarge', internetMaxBandwidthOut: 5 }),
        ),
      );
      assert.equal(both.code, 'InvalidParameter.Conflict');
      const old = await runOne(ecs, net, { vSwitchId: net.oldZoneVSwitchId });
      h.advance(2);
      await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: old }));
      h.advance(2);
      const unsold = await sdkError(
        ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: old, instanceType: 'ecs.g8i.large' })),
      );
      assert.equal(unsold.code, 'InvalidInstanceType.ValueUnauthorized');
      assert.equal((await attr(ecs, id)).instanceType, 'ecs.g7.large');
    });

    test('ModifyInstanceSpec changes the bandwidth alone while the instance runs', async () => {
      const id = await runOne(ecs, net);
      h.advance(2);
      await ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, internetMaxBandwidthOut: 7 }));
      assert.equal((await attr(ecs, id)).internetMaxBandwidthOut, 7);
    });

    test('ReplaceSystemDisk gives a stopped instance a new system disk from the image and records the new OS', async () => {
      const id = await stopped({ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: 'cloud_essd', size: '50' }) });
      const before = await systemDisk(ecs, id);
      const r = (await ecs.replaceSystemDisk(new $Ecs.ReplaceSystemDiskRequest({ instanceId: id, imageId: OTHER_IMAGE }))).body!;
      assert.match(r.diskId!, /^d-/);
      assert.notEqual(r.diskId, before.diskId);
      const after = await systemDisk(ecs, id);
      assert.deepEqual([after.diskId, after.size, after.category, after.imageId], [r.diskId, 50, 'cloud_essd', OTHER_IMAGE]);
      const a = await attr(ecs, id);
      assert.equal(a.imageId, OTHER_IMAGE);
      const listed = (
        await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }))
      ).body!.instances!.instance![0]!;
      assert.match(listed.OSName ?? '', /Debian/);
      const bigger = (
        await ecs.replaceSystemDisk(
          new $Ecs.ReplaceSystemDiskRequest({
            instanceId: id,
            imageId: OTHER_IMAGE,
            systemDisk: new $Ecs.ReplaceSystemDiskRequestSystemDisk({ size: 80 }),
          }),
        )
      ).body!;
      assert.equal((await systemDisk(ecs, id)).size, 80);
      assert.notEqual(bigger.diskId, r.diskId);
    });

    test('ReplaceSystemDisk refuses a running instance, an unknown image and a size below the current disk', async () => {
      const running = await runOne(ecs, net);
      h.advance(2);
      const busy = await sdkError(ecs.replaceSystemDisk(new $Ecs.ReplaceSystemDiskRequest({ instanceId: running, imageId: OTHER_IMAGE })));
      assert.deepEqual([busy.code, busy.statusCode], ['IncorrectInstanceStatus', 403]);
      const id = await stopped({ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ size: '60' }) });
      const missing = await sdkError(
        ecs.replaceSystemDisk(new $Ecs.ReplaceSystemDiskRequest({ instanceId: id, imageId: 'm-doesnotexist' })),
      );
      assert.equal(missing.code, 'InvalidImageId.NotFound');
      const small = await sdkError(
        ecs.replaceSystemDisk(
          new $Ecs.ReplaceSystemDiskRequest({
            instanceId: id,
            imageId: OTHER_IMAGE,
            systemDisk: new $Ecs.ReplaceSystemDiskRequestSystemDisk({ size: 40 }),
          }),
        ),
      );
      assert.equal(small.code, 'InvalidSystemDiskSize');
      assert.match(small.message, /current system disk size 60 GiB/);
    });

    test('ResizeDisk grows the system disk of a running instance and refuses shrinking, equal and oversized values', async () => {
      const id = await runOne(ecs, net, { systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ size: '40' }) });
      h.advance(2);
      const { diskId } = await systemDisk(ecs, id);
      await ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 60 }));
      assert.deepEqual(await systemDisk(ecs, id).then((d) => [d.diskId, d.size]), [diskId, 60]);
      const same = await sdkError(ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 60 })));
      assert.deepEqual([same.code, same.statusCode], ['InvalidDiskSize.TooSmall', 403]);
      const shrink = await sdkError(ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 30 })));
      assert.equal(shrink.code, 'InvalidDiskSize.TooSmall');
      const huge = await sdkError(ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 4096 })));
      assert.deepEqual([huge.code, huge.statusCode], ['InvalidParameter', 403]);
      assert.match(huge.message, /at most 2048 GiB/);
      const none = await sdkError(ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId: 'd-missing', newSize: 100 })));
      assert.equal(none.code, 'InvalidDiskId.NotFound');
    });

    test('ResizeDisk refuses a disk whose instance is still starting', async () => {
      const id = await runOne(ecs, net);
      const { diskId } = await systemDisk(ecs, id);
      const e = await sdkError(ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 100 })));
      assert.deepEqual([e.code, e.statusCode], ['OperationDenied', 403]);
    });
  });
}

test('a changed type, a replaced system disk and a resize survive an emulator restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emuspec-'));
  const db = join(dir, 'emu.db');
  try {
    const first = await startHarness(db);
    const ecs = first.client('v3');
    const net = await makeNetwork(first, 'v3', ecs);
    const id = await runOne(ecs, net);
    first.advance(2);
    await ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    first.advance(2);
    await ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g6.large' }));
    const diskId = (await ecs.replaceSystemDisk(new $Ecs.ReplaceSystemDiskRequest({ instanceId: id, imageId: OTHER_IMAGE }))).body!.diskId!;
    await ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 100 }));
    await first.stop();

    const second = await startHarness(db, 10);
    const ecs2 = second.client('v1');
    const a = await attr(ecs2, id);
    assert.deepEqual([a.instanceType, a.imageId], ['ecs.g6.large', OTHER_IMAGE]);
    const d = await systemDisk(ecs2, id);
    assert.deepEqual([d.diskId, d.size], [diskId, 100]);
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
