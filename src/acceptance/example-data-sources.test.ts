/**
 * Acceptance (real terraform, in-process emulator): the four data sources of the seed example
 * give the values the example relies on, read the catalogue with list calls only (no per-image
 * tag calls), and a bad filter fails at validate time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { tf } from './image-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const hcl = `
data "alicloud_images" "default" {
  name_regex = "^ubuntu_[0-9]+_[0-9]+_x64*"
  owners     = "system"
}
data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.sn1ne"
}
data "alicloud_resource_manager_resource_groups" "default" {}
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}
output "image_ids" { value = data.alicloud_images.default.ids }
output "image_tags" { value = data.alicloud_images.default.images[*].tags }
output "type_ids" { value = data.alicloud_instance_types.default.ids }
output "type_zones" { value = data.alicloud_instance_types.default.instance_types[0].availability_zones }
output "group_ids" { value = data.alicloud_resource_manager_resource_groups.default.ids }
output "group_names" { value = data.alicloud_resource_manager_resource_groups.default.names }
output "zone_ids" { value = data.alicloud_zones.default.ids }
output "zone0" { value = data.alicloud_zones.default.zones[0] }
`;

test(
  'the seed data sources give ubuntu images, sn1ne types smallest first, the default group first and the region zones',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h, hcl);
    h.proxy.reset();
    await tf(ws, ['apply', '-auto-approve']);
    const out = JSON.parse((await tf(ws, ['output', '-json'])).stdout) as Record<string, { value: any }>;
    assert.ok(out.image_ids!.value.length > 0);
    for (const id of out.image_ids!.value as string[]) assert.match(id, /^ubuntu_\d+_\d+_x64/);
    assert.equal(out.type_ids!.value[0], 'ecs.sn1ne.large');
    assert.ok((out.type_ids!.value as string[]).every((x) => x.startsWith('ecs.sn1ne.')));
    assert.deepEqual(out.type_zones!.value, ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
    assert.deepEqual(out.group_names!.value, ['default', 'dev', 'prod']);
    assert.equal(out.group_ids!.value[0], `rg-default-${h.account}`);
    assert.deepEqual(out.zone_ids!.value, ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
    assert.equal(out.zone0!.value.id, 'cn-hangzhou-h');
    assert.ok(out.zone0!.value.available_resource_creation.includes('Instance'));
    const calls = new Set(h.proxy.actions);
    assert.ok(!calls.has('ListTagResources') && !calls.has('DescribeTags'), `no per-image tag calls, got ${[...calls].join(', ')}`);
    assert.ok(calls.has('DescribeImages'));
  },
);

test(
  'validate refuses an images data source without owner or name filter, and an unknown zone resource kind',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(
      h,
      `
data "alicloud_images" "x" {
  most_recent = true
}
data "alicloud_zones" "z" {
  available_resource_creation = "Database"
}
`,
    );
    const r = await ws.run(['validate', '-no-color']);
    assert.equal(r.code, 1);
    const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
    assert.match(out, /name_regex, owners, image_owner_id/);
    assert.match(out, /available_resource_creation must be one of "Instance"/);
  },
);

// Nested results are computed list(object) attributes (like the official provider's), which core plans
// as unknown when the read is deferred; as list blocks they planned as [] and zones[0] failed.
test('a zones read deferred to apply still lets plan index zones[0].id', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(
    h,
    `
resource "alicloud_vpc" "v" {
  cidr_block = "10.0.0.0/16"
}
data "alicloud_zones" "z" {
  available_resource_creation = alicloud_vpc.v.status == "Available" ? "VSwitch" : "Instance"
}
output "zone" { value = data.alicloud_zones.z.zones[0].id }
`,
  );
  const r = await ws.run(['plan', '-no-color']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /zone\s*=\s*\(known after apply\)/, r.stdout);
});
