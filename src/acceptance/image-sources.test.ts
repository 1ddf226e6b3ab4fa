/**
 * alicloud_image sources and failure paths with the real terraform against the emulator:
 * a snapshot, disk mappings (computed sub-fields filled, no diff after), pre-check
 * diagnostics, a failed create that stays in state as tainted, force delete of an image
 * in use, and delete_auto_snapshot.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImage, describeSnapshots } from '../ecs/index.js';
import { updateInstance } from '../emulator/instances/repository.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import {
  DATA_SNAPSHOT,
  LOCKED_INSTANCE,
  OLD_SNAPSHOT,
  RUNNING_INSTANCE,
  STOPPED_INSTANCE,
  SYSTEM_SNAPSHOT,
  applyClean,
  imageTf,
  resourceValues,
  startHarness,
  tf,
  type Harness,
} from './image-harness.js';

describe('alicloud_image sources and failures through terraform', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  test('creates an image from a system-disk snapshot and reads the computed platform without a diff', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('snap', `snapshot_id = "${SYSTEM_SNAPSHOT}"\nimage_name = "tf-acc-from-snapshot"`));
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.snap'))!;
    assert.equal(v.snapshot_id, SYSTEM_SNAPSHOT);
    assert.equal(v.status, 'Available');
    assert.ok(v.platform, 'platform is computed from the cloud');
    assert.equal(v.disk_device_mapping.length, 1, 'the unwritten mapping block is filled from the API (Optional+Computed)');
    assert.equal(v.disk_device_mapping[0].disk_type, 'system');
    await tf(ws, ['destroy', '-auto-approve']);
    const s = await describeSnapshots(h.client, { SnapshotIds: [SYSTEM_SNAPSHOT] });
    assert.equal(s.snapshots.length, 1, 'a snapshot passed in is never deleted');
  });

  test('creates an image from two disk mappings, fills their computed fields, and plans no change after', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(
      imageTf(
        'disks',
        `
      image_name = "tf-acc-from-disks"
      platform   = "Ubuntu"
      disk_device_mapping {
        snapshot_id = "${SYSTEM_SNAPSHOT}"
        disk_type   = "system"
      }
      disk_device_mapping {
        snapshot_id = "${DATA_SNAPSHOT}"
        disk_type   = "data"
        size        = 120
      }
    `,
      ),
    );
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.disks'))!;
    assert.equal(v.disk_device_mapping.length, 2);
    assert.equal(v.disk_device_mapping[0].snapshot_id, SYSTEM_SNAPSHOT);
    assert.equal(v.disk_device_mapping[0].device, '/dev/xvda');
    assert.equal(v.disk_device_mapping[0].size, 40, 'size defaults to the snapshot size');
    assert.equal(v.disk_device_mapping[1].size, 120);
    assert.equal(v.disk_device_mapping[1].disk_type, 'data');
    assert.equal(typeof v.disk_device_mapping[1].remain_time, 'number');

    ws.writeFile(
      'main.tf',
      imageTf(
        'disks',
        `
      image_name = "tf-acc-from-disks"
      platform   = "Ubuntu"
      disk_device_mapping {
        snapshot_id = "${SYSTEM_SNAPSHOT}"
        disk_type   = "system"
      }
    `,
      ),
    );
    const plan = await tf(ws, ['plan']);
    assert.match(plan.stdout, /disk_device_mapping.*# forces replacement|must be replaced/);
    await tf(ws, ['destroy', '-auto-approve']);
  });

  test('rejects a locked instance, a missing instance and a too old snapshot before calling CreateImage', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const cases: [string, RegExp][] = [
      [`instance_id = "${LOCKED_INSTANCE}"`, /Instance Locked[\s\S]*instance_id "i-locked-/],
      ['instance_id = "i-doesnotexist000000000"', /Instance Not Found[\s\S]*does not exist in region cn-hangzhou/],
      [`snapshot_id = "${OLD_SNAPSHOT}"`, /Snapshot Too Old[\s\S]*2013-07-15/],
    ];
    for (const [body, message] of cases) {
      const ws = h.workspace(imageTf('bad', body));
      h.proxy.reset();
      const r = await tf(ws, ['apply', '-auto-approve'], 1);
      assert.match(r.stderr, message);
      assert.ok(!h.proxy.actions.includes('CreateImage'), `no CreateImage for ${body}: ${h.proxy.actions}`);
      const state = await ws.state();
      assert.equal(state.values, undefined, 'nothing is saved in state');
    }
  });

  test('a create that fails in the cloud keeps the image id in state as tainted, and the next apply replaces it', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(imageTf('failing', `instance_id = "${STOPPED_INSTANCE}"\ndescription = "emulator:fail on purpose"`));
    const r = await tf(ws, ['apply', '-auto-approve'], 1);
    assert.match(r.stderr, /Image Creation Failed/);
    assert.match(r.stderr, /CreateFailed/);
    const shown = await ws.run(['state', 'show', '-no-color', 'alicloud_image.failing']);
    assert.match(shown.stdout, /# alicloud_image\.failing: \(tainted\)/);
    const id = /id\s+=\s+"(m-[a-z0-9]+)"/.exec(shown.stdout)?.[1];
    assert.ok(id, shown.stdout);
    assert.equal((await describeImage(h.client, id))?.Status, 'CreateFailed');

    ws.writeFile('main.tf', imageTf('failing', `instance_id = "${STOPPED_INSTANCE}"\ndescription = "works now"`));
    const plan = await tf(ws, ['plan']);
    assert.match(plan.stdout, /is tainted, so must be replaced/);
    await applyClean(ws);
    assert.equal(await describeImage(h.client, id), undefined, 'the failed image was deleted by the replacement');
    await tf(ws, ['destroy', '-auto-approve']);
  });

  test('destroy of an image used by an instance fails without force, names force, and succeeds with force = true', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(
      imageTf('used', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-in-use"\ndelete_auto_snapshot = true`),
    );
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.used'))!;
    const image = await describeImage(h.client, v.id);
    const snaps = image!.DiskDeviceMappings.DiskDeviceMapping.map((m) => m.SnapshotId);
    assert.ok(snaps.length >= 1);
    updateInstance(h.emu.db, STOPPED_INSTANCE, { imageId: v.id });

    const r = await tf(ws, ['destroy', '-auto-approve'], 1);
    assert.match(r.stderr, /ImageUsingByInstance/);
    assert.match(r.stderr, /force = true/);
    assert.ok(await describeImage(h.client, v.id), 'the image is still there');

    ws.writeFile(
      'main.tf',
      imageTf('used', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "tf-acc-in-use"\ndelete_auto_snapshot = true\nforce = true`),
    );
    await applyClean(ws);
    await tf(ws, ['destroy', '-auto-approve']);
    assert.equal(await describeImage(h.client, v.id), undefined);
    const left = await describeSnapshots(h.client, { SnapshotIds: snaps });
    assert.deepEqual(
      left.snapshots.map((s) => s.SnapshotId),
      [],
      'delete_auto_snapshot removed the snapshots made for the image',
    );
  });
});
