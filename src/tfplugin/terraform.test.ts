import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { makeEchoProviderBin } from './fixtures/echo-bin.js';

const echoBin = makeEchoProviderBin();
after(() => echoBin.cleanup());

const mainTf = `
provider "alicloud" {
  region = "cn-test"
}

resource "alicloud_thing" "a" {
  name = "n1"
  size = 1.1
  big  = 12345678901234567890
  tags = { a = "b" }
  rule {
    port = 9007199254740993
  }
}

resource "alicloud_thing" "b" {
  name = "pre-\${alicloud_thing.a.id}"
}

data "alicloud_echo" "e" {
  input = "hi"
}

output "echo" {
  value = data.alicloud_echo.e.output
}
`;

test('terraform providers schema -json lists alicloud_thing under the hashicorp/alicloud address', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = createTerraformWorkspace({ providerBinDir: echoBin.dir, files: { 'main.tf': mainTf } });
  t.after(() => ws.cleanup());
  const r = await ws.run(['providers', 'schema', '-json']);
  assert.equal(r.code, 0, r.stderr);
  const schema = JSON.parse(r.stdout);
  const p = schema.provider_schemas['registry.terraform.io/hashicorp/alicloud'];
  assert.ok(p, `provider schema keys: ${Object.keys(schema.provider_schemas)}`);
  assert.deepEqual(p.resource_schemas.alicloud_thing.block.attributes.tags, {
    type: ['map', 'string'],
    description_kind: 'plain',
    optional: true,
  });
  assert.equal(p.resource_schemas.alicloud_thing.block.block_types.rule.nesting_mode, 'list');
  assert.equal(p.provider.block.attributes.region.type, 'string');
});

test('terraform validate accepts a good config and shows a provider diagnostic on the attribute', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = createTerraformWorkspace({ providerBinDir: echoBin.dir, files: { 'main.tf': mainTf } });
  t.after(() => ws.cleanup());
  const ok = await ws.run(['validate', '-no-color']);
  assert.equal(ok.code, 0, ok.stderr + ok.stdout);
  ws.writeFile('bad.tf', 'resource "alicloud_thing" "bad" {\n  name = "invalid"\n}\n');
  const bad = await ws.run(['validate', '-no-color']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Error: Invalid Name/);
  assert.match(bad.stderr, /with alicloud_thing\.bad,\s+on bad\.tf line 2/);
});

test('terraform apply, a no-op re-plan and destroy work against the echo provider with exact numbers', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = createTerraformWorkspace({ providerBinDir: echoBin.dir, files: { 'main.tf': mainTf } });
  t.after(() => ws.cleanup());
  const apply = await ws.run(['apply', '-auto-approve', '-no-color']);
  assert.equal(apply.code, 0, apply.stderr + apply.stdout);
  assert.match(apply.stdout, /Apply complete! Resources: 2 added, 0 changed, 0 destroyed\./);
  assert.match(apply.stdout, /echo = "echo:hi"/);
  const show = await ws.run(['show', '-json']);
  assert.match(show.stdout, /"big":12345678901234567890/);
  assert.match(show.stdout, /"port":9007199254740993/);
  const state = JSON.parse(show.stdout);
  const b = state.values.root_module.resources.find((r: { address: string }) => r.address === 'alicloud_thing.b');
  assert.equal(b.values.name, 'pre-thing-n1');
  const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
  assert.equal(plan.code, 0, `re-plan should show no changes:\n${plan.stdout}${plan.stderr}`);
  const destroy = await ws.run(['destroy', '-auto-approve', '-no-color']);
  assert.equal(destroy.code, 0, destroy.stderr + destroy.stdout);
  assert.match(destroy.stdout, /Destroy complete! Resources: 2 destroyed\./);
  const after = await ws.state();
  assert.equal(after.values, undefined);
});
