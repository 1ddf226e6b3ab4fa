/**
 * alicloud_image with the real terraform against the emulator: create from an instance,
 * every in-place update (each followed by an empty plan), tags added/changed/removed,
 * resource group moved, and the replacements (image_version, architecture, platform).
 * The official acceptance steps (anchor A9) in one sequential scenario.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImage } from '../ecs/index.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { GROUP, RUNNING_INSTANCE, applyClean, imageTf, resourceValues, startHarness, tf, type Harness } from './image-harness.js';
import type { TerraformWorkspace } from '../testing/terraform.js';

describe('alicloud_image lifecycle through terraform', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  let ws: TerraformWorkspace;
  before(async () => {
    h = await startHarness(1);
    ws = h.workspace('');
  });
  after(() => h?.stop());

  const write = (body: string) => ws.writeFile('main.tf', imageTf('default', body));
  const values = async () => (await resourceValues(ws, 'alicloud_image.default'))!;

  test('creates an image from an instance with every in-place argument, and a plan right after is empty', async (t) => {
    if (skipUnlessTerraform(t)) return;
    write(`
      instance_id       = "${RUNNING_INSTANCE}"
      image_name        = "tf-acc-lifecycle"
      description       = "create"
      platform          = "Ubuntu"
      resource_group_id = "${GROUP.default}"
      tags = { Created = "TF", For = "Test" }
    `);
    await applyClean(ws);
    const v = await values();
    assert.match(v.id, /^m-/);
    assert.equal(v.image_name, 'tf-acc-lifecycle');
    assert.equal(v.name, 'tf-acc-lifecycle');
    assert.equal(v.description, 'create');
    assert.equal(v.platform, 'Ubuntu');
    assert.equal(v.architecture, 'x86_64');
    assert.equal(v.status, 'Available');
    assert.equal(v.usable, true);
    assert.deepEqual(v.tags, { Created: 'TF', For: 'Test' });
    const image = await describeImage(h.client, v.id);
    assert.deepEqual(
      v.disk_device_mapping.map((m: { snapshot_id: string }) => m.snapshot_id),
      image!.DiskDeviceMappings.DiskDeviceMapping.map((m) => m.SnapshotId),
      'unwritten mapping blocks are filled from the API (Optional+Computed)',
    );
    assert.equal(image?.ResourceGroupId, GROUP.default);
  });

  test('updates description, image_name, image_family, boot_mode and license_type in place with the same image id', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const id = (await values()).id;
    write(`
      instance_id       = "${RUNNING_INSTANCE}"
      image_name        = "tf-acc-lifecycle-update"
      description       = "test-aaaa"
      platform          = "Ubuntu"
      image_family      = "test-tf"
      boot_mode         = "UEFI"
      license_type      = "BYOL"
      resource_group_id = "${GROUP.default}"
      tags = { Created = "TF", For = "Test" }
    `);
    const r = await applyClean(ws);
    assert.match(r.stdout, /0 added, 1 changed, 0 destroyed/);
    const v = await values();
    assert.equal(v.id, id);
    assert.equal(v.image_name, 'tf-acc-lifecycle-update');
    assert.equal(v.description, 'test-aaaa');
    assert.equal(v.image_family, 'test-tf');
    assert.equal(v.boot_mode, 'UEFI');
    assert.equal(v.license_type, 'BYOL');
    const image = await describeImage(h.client, id);
    assert.equal(image?.ImageName, 'tf-acc-lifecycle-update');
    assert.equal(image?.BootMode, 'UEFI');
  });

  test('renames through the deprecated name argument and warns about it', async (t) => {
    if (skipUnlessTerraform(t)) return;
    write(`
      instance_id       = "${RUNNING_INSTANCE}"
      name              = "tf-acc-lifecycle-by-name"
      description       = "test-aaaa"
      image_family      = "test-tf"
      resource_group_id = "${GROUP.default}"
      tags = { Created = "TF", For = "Test" }
    `);
    const r = await applyClean(ws);
    assert.match(r.stdout + r.stderr, /deprecated/i);
    const v = await values();
    assert.equal(v.image_name, 'tf-acc-lifecycle-by-name');
    assert.equal(v.name, 'tf-acc-lifecycle-by-name');
    assert.equal(v.boot_mode, 'UEFI', 'boot_mode left out keeps the cloud value');
  });

  test('changes and removes tags with a minimal diff, moves the resource group, and keeps the description when it is removed', async (t) => {
    if (skipUnlessTerraform(t)) return;
    write(`
      instance_id       = "${RUNNING_INSTANCE}"
      image_name        = "tf-acc-lifecycle-by-name"
      resource_group_id = "${GROUP.dev}"
      tags = { Created = "TF-update", Extra = "x" }
    `);
    h.proxy.reset();
    await tf(ws, ['apply', '-auto-approve']);
    assert.ok(h.proxy.actions.includes('UntagResources'), h.proxy.actions.join(','));
    assert.ok(h.proxy.actions.includes('TagResources'));
    assert.ok(h.proxy.actions.includes('JoinResourceGroup'));
    assert.ok(!h.proxy.actions.includes('ModifyImageAttribute'), 'nothing ModifyImageAttribute covers changed');
    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    const v = await values();
    assert.deepEqual(v.tags, { Created: 'TF-update', Extra: 'x' });
    assert.equal(v.resource_group_id, GROUP.dev);
    assert.equal(v.description, 'test-aaaa', 'a removed description keeps the cloud value');

    write(`
      instance_id       = "${RUNNING_INSTANCE}"
      image_name        = "tf-acc-lifecycle-by-name"
      resource_group_id = "${GROUP.dev}"
    `);
    await applyClean(ws);
    assert.equal((await values()).tags, null);
    const image = await describeImage(h.client, v.id);
    assert.deepEqual(image?.Tags.Tag, []);
  });

  for (const [label, extra] of [
    ['image_version', 'image_version = "2"'],
    ['architecture', 'architecture = "arm64"'],
    ['platform', 'platform = "CentOS"'],
  ] as const) {
    test(`replaces the image when ${label} changes`, async (t) => {
      if (skipUnlessTerraform(t)) return;
      const before = (await values()).id;
      write(`
        instance_id       = "${RUNNING_INSTANCE}"
        image_name        = "tf-acc-lifecycle-${label.replace('_', '-')}"
        resource_group_id = "${GROUP.dev}"
        ${extra}
      `);
      const plan = await tf(ws, ['plan'], 0);
      assert.match(plan.stdout, /must be replaced/);
      assert.match(plan.stdout, new RegExp(`${label}.*# forces replacement`));
      await applyClean(ws);
      const after = (await values()).id;
      assert.notEqual(after, before);
      assert.equal(await describeImage(h.client, before), undefined, 'the old image is deleted');
    });
  }

  test('destroy deletes the image and waits until it is gone', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const id = (await values()).id;
    await tf(ws, ['destroy', '-auto-approve']);
    assert.equal(await describeImage(h.client, id), undefined);
  });
});
