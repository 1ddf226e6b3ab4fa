/**
 * data "alicloud_images" at the official argument set through real terraform: instance_type
 * (images that type can boot), dry_run (a checked request, no result), output_file (the result
 * list written as JSON), status defaulting to Available, and the official CreateOS name.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { startHarness, tf, type Harness } from './image-harness.js';

describe('data alicloud_images through terraform', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  test('instance_type keeps bootable images; output_file gets the list; status defaults to Available', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(`
data "alicloud_images" "x86" {
  name_regex    = "^ubuntu_[0-9]+_[0-9]+_x64*"
  most_recent   = true
  owners        = "system"
  instance_type = "ecs.g8i.large"
  output_file   = "images.json"
}
data "alicloud_images" "all" {
  owners      = "system"
  action_type = "CreateOS"
}
data "alicloud_images" "on_g8i" {
  owners        = "system"
  instance_type = "ecs.g8i.large"
}
output "id" { value = data.alicloud_images.x86.ids[0] }
output "status" { value = data.alicloud_images.x86.status }
output "all_archs" { value = distinct(data.alicloud_images.all.images[*].architecture) }
output "g8i_archs" { value = distinct(data.alicloud_images.on_g8i.images[*].architecture) }
`);
    await tf(ws, ['apply', '-auto-approve']);
    const out = JSON.parse((await tf(ws, ['output', '-json'])).stdout) as Record<string, { value: any }>;
    assert.match(out.id!.value, /^ubuntu_\d+_\d+_x64/);
    assert.equal(out.status!.value, 'Available');
    assert.ok((out.all_archs!.value as string[]).includes('arm64'), 'without instance_type, arm64 images are listed');
    assert.ok(!(out.g8i_archs!.value as string[]).includes('arm64'), 'an x86 instance type boots no arm64 image');
    const written = JSON.parse(readFileSync(join(ws.dir, 'images.json'), 'utf8')) as { id: string }[];
    assert.deepEqual(
      written.map((i) => i.id),
      [out.id!.value],
    );
  });

  test('dry_run checks the request: a good one warns and lists nothing, an unknown instance type fails', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(`
data "alicloud_images" "dry" {
  owners  = "system"
  dry_run = true
}
output "n" { value = length(data.alicloud_images.dry.ids) }
`);
    h.proxy.reset();
    const r = await tf(ws, ['apply', '-auto-approve']);
    assert.match(r.stdout + r.stderr, /Dry Run Only/);
    assert.equal(JSON.parse((await tf(ws, ['output', '-json'])).stdout).n.value, 0);
    assert.deepEqual(h.proxy.actions.filter((a) => a === 'DescribeImages').length, 1, 'the dry run is one request');

    ws.writeFile('main.tf', `data "alicloud_images" "bad" {\n  owners = "system"\n  instance_type = "ecs.nope.large"\n}\n`);
    const bad = await ws.run(['plan', '-no-color']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /InvalidInstanceType\.ValueNotSupported/);
  });
});
