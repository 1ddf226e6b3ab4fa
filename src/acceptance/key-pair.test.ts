/**
 * Acceptance (real terraform, in-process emulator), written from the facts of the official
 * key pair tests: an imported `alicloud_ecs_key_pair` with tags updated in place and removed,
 * import verified (ignoring `public_key`, as the official test), the legacy `alicloud_key_pair`
 * with a key made by ECS written to `key_file`, an instance logging in with `key_name`, which
 * changes in place; destroy leaves no key pair.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeInstanceDetail, describeKeyPairs } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, runSteps } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const PUBLIC_KEY = 'ssh-rsa AAAAB3Nza12345678qwertyuudsfsg';

const kp = (body: string) => `
resource "alicloud_ecs_key_pair" "default" {
  key_pair_name = "tf-testacc-kp"
  public_key    = "${PUBLIC_KEY}"
${body}
}
`;

test(
  'alicloud_ecs_key_pair: import a public key, change and remove tags in place, import verifies, destroy removes it',
  { timeout: 240_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(
      h,
      [
        {
          name: 'create with tags',
          config: kp('  tags = {\n    Created = "TF"\n    For     = "Test"\n  }'),
          expect: {
            'alicloud_ecs_key_pair.default': {
              key_pair_name: 'tf-testacc-kp',
              key_name: 'tf-testacc-kp',
              tags: { Created: 'TF', For: 'Test' },
            },
          },
        },
        {
          name: 'tags changed',
          config: kp('  tags = {\n    Created = "TF-update"\n    For     = "Test-update"\n  }'),
          expect: { 'alicloud_ecs_key_pair.default': { tags: { Created: 'TF-update', For: 'Test-update' } } },
          sameIdAs: ['alicloud_ecs_key_pair.default'],
        },
        {
          name: 'tags removed',
          config: kp(''),
          expect: { 'alicloud_ecs_key_pair.default': { tags: null } },
          sameIdAs: ['alicloud_ecs_key_pair.default'],
        },
      ],
      h.fullProviderBlock,
    );
    const v = await run.values('alicloud_ecs_key_pair.default');
    assert.match(v.finger_print, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal(v.resource_group_id, `rg-default-${h.account}`);
    await importVerify(h, run, 'alicloud_ecs_key_pair.default', ['public_key'], h.fullProviderBlock);
    await destroySteps(run);
    assert.deepEqual(await describeKeyPairs(h.client, { KeyPairName: 'tf-testacc-kp' }), []);
  },
);

test(
  'alicloud_key_pair writes the private key of a pair ECS makes; an instance logs in with key_name, changed in place',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const dir = mkdtempSync(join(tmpdir(), 'kp-file-'));
    const keyFile = join(dir, 'id_rsa');
    const config = (key: string) => `
resource "alicloud_key_pair" "made" {
  key_name_prefix = "tf-made-"
  key_file        = "${keyFile}"
}
resource "alicloud_ecs_key_pair" "imported" {
  key_name   = "tf-imported"
  public_key = "${PUBLIC_KEY}"
}
data "alicloud_zones" "z" {
  available_resource_creation = "Instance"
}
resource "alicloud_vpc" "v" {
  cidr_block = "10.31.0.0/16"
}
resource "alicloud_vswitch" "s" {
  vpc_id     = alicloud_vpc.v.id
  cidr_block = "10.31.1.0/24"
  zone_id    = data.alicloud_zones.z.zones[0].id
}
resource "alicloud_security_group" "g" {
  vpc_id = alicloud_vpc.v.id
}
resource "alicloud_instance" "i" {
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  instance_type   = "ecs.sn1ne.large"
  security_groups = [alicloud_security_group.g.id]
  vswitch_id      = alicloud_vswitch.s.id
  key_name        = ${key}
}
data "alicloud_ecs_key_pairs" "used" {
  name_regex  = "^\${alicloud_instance.i.key_name}$"
  output_file = "${join(dir, 'pairs.json')}"
}
data "alicloud_instances" "mine" {
  ids         = [alicloud_instance.i.id]
  output_file = "${join(dir, 'instances.json')}"
}
output "pair_instances" {
  value = data.alicloud_ecs_key_pairs.used.pairs[0].instances[*].instance_id
}
output "instance_keys" {
  value = data.alicloud_instances.mine.instances[*].key_name
}
`;
    try {
      const run = await runSteps(
        h,
        [
          { name: 'launch with the made key pair', config: config('alicloud_key_pair.made.key_name') },
          {
            name: 'switch to the imported key pair',
            config: config('alicloud_ecs_key_pair.imported.key_pair_name'),
            sameIdAs: ['alicloud_instance.i'],
          },
        ],
        h.fullProviderBlock,
      );
      const made = await run.values('alicloud_key_pair.made');
      assert.match(made.key_pair_name, /^tf-made-/);
      assert.ok(existsSync(keyFile), 'key_file written');
      assert.match(readFileSync(keyFile, 'utf8'), /^-----BEGIN RSA PRIVATE KEY-----/);
      assert.equal(statSync(keyFile).mode & 0o777, 0o400);
      const inst = await run.values('alicloud_instance.i');
      assert.equal(inst.key_name, 'tf-imported');
      assert.equal((await describeInstanceDetail(h.client, inst.id))?.KeyPairName, 'tf-imported');
      await destroySteps(run);
      assert.deepEqual(
        (await describeKeyPairs(h.client, { KeyPairName: 'tf-*' })).map((k) => k.KeyPairName),
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
