/**
 * Acceptance (real terraform, in-process emulator): every filter of `alicloud_instance_types` and
 * `alicloud_zones` changes the result the way the API answers it (spot capacity, GPU model, ENI
 * addresses, image support, Kubernetes role, system disk, price order), and filters no zone
 * satisfies (classic network, outdated types) fail the read with a clear error; `alicloud_instances`
 * by RAM role with roles and disks, and resource groups with region statuses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { tf } from './image-harness.js';
import { seedInstanceId } from '../emulator/instances/seed-ids.js';
import { SEEDED_ROLE } from '../emulator/ram/index.js';
import { attachInstanceRamRoleSpec } from '../spec/ecs/instance-ram-roles.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const hcl = `
data "alicloud_instance_types" "sn1ne" {
  instance_type_family = "ecs.sn1ne"
}
data "alicloud_instance_types" "sn1ne_spot" {
  instance_type_family = "ecs.sn1ne"
  spot_strategy        = "SpotAsPriceGo"
}
data "alicloud_instance_types" "c6_spot" {
  instance_type_family = "ecs.c6"
  spot_strategy        = "SpotAsPriceGo"
}
data "alicloud_instance_types" "sn1ne_ipv6" {
  instance_type_family              = "ecs.sn1ne"
  minimum_eni_ipv6_address_quantity = 1
}
data "alicloud_instance_types" "a10" {
  gpu_spec = "NVIDIA A10"
}
data "alicloud_instance_types" "a10_master" {
  gpu_spec             = "NVIDIA A10"
  kubernetes_node_role = "Master"
}
data "alicloud_instance_types" "t6_worker" {
  instance_type_family = "ecs.t6"
  kubernetes_node_role = "Worker"
}
data "alicloud_instance_types" "arm_image" {
  image_id = "ubuntu_22_04_arm64_20G_alibase_20240101.vhd"
}
data "alicloud_instance_types" "essd" {
  instance_type_family = "ecs.g6"
  system_disk_category = "cloud_essd"
  sorted_by            = "Price"
}
data "alicloud_instance_types" "d1ne" {
  instance_type = "ecs.d1ne.2xlarge"
}
data "alicloud_zones" "spot" {
  spot_strategy = "SpotAsPriceGo"
}
data "alicloud_zones" "any_disk" {
  available_disk_category = "all"
  network_type            = "Vpc"
}
output "sn1ne" { value = data.alicloud_instance_types.sn1ne.ids }
output "sn1ne_spot" { value = data.alicloud_instance_types.sn1ne_spot.ids }
output "c6_spot_zones" { value = data.alicloud_instance_types.c6_spot.instance_types[0].availability_zones }
output "sn1ne_ipv6" { value = data.alicloud_instance_types.sn1ne_ipv6.ids }
output "a10" { value = data.alicloud_instance_types.a10.instance_types[*].gpu }
output "a10_master" { value = data.alicloud_instance_types.a10_master.ids }
output "t6_worker" { value = data.alicloud_instance_types.t6_worker.ids }
output "arm_image" { value = data.alicloud_instance_types.arm_image.ids }
output "essd" { value = data.alicloud_instance_types.essd.instance_types[0] }
output "d1ne" { value = data.alicloud_instance_types.d1ne.instance_types[0].local_storage }
output "spot_zones" { value = data.alicloud_zones.spot.ids }
output "any_disk_zones" { value = data.alicloud_zones.any_disk.ids }
`;

test('instance type and zone filters change the result as the emulated API answers them', { timeout: 150_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(h, hcl);
  await tf(ws, ['apply', '-auto-approve']);
  const out = JSON.parse((await tf(ws, ['output', '-json'])).stdout) as Record<string, { value: any }>;
  const v = (k: string) => out[k]!.value;
  const zones = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'];
  assert.equal(v('sn1ne').length, 7);
  assert.deepEqual(v('sn1ne_spot'), []);
  assert.deepEqual(v('c6_spot_zones'), zones.slice(1));
  assert.deepEqual(v('sn1ne_ipv6'), []);
  assert.deepEqual(v('a10'), [
    { amount: '1', category: 'NVIDIA A10' },
    { amount: '1', category: 'NVIDIA A10' },
    { amount: '1', category: 'NVIDIA A10' },
  ]);
  assert.deepEqual(v('a10_master'), []);
  assert.deepEqual(v('t6_worker'), ['ecs.t6-c1m2.large', 'ecs.t6-c1m4.large']);
  assert.deepEqual(v('arm_image'), []);
  assert.equal(v('essd').id, 'ecs.g6.large');
  assert.equal(v('essd').price, '0.3800');
  assert.deepEqual([v('essd').eni_quantity, v('essd').eni_ipv6_address_quantity, v('essd').primary_eni_queue_number], [3, 8, 2]);
  assert.deepEqual(v('d1ne'), { capacity: '5500', amount: '4', category: 'local_hdd_pro' });
  assert.deepEqual(v('spot_zones'), zones.slice(1));
  assert.deepEqual(v('any_disk_zones'), zones);
});

test('a classic network or outdated types find no zone, and the read says which filters to relax', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(
    h,
    `
data "alicloud_instance_types" "classic" {
  network_type = "Classic"
}
data "alicloud_instance_types" "outdated" {
  is_outdated = true
}
data "alicloud_zones" "classic" {
  network_type = "Classic"
}
`,
  );
  const r = await ws.run(['plan', '-no-color']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const text = (r.stdout + r.stderr).replace(/\s+/g, ' ');
  assert.equal(text.match(/No Zone Offers Instance Types/g)?.length, 2, text);
  assert.match(text, /No Zone Available/);
  assert.match(text, /is_outdated, network_type, spot_strategy/);
});

test(
  'alicloud_instances filters by RAM role and reports roles and disks; resource groups report region statuses with details',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const running = seedInstanceId(h.account, 'running');
    await h.client.call(attachInstanceRamRoleSpec, { RegionId: 'cn-hangzhou', InstanceIds: [running], RamRoleName: SEEDED_ROLE });
    const ws = exampleWorkspace(
      h,
      `
data "alicloud_instances" "with_role" {
  ram_role_name = "${SEEDED_ROLE}"
}
data "alicloud_instances" "no_details" {
  ids            = ["${running}"]
  enable_details = false
}
data "alicloud_resource_manager_resource_groups" "details" {
  name_regex     = "^default$"
  enable_details = true
}
output "with_role" { value = data.alicloud_instances.with_role.instances }
output "no_details" { value = data.alicloud_instances.no_details.instances[0] }
output "regions" { value = data.alicloud_resource_manager_resource_groups.details.groups[0].region_statuses }
`,
    );
    await tf(ws, ['apply', '-auto-approve']);
    const out = JSON.parse((await tf(ws, ['output', '-json'])).stdout) as Record<string, { value: any }>;
    const withRole = out.with_role!.value as {
      id: string;
      ram_role_name: string;
      disk_device_mappings: { type: string; disk_id: string }[];
    }[];
    assert.deepEqual(
      withRole.map((i) => [i.id, i.ram_role_name]),
      [[running, SEEDED_ROLE]],
    );
    assert.ok(
      withRole[0]!.disk_device_mappings.some((d) => d.type === 'system' && d.disk_id.startsWith('d-')),
      JSON.stringify(withRole[0]),
    );
    assert.deepEqual([out.no_details!.value.ram_role_name, out.no_details!.value.disk_device_mappings], ['', []]);
    assert.deepEqual(out.regions!.value, [{ region_id: 'cn-hangzhou', status: 'OK' }]);
  },
);
