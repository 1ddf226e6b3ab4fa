/**
 * Acceptance (real terraform, in-process emulator with its OSS endpoint): `alicloud_image_import`
 * makes an image from an object put with Alibaba's OSS client, renames it in place and imports
 * back; `alicloud_image_export` writes the image to a bucket, checked with the OSS client, and
 * its destroy deletes the object. A missing object fails with a diagnostic that names it; a
 * mapping without an object fails at validation, before any API call.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeImage } from '../ecs/index.js';
import { ossClient, ossErrorCode } from '../emulator/test-support/oss-client.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, runSteps } from './steps-harness.js';
import { tf } from './image-harness.js';

let h: ExampleHarness;
useExampleHarness(async (started) => {
  h = started;
  const oss = ossClient(h.emu.endpoint, { bucket: 'tf-acc-images' });
  await oss.putBucket('tf-acc-images');
  await oss.put('golden/system.qcow2', Buffer.from('QFI\xfb golden system disk', 'latin1'));
  await oss.putBucket('tf-acc-exports');
});

const imported = (name: string, description: string) => `
resource "alicloud_image_import" "default" {
  image_name   = "${name}"
  description  = "${description}"
  platform     = "Ubuntu"
  license_type = "Auto"

  disk_device_mapping {
    oss_bucket      = "tf-acc-images"
    oss_object      = "golden/system.qcow2"
    format          = "qcow2"
    disk_image_size = 20
  }
}
`;

const exported = `
resource "alicloud_image_export" "default" {
  image_id   = alicloud_image_import.default.id
  oss_bucket = "tf-acc-exports"
  oss_prefix = "golden"
}
`;

test(
  'imports an image from an OSS object, renames it in place, exports it to a bucket; destroy deletes the object and the image',
  { timeout: 180_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(
      h,
      [
        {
          name: 'import from the object',
          config: imported('tf-acc-imported', 'from OSS'),
          expect: {
            'alicloud_image_import.default': {
              image_name: 'tf-acc-imported',
              description: 'from OSS',
              architecture: 'x86_64',
              os_type: 'linux',
              platform: 'Ubuntu',
              boot_mode: 'BIOS',
              license_type: 'Auto',
              disk_device_mapping: [
                {
                  oss_bucket: 'tf-acc-images',
                  oss_object: 'golden/system.qcow2',
                  format: 'qcow2',
                  device: '/dev/xvda',
                  disk_image_size: 20,
                },
              ],
            },
          },
        },
        {
          name: 'rename in place',
          config: imported('tf-acc-renamed', 'renamed'),
          expect: { 'alicloud_image_import.default': { image_name: 'tf-acc-renamed', description: 'renamed' } },
          sameIdAs: ['alicloud_image_import.default'],
        },
        {
          name: 'export to a bucket',
          config: imported('tf-acc-renamed', 'renamed') + exported,
          expect: { 'alicloud_image_export.default': { oss_bucket: 'tf-acc-exports', oss_prefix: 'golden' } },
          sameIdAs: ['alicloud_image_import.default'],
        },
      ],
      h.fullProviderBlock,
    );
    const imageId = (await run.values('alicloud_image_import.default')).id as string;
    assert.equal((await run.values('alicloud_image_export.default')).id, imageId);
    const img = await describeImage(h.client, imageId);
    assert.equal(img?.Status, 'Available');
    const key = `golden_${imageId}_system.raw.tar.gz`;
    const exportsBucket = ossClient(h.emu.endpoint, { bucket: 'tf-acc-exports' });
    const obj = await exportsBucket.get(key);
    assert.match(obj.content.toString(), new RegExp(`image: ${imageId}`));

    await importVerify(h, run, 'alicloud_image_import.default', [], h.fullProviderBlock);
    const again = exampleWorkspace(h, imported('tf-acc-renamed', 'renamed') + exported);
    await tf(again, ['import', 'alicloud_image_export.default', `${imageId}:tf-acc-exports:golden`]);
    const back = (await again.state()).values.root_module.resources.find(
      (r: { address: string }) => r.address === 'alicloud_image_export.default',
    );
    assert.deepEqual(back?.values, { id: imageId, image_id: imageId, oss_bucket: 'tf-acc-exports', oss_prefix: 'golden', timeouts: null });
    await destroySteps(run);
    assert.equal((await ossErrorCode(exportsBucket.get(key))).code, 'NoSuchKey', 'destroy deletes the exported object');
    assert.equal(await describeImage(h.client, imageId), undefined, 'destroy deletes the imported image');
    const source = await ossClient(h.emu.endpoint, { bucket: 'tf-acc-images' }).head('golden/system.qcow2');
    assert.equal(source.status, 200, 'the source object stays');
  },
);

test(
  'a missing object fails with a diagnostic naming it; a mapping without an object fails before any API call',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const missing = exampleWorkspace(
      h,
      `
resource "alicloud_image_import" "missing" {
  disk_device_mapping {
    oss_bucket = "tf-acc-images"
    oss_object = "golden/absent.qcow2"
  }
}
`,
    );
    const failed = await missing.run(['apply', '-auto-approve', '-no-color']);
    assert.notEqual(failed.code, 0);
    const out = failed.stdout + failed.stderr;
    assert.match(out, /Cannot Import Image/);
    assert.match(out, /InvalidOSSObject\.NotFound/);
    assert.match(out, /golden\/absent\.qcow2/);
    assert.match(out, /disk_device_mapping/);
    const state = await missing.state();
    assert.equal(state.values?.root_module?.resources?.length ?? 0, 0, 'nothing is kept in state');

    h.proxy.reset();
    const invalid = exampleWorkspace(
      h,
      `
resource "alicloud_image_import" "invalid" {
  disk_device_mapping {
    oss_bucket = "tf-acc-images"
  }
}
`,
    );
    const refused = await invalid.run(['plan', '-no-color']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stdout + refused.stderr, /disk_device_mapping\[0\]\.oss_object is required/);
    assert.deepEqual(
      h.proxy.actions.filter((a) => a === 'ImportImage'),
      [],
      'no ImportImage was sent',
    );
  },
);
