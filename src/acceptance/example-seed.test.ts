/**
 * Acceptance: the seed example (examples/seed/main.tf) runs end to end with the real terraform
 * against an in-process emulator: apply, every resource and data source in state, an empty plan
 * right after, and destroy leaves no VPC, vSwitch, security group, instance or custom image.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeAllVpcs, describeImages, describeInstances } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, SEED_EXAMPLE_ADDRESSES, stateAddresses, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { applyClean, resourceValues, tf } from './image-harness.js';

const seedTf = readFileSync(findUp('examples/seed/main.tf'), 'utf8');

/** The file at `rel` in the nearest folder above the compiled test that has it (the repo root). */
function findUp(rel: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, rel)) && existsSync(join(dir, 'package.json'))) return join(dir, rel);
    if (dirname(dir) === dir) throw new Error(`${rel} not found above ${fileURLToPath(import.meta.url)}`);
  }
}

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

test('the seed example applies, plans clean, and destroys everything it created', { timeout: 300_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(h, seedTf);
  await applyClean(ws);

  assert.deepEqual(await stateAddresses(ws), SEED_EXAMPLE_ADDRESSES);
  const vpc = await resourceValues(ws, 'alicloud_vpc.default');
  assert.equal(vpc?.status, 'Available');
  assert.equal(vpc?.cidr_block, '172.17.3.0/24');
  assert.equal(vpc?.vpc_name, 'terraform-example');
  assert.match(vpc?.router_id, /^vrt-/);
  const vsw = await resourceValues(ws, 'alicloud_vswitch.default');
  assert.equal(vsw?.status, 'Available');
  assert.equal(vsw?.vpc_id, vpc?.id);
  assert.equal(vsw?.zone_id, 'cn-hangzhou-h');
  const sg = await resourceValues(ws, 'alicloud_security_group.default');
  assert.equal(sg?.name, 'terraform-example');
  assert.equal(sg?.security_group_name, 'terraform-example');
  assert.equal(sg?.vpc_id, vpc?.id);
  const inst = await resourceValues(ws, 'alicloud_instance.default');
  assert.equal(inst?.status, 'Running');
  assert.equal(inst?.instance_type, 'ecs.sn1ne.large');
  assert.deepEqual(inst?.security_groups, [sg?.id]);
  assert.equal(inst?.vswitch_id, vsw?.id);
  assert.match(inst?.image_id, /^ubuntu_/);
  const image = await resourceValues(ws, 'alicloud_image.default');
  assert.equal(image?.instance_id, inst?.id);
  assert.equal(image?.resource_group_id, `rg-default-${h.account}`);

  await tf(ws, ['destroy', '-auto-approve']);
  assert.deepEqual(
    (await describeAllVpcs(h.client)).filter((v) => !v.IsDefault).map((v) => v.VpcId),
    [],
    'only the seeded default VPC remains',
  );
  assert.deepEqual((await describeInstances(h.client, { InstanceIds: [inst!.id] })).instances, []);
  assert.deepEqual(
    (await describeImages(h.client, { ImageOwnerAlias: 'self', Status: ['ALL'] })).images
      .map((i) => i.ImageId)
      .filter((id) => id === image?.id),
    [],
  );
});

/**
 * The seed's HCL with the instance moved to a second vSwitch (the VPC widened in place to make
 * room), a fixed private IP, bandwidth billing and a subscription: every change the official
 * provider makes in place.
 */
function seedMoved(chargeType: 'PrePaid' | 'PostPaid'): string {
  const widened = seedTf.replace(/(resource "alicloud_vpc" "default" \{\n\s*cidr_block\s*=\s*)"172\.17\.3\.0\/24"/, '$1"172.17.0.0/16"');
  const moved = widened.replace(
    /vswitch_id(\s*)= alicloud_vswitch\.default\.id/,
    `vswitch_id$1= alicloud_vswitch.second.id
  private_ip           = "172.17.4.10"
  internet_charge_type = "PayByBandwidth"
  instance_charge_type = "${chargeType}"
  period               = 1`,
  );
  assert.notEqual(moved, widened, 'the seed instance has a vswitch_id line to change');
  assert.notEqual(widened, seedTf, 'the seed VPC has the expected cidr_block');
  return `${moved}
resource "alicloud_vswitch" "second" {
  cidr_block   = "172.17.4.0/24"
  vpc_id       = alicloud_vpc.default.id
  vswitch_name = "terraform-example-second"
  zone_id      = data.alicloud_zones.default.zones[0].id
}
`;
}

test(
  'the seed instance changes billing, traffic billing, vSwitch and private IP in place, keeping the instance and the image made from it',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h, seedTf);
    await applyClean(ws);
    const inst = await resourceValues(ws, 'alicloud_instance.default');
    const image = await resourceValues(ws, 'alicloud_image.default');
    assert.deepEqual([inst?.instance_charge_type, inst?.internet_charge_type], ['PostPaid', 'PayByTraffic']);

    ws.writeFile('main.tf', seedMoved('PrePaid'));
    const plan = await tf(ws, ['plan']);
    assert.doesNotMatch(plan.stdout, /must be replaced|forces replacement/);
    assert.match(plan.stdout, /1 to add, \d+ to change, 0 to destroy/);
    await applyClean(ws);
    const moved = await resourceValues(ws, 'alicloud_instance.default');
    const second = await resourceValues(ws, 'alicloud_vswitch.second');
    assert.equal(moved?.id, inst?.id, 'the instance was updated in place');
    assert.equal((await resourceValues(ws, 'alicloud_image.default'))?.id, image?.id, 'the image was kept');
    assert.deepEqual(
      [moved?.vswitch_id, moved?.private_ip, moved?.internet_charge_type, moved?.instance_charge_type, moved?.status],
      [second?.id, '172.17.4.10', 'PayByBandwidth', 'PrePaid', 'Running'],
    );
    const cloud = (await describeInstances(h.client, { InstanceIds: [inst!.id] })).instances[0];
    assert.deepEqual(
      [cloud?.VpcAttributes.VSwitchId, cloud?.VpcAttributes.PrivateIpAddress.IpAddress, cloud?.InstanceChargeType, cloud?.Status],
      [second?.id, ['172.17.4.10'], 'PrePaid', 'Running'],
    );
    assert.deepEqual(
      (await describeImages(h.client, { ImageId: image!.id })).images.map((i) => i.Status),
      ['Available'],
      'the custom image still exists',
    );

    // A subscription is not destroyed by accident: back to pay-as-you-go (in place) before destroy.
    ws.writeFile('main.tf', seedMoved('PostPaid'));
    await applyClean(ws);
    assert.equal((await resourceValues(ws, 'alicloud_instance.default'))?.id, inst?.id);
    await tf(ws, ['destroy', '-auto-approve']);
    assert.deepEqual((await describeInstances(h.client, { InstanceIds: [inst!.id] })).instances, []);
  },
);
