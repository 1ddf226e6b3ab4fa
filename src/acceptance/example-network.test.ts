/**
 * Acceptance (real terraform, in-process emulator): alicloud_vpc, alicloud_vswitch and
 * alicloud_security_group update in place, import cleanly, repair drift, and refuse bad input
 * at validate time with the attribute and the allowed values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  deleteVSwitch,
  describeInnerAccessPolicy,
  describeSecurityGroup,
  describeVpc,
  describeVSwitch,
  modifyVpcAttribute,
} from '../ecs/index.js';
import { seededGroupId } from '../emulator/resource-groups/seed.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { applyClean, resourceValues, tf } from './image-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const network = (o: { vpcName: string; description: string; sgName: string; tags: string }) => `
data "alicloud_zones" "z" {
  available_resource_creation = "VSwitch"
}
resource "alicloud_vpc" "v" {
  cidr_block  = "10.4.0.0/16"
  vpc_name    = "${o.vpcName}"
  description = "${o.description}"
}
resource "alicloud_vswitch" "s" {
  vpc_id       = alicloud_vpc.v.id
  cidr_block   = "10.4.1.0/24"
  zone_id      = data.alicloud_zones.z.zones[0].id
  vswitch_name = "${o.vpcName}-sub"
}
resource "alicloud_security_group" "g" {
  security_group_name = "${o.sgName}"
  vpc_id              = alicloud_vpc.v.id
  tags                = ${o.tags}
}
`;

test('names, descriptions and tags update in place, keeping every id', { timeout: 240_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(h, network({ vpcName: 'net-a', description: 'first', sgName: 'web', tags: '{ env = "dev" }' }));
  await applyClean(ws);
  const before = {
    vpc: await resourceValues(ws, 'alicloud_vpc.v'),
    vsw: await resourceValues(ws, 'alicloud_vswitch.s'),
    sg: await resourceValues(ws, 'alicloud_security_group.g'),
  };
  assert.equal(before.vpc?.name, 'net-a');
  assert.deepEqual(before.sg?.tags, { env: 'dev' });

  ws.writeFile('main.tf', network({ vpcName: 'net-b', description: 'second', sgName: 'web2', tags: '{ env = "prod", team = "core" }' }));
  const plan = await ws.run(['plan', '-no-color']);
  assert.match(plan.stdout, /3 to change, 0 to destroy/);
  await applyClean(ws);
  const vpc = await resourceValues(ws, 'alicloud_vpc.v');
  const sg = await resourceValues(ws, 'alicloud_security_group.g');
  assert.deepEqual([vpc?.id, vpc?.vpc_name, vpc?.name, vpc?.description], [before.vpc?.id, 'net-b', 'net-b', 'second']);
  assert.equal((await resourceValues(ws, 'alicloud_vswitch.s'))?.vswitch_name, 'net-b-sub');
  assert.deepEqual([sg?.id, sg?.security_group_name, sg?.tags], [before.sg?.id, 'web2', { env: 'prod', team: 'core' }]);
  assert.deepEqual((await describeSecurityGroup(h.client, sg!.id))?.Tags, { env: 'prod', team: 'core' });
  await tf(ws, ['destroy', '-auto-approve']);
  assert.equal(await describeVpc(h.client, vpc!.id), undefined);
});

const tagged = (o: { vpcTags: string; vswTags: string; group: string; policy: string }) => `
data "alicloud_zones" "z" {
  available_resource_creation = "VSwitch"
}
resource "alicloud_vpc" "v" {
  cidr_block        = "10.5.0.0/16"
  vpc_name          = "tagged"
  resource_group_id = "${o.group}"
  tags              = ${o.vpcTags}
}
resource "alicloud_vswitch" "s" {
  vpc_id     = alicloud_vpc.v.id
  cidr_block = "10.5.1.0/24"
  zone_id    = data.alicloud_zones.z.zones[0].id
  tags       = ${o.vswTags}
}
resource "alicloud_security_group" "g" {
  vpc_id              = alicloud_vpc.v.id
  inner_access_policy = "${o.policy}"
}
`;

test('VPC and vSwitch tags, the VPC resource group and inner_access_policy change in place', { timeout: 240_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const dev = seededGroupId(h.account, 'dev');
  const prod = seededGroupId(h.account, 'prod');
  const ws = exampleWorkspace(
    h,
    tagged({ vpcTags: '{ env = "dev", old = "x" }', vswTags: '{ tier = "web" }', group: dev, policy: 'Accept' }),
  );
  await applyClean(ws);
  const first = {
    vpc: await resourceValues(ws, 'alicloud_vpc.v'),
    vsw: await resourceValues(ws, 'alicloud_vswitch.s'),
    sg: await resourceValues(ws, 'alicloud_security_group.g'),
  };
  assert.deepEqual(
    [first.vpc?.tags, first.vpc?.resource_group_id, first.vsw?.tags, first.sg?.inner_access_policy],
    [{ env: 'dev', old: 'x' }, dev, { tier: 'web' }, 'Accept'],
  );

  ws.writeFile('main.tf', tagged({ vpcTags: '{ env = "prod", team = "net" }', vswTags: '{}', group: prod, policy: 'Drop' }));
  const plan = await ws.run(['plan', '-no-color']);
  assert.match(plan.stdout, /0 to add, 3 to change, 0 to destroy/);
  await applyClean(ws);
  const vpc = await describeVpc(h.client, first.vpc!.id as string);
  assert.deepEqual([vpc?.Tags, vpc?.ResourceGroupId], [{ env: 'prod', team: 'net' }, prod]);
  assert.deepEqual((await describeVSwitch(h.client, first.vsw!.id as string))?.Tags, {});
  assert.equal(await describeInnerAccessPolicy(h.client, first.sg!.id as string), 'Drop');
  const after = { vpc: await resourceValues(ws, 'alicloud_vpc.v'), sg: await resourceValues(ws, 'alicloud_security_group.g') };
  assert.deepEqual(
    [after.vpc?.id, after.vpc?.resource_group_id, after.sg?.id, after.sg?.inner_access_policy],
    [first.vpc?.id, prod, first.sg?.id, 'Drop'],
  );
  await tf(ws, ['destroy', '-auto-approve']);
});

test(
  'drift outside Terraform is planned back: a renamed VPC is renamed, a deleted vSwitch is recreated',
  { timeout: 240_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h, network({ vpcName: 'drift', description: 'd1', sgName: 'web', tags: '{}' }));
    await applyClean(ws);
    const vpc = await resourceValues(ws, 'alicloud_vpc.v');
    const vsw = await resourceValues(ws, 'alicloud_vswitch.s');
    await modifyVpcAttribute(h.client, { VpcId: vpc!.id, VpcName: 'renamed-by-hand' });
    await deleteVSwitch(h.client, vsw!.id);
    const plan = await ws.run(['plan', '-no-color', '-detailed-exitcode']);
    assert.equal(plan.code, 2, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /alicloud_vswitch\.s will be created/);
    assert.match(plan.stdout, /"renamed-by-hand" -> "drift"/);
    await applyClean(ws);
    assert.equal((await describeVpc(h.client, vpc!.id))?.VpcName, 'drift');
    await tf(ws, ['destroy', '-auto-approve']);
  },
);

test('each resource imports by id and then plans no changes', { timeout: 240_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const hcl = network({ vpcName: 'imp', description: 'imported', sgName: 'imp', tags: '{ a = "b" }' });
  const ws = exampleWorkspace(h, hcl);
  await applyClean(ws);
  const ids = {
    'alicloud_vpc.v': (await resourceValues(ws, 'alicloud_vpc.v'))!.id,
    'alicloud_vswitch.s': (await resourceValues(ws, 'alicloud_vswitch.s'))!.id,
    'alicloud_security_group.g': (await resourceValues(ws, 'alicloud_security_group.g'))!.id,
  };
  const fresh = exampleWorkspace(h, hcl);
  for (const [address, id] of Object.entries(ids)) await tf(fresh, ['import', address, id]);
  const plan = await fresh.run(['plan', '-no-color', '-detailed-exitcode']);
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  const missing = await fresh.run(['import', '-no-color', 'alicloud_vpc.other', 'vpc-doesnotexist']);
  assert.notEqual(missing.code, 0);
  await tf(ws, ['destroy', '-auto-approve']);
});

test('validate refuses bad arguments, naming the attribute and what is allowed', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(
    h,
    `
resource "alicloud_vpc" "v" {
  cidr_block = "8.8.0.0/16"
}
resource "alicloud_vswitch" "s" {
  vpc_id     = "vpc-123"
  cidr_block = "10.0.0.0/30"
  zone_id    = "cn-hangzhou-h"
}
resource "alicloud_security_group" "g" {
  security_group_type = "premium"
  vpc_id              = "vpc-123"
}
`,
  );
  const r = await ws.run(['validate', '-no-color']);
  assert.equal(r.code, 1);
  const out = (r.stdout + r.stderr).replace(/\s+/g, ' ');
  assert.match(out, /cidr_block must be a private IPv4 CIDR/);
  assert.match(out, /cidr_block must be an IPv4 CIDR inside the VPC block with a mask of 16 to 29/);
  assert.match(out, /security_group_type must be one of "normal", "enterprise", got "premium"/);
});
