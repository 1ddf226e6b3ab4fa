/**
 * Acceptance (real terraform, in-process emulator): alicloud_instance stops and starts through
 * `status`, updates name/bandwidth/tags/deletion protection and instance type/image/system disk size in place, honours deletion protection
 * on destroy, imports cleanly, refuses bad input at validate time, and replaces the instance on a new
 * image_id only under the provider feature `ecs_instance.replace_on_image_update`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeInstanceDetail, stopInstance, waitInstanceStatus } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { applyClean, resourceValues, tf } from './image-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const hcl = (cidr: string, instanceBody: string, groups = '[alicloud_security_group.g.id]') => `
data "alicloud_zones" "z" {
  available_resource_creation = "Instance"
}
data "alicloud_images" "u" {
  name_regex   = "^ubuntu"
  owners       = "system"
  architecture = "x86_64"
  most_recent  = true
}
data "alicloud_instance_types" "t" {
  availability_zone = data.alicloud_zones.z.zones[0].id
  cpu_core_count    = 2
  memory_size       = 4
}
resource "alicloud_vpc" "v" {
  cidr_block = "${cidr}"
}
resource "alicloud_vswitch" "s" {
  vpc_id     = alicloud_vpc.v.id
  cidr_block = "${cidr}"
  zone_id    = data.alicloud_zones.z.zones[0].id
}
resource "alicloud_security_group" "g" {
  vpc_id = alicloud_vpc.v.id
}
resource "alicloud_security_group" "g2" {
  security_group_name = "second"
  vpc_id              = alicloud_vpc.v.id
}
resource "alicloud_instance" "i" {
  availability_zone = data.alicloud_zones.z.zones[0].id
  image_id          = data.alicloud_images.u.ids[0]
  instance_type     = data.alicloud_instance_types.t.ids[0]
  security_groups   = ${groups}
  vswitch_id        = alicloud_vswitch.s.id
${instanceBody}
}
`;

test('status, name, bandwidth, tags and deletion protection update in place on the same instance', { timeout: 300_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(h, hcl('10.7.0.0/24', '  instance_name = "vm-a"\n  password = "Passw0rd!"\n  user_data = "echo one"'));
  await applyClean(ws);
  const first = await resourceValues(ws, 'alicloud_instance.i');
  assert.deepEqual(
    [first?.status, first?.instance_name, first?.internet_max_bandwidth_out, first?.system_disk_category],
    ['Running', 'vm-a', 0, 'cloud_efficiency'],
  );
  assert.match(first?.private_ip, /^10\.7\.0\./);

  ws.writeFile(
    'main.tf',
    hcl(
      '10.7.0.0/24',
      '  instance_name = "vm-b"\n  password = "Passw0rd!"\n  user_data = "echo two"\n  status = "Stopped"\n  internet_max_bandwidth_out = 5\n  deletion_protection = true\n  tags = { role = "web" }',
      '[alicloud_security_group.g.id, alicloud_security_group.g2.id]',
    ),
  );
  await applyClean(ws);
  const second = await resourceValues(ws, 'alicloud_instance.i');
  assert.equal(second?.user_data, 'echo two');
  assert.deepEqual(
    [second?.id, second?.status, second?.instance_name, second?.internet_max_bandwidth_out, second?.deletion_protection, second?.tags],
    [first?.id, 'Stopped', 'vm-b', 5, true, { role: 'web' }],
  );
  assert.equal((await describeInstanceDetail(h.client, first!.id))?.Status, 'Stopped');
  const groups = [
    (await resourceValues(ws, 'alicloud_security_group.g'))!.id,
    (await resourceValues(ws, 'alicloud_security_group.g2'))!.id,
  ].sort();
  assert.deepEqual([...second!.security_groups].sort(), groups);
  assert.deepEqual([...(await describeInstanceDetail(h.client, first!.id))!.SecurityGroupIds].sort(), groups);

  const refused = await ws.run(['destroy', '-auto-approve', '-no-color']);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stdout + refused.stderr, /deletion_protection = true/);

  ws.writeFile('main.tf', hcl('10.7.0.0/24', '  instance_name = "vm-b"\n  password = "Passw0rd!"\n  status = "Running"\n  tags = {}'));
  await applyClean(ws);
  const third = await resourceValues(ws, 'alicloud_instance.i');
  assert.deepEqual(
    [third?.id, third?.status, third?.deletion_protection, third?.tags, third?.internet_max_bandwidth_out],
    [first?.id, 'Running', false, {}, 0],
  );
  await tf(ws, ['destroy', '-auto-approve']);
  assert.equal(await describeInstanceDetail(h.client, first!.id), undefined);
});

test('an instance imports by id and then plans no changes', { timeout: 300_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const body = '  instance_name = "imp"\n  internet_max_bandwidth_out = 10\n  status = "Running"';
  const ws = exampleWorkspace(h, hcl('10.8.0.0/24', body));
  await applyClean(ws);
  const addresses = [
    'alicloud_vpc.v',
    'alicloud_vswitch.s',
    'alicloud_security_group.g',
    'alicloud_security_group.g2',
    'alicloud_instance.i',
  ];
  const fresh = exampleWorkspace(h, hcl('10.8.0.0/24', body));
  for (const a of addresses) await tf(fresh, ['import', a, (await resourceValues(ws, a))!.id]);
  const imported = await resourceValues(fresh, 'alicloud_instance.i');
  assert.equal(imported?.instance_name, 'imp');
  assert.equal(imported?.public_ip !== '', true);
  const plan = await fresh.run(['plan', '-no-color', '-detailed-exitcode']);
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);

  // Drift: with status = "Running" in config, an instance stopped outside Terraform is started again, in place.
  await stopInstance(h.client, imported!.id);
  await waitInstanceStatus(h.client, imported!.id, 'Stopped', { timeoutMs: 30_000 });
  const drift = await ws.run(['plan', '-no-color', '-detailed-exitcode']);
  assert.equal(drift.code, 2, drift.stdout + drift.stderr);
  assert.match(drift.stdout, /"Stopped" -> "Running"/);
  assert.match(drift.stdout, /0 to add, 1 to change, 0 to destroy/);
  await applyClean(ws);
  assert.equal((await describeInstanceDetail(h.client, imported!.id))?.Status, 'Running');
  await tf(ws, ['destroy', '-auto-approve']);
});

test('validate refuses a weak password, a bad status and a bandwidth above 100', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(
    h,
    `
resource "alicloud_instance" "i" {
  image_id                   = "ubuntu"
  instance_type              = "ecs.g6.large"
  security_groups            = ["sg-1"]
  password                   = "password"
  status                     = "Paused"
  internet_max_bandwidth_out = 200
}
`,
  );
  const r = await ws.run(['validate', '-no-color']);
  assert.equal(r.code, 1);
  const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
  assert.match(out, /password must mix at least three of upper-case letters/);
  assert.match(out, /status must be one of "Running", "Stopped", got "Paused"/);
  assert.match(out, /internet_max_bandwidth_out must be between 0 and 100, got 200/);
});

test(
  'a create that times out waiting for Running keeps the instance in state as tainted, and the next apply replaces it',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h, hcl('10.9.0.0/24', '  timeouts {\n    create = "1ms"\n  }'));
    const failed = await ws.run(['apply', '-auto-approve', '-no-color']);
    assert.notEqual(failed.code, 0);
    assert.match(failed.stdout + failed.stderr, /kept in state as tainted/);
    const state = await ws.state();
    const tainted = (state.values.root_module.resources as { address: string; tainted?: boolean; values: { id: string } }[]).find(
      (r) => r.address === 'alicloud_instance.i',
    );
    assert.equal(tainted?.tainted, true);
    assert.match(tainted!.values.id, /^i-/);
    assert.ok(await describeInstanceDetail(h.client, tainted!.values.id), 'the instance exists in the cloud');

    ws.writeFile('main.tf', hcl('10.9.0.0/24', ''));
    const plan = await ws.run(['plan', '-no-color']);
    assert.match(plan.stdout, /alicloud_instance\.i is tainted, so must be replaced/);
    await applyClean(ws);
    const replaced = await resourceValues(ws, 'alicloud_instance.i');
    assert.notEqual(replaced?.id, tainted!.values.id);
    assert.equal(await describeInstanceDetail(h.client, tainted!.values.id), undefined);
    await tf(ws, ['destroy', '-auto-approve']);
  },
);

test(
  'instance_type, image_id and system_disk_size change in place on the same running instance, and the plan is clean afterwards',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const cfg = (type: string, image: string, size: number, more = '') =>
      hcl('10.10.0.0/24', `  instance_name = "spec"\n  system_disk_size = ${size}${more}`)
        .replace('data.alicloud_instance_types.t.ids[0]', `"${type}"`)
        .replace('data.alicloud_images.u.ids[0]', `"${image}"`);
    const ws = exampleWorkspace(h, cfg('ecs.g7.large', 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', 40));
    await applyClean(ws);
    const first = await resourceValues(ws, 'alicloud_instance.i');
    assert.deepEqual([first?.instance_type, first?.system_disk_size, first?.status, first?.cpu], ['ecs.g7.large', 40, 'Running', 2]);

    ws.writeFile('main.tf', cfg('ecs.g7.xlarge', 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', 60));
    const plan = await ws.run(['plan', '-no-color']);
    assert.match(plan.stdout, /will be updated in-place/);
    assert.match(plan.stdout, /0 to add, 1 to change, 0 to destroy/);
    await applyClean(ws);
    const second = await resourceValues(ws, 'alicloud_instance.i');
    assert.deepEqual(
      [second?.id, second?.instance_type, second?.cpu, second?.system_disk_size, second?.status],
      [first?.id, 'ecs.g7.xlarge', 4, 60, 'Running'],
    );

    ws.writeFile('main.tf', cfg('ecs.g7.xlarge', 'debian_12_4_x64_20G_alibase_20240101.vhd', 60));
    await applyClean(ws);
    const third = await resourceValues(ws, 'alicloud_instance.i');
    assert.deepEqual(
      [third?.id, third?.image_id, third?.system_disk_size, third?.status],
      [first?.id, 'debian_12_4_x64_20G_alibase_20240101.vhd', 60, 'Running'],
    );
    assert.match(third?.os_name, /Debian/);
    assert.equal((await describeInstanceDetail(h.client, first!.id))?.Status, 'Running');

    // To a burstable type with its performance mode in one apply: the mode is set once the type is burstable.
    ws.writeFile(
      'main.tf',
      cfg('ecs.t6-c1m2.large', 'debian_12_4_x64_20G_alibase_20240101.vhd', 60, '\n  credit_specification = "Unlimited"'),
    );
    await applyClean(ws);
    const burstable = await resourceValues(ws, 'alicloud_instance.i');
    assert.deepEqual(
      [burstable?.id, burstable?.instance_type, burstable?.credit_specification, burstable?.status],
      [first?.id, 'ecs.t6-c1m2.large', 'Unlimited', 'Running'],
    );
    assert.equal((await describeInstanceDetail(h.client, first!.id))?.CreditSpecification, 'Unlimited');

    ws.writeFile('main.tf', cfg('ecs.g7.xlarge', 'debian_12_4_x64_20G_alibase_20240101.vhd', 50));
    const shrink = await ws.run(['plan', '-no-color']);
    assert.notEqual(shrink.code, 0);
    assert.match(shrink.stdout + shrink.stderr, /system_disk_size can only grow/);
    ws.writeFile('main.tf', cfg('ecs.g7.xlarge', 'debian_12_4_x64_20G_alibase_20240101.vhd', 60));
    await tf(ws, ['destroy', '-auto-approve']);
  },
);

test(
  'with features { ecs_instance { replace_on_image_update = true } } a new image_id plans a replacement; without it, an in-place update',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const cfg = (image: string) => hcl('10.11.0.0/24', '  instance_name = "feat"').replace('data.alicloud_images.u.ids[0]', `"${image}"`);
    const withFeature = (on: boolean) =>
      h.fullProviderBlock.replace(/\}\n$/, `  features {\n    ecs_instance {\n      replace_on_image_update = ${on}\n    }\n  }\n}\n`);
    const ws = exampleWorkspace(h, cfg('ubuntu_22_04_x64_20G_alibase_20240101.vhd'));
    ws.writeFile('provider.tf', withFeature(true));
    await applyClean(ws);
    const first = await resourceValues(ws, 'alicloud_instance.i');

    ws.writeFile('main.tf', cfg('debian_12_4_x64_20G_alibase_20240101.vhd'));
    const replace = await ws.run(['plan', '-no-color']);
    assert.match(replace.stdout, /alicloud_instance\.i must be replaced/);
    assert.match(
      replace.stdout,
      /image_id\s+= "ubuntu_22_04_x64_20G_alibase_20240101\.vhd" -> "debian_12_4_x64_20G_alibase_20240101\.vhd" # forces replacement/,
    );
    assert.match(replace.stdout, /1 to add, 0 to change, 1 to destroy/);

    ws.writeFile('provider.tf', withFeature(false));
    const inPlace = await ws.run(['plan', '-no-color']);
    assert.match(inPlace.stdout, /alicloud_instance\.i will be updated in-place/);
    assert.match(inPlace.stdout, /0 to add, 1 to change, 0 to destroy/);

    ws.writeFile('provider.tf', withFeature(true));
    await applyClean(ws);
    const second = await resourceValues(ws, 'alicloud_instance.i');
    assert.notEqual(second?.id, first?.id);
    assert.equal(second?.image_id, 'debian_12_4_x64_20G_alibase_20240101.vhd');
    assert.equal(await describeInstanceDetail(h.client, first!.id), undefined);
    await tf(ws, ['destroy', '-auto-approve']);
  },
);
