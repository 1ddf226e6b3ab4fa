/**
 * Our own versions of the official provider's basic `alicloud_image` acceptance tests, written
 * from their facts (arguments, values, step order; no official file copied), run with real
 * terraform against the emulator the way its framework runs them: each step's arguments merged
 * onto the previous ones, every step applies and plans clean, then an import verifies every
 * attribute except the official ignore list, and destroy leaves nothing.
 *
 * - the 19-step test: an image of a stopped instance, then in-place updates of description,
 *   boot mode, license type, features, family, resource group, name and tags; step 16 sets
 *   image_version (ForceNew, as in the official provider) and detection_strategy, so it makes a
 *   new image;
 * - the deprecated-`name` test: the same image managed through `name`, 5 steps.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { startExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, runSteps, type Step } from './steps-harness.js';

/** What the official steps depend on: instance types of a family, groups, an Ubuntu image that type boots, a network, a stopped instance. */
const dependencies = (name: string, groups: boolean) => `
variable "name" {
  default = "${name}"
}
data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.g8i"
  system_disk_category = "cloud_essd"
}
locals {
  zone_id = data.alicloud_instance_types.default.instance_types.0.availability_zones.0
}
${groups ? 'data "alicloud_resource_manager_resource_groups" "default" {}\n' : ''}data "alicloud_images" "default" {
  name_regex    = "^ubuntu_[0-9]+_[0-9]+_x64*"
  most_recent   = true
  owners        = "system"
  instance_type = data.alicloud_instance_types.default.ids.0
}
resource "alicloud_vpc" "default" {
  cidr_block = "192.168.0.0/16"
  vpc_name   = var.name
}
resource "alicloud_vswitch" "default" {
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = cidrsubnet(alicloud_vpc.default.cidr_block, 8, 2)
  zone_id      = local.zone_id
  vswitch_name = var.name
}
resource "alicloud_security_group" "default" {
  name   = var.name
  vpc_id = alicloud_vpc.default.id
}
resource "alicloud_instance" "default" {
  image_id             = data.alicloud_images.default.ids[0]
  instance_type        = data.alicloud_instance_types.default.ids[0]
  security_groups      = [alicloud_security_group.default.id]
  vswitch_id           = alicloud_vswitch.default.id
  system_disk_category = "cloud_essd"
  instance_name        = var.name
  status               = "Stopped"
}
`;

type Args = Record<string, string | boolean | Record<string, string> | { nvme_support: string } | null>;

/** The image resource of a step: strings are HCL expressions when they start with `=`, maps are maps, `features` a block. */
function imageHcl(args: Args): string {
  const lines = Object.entries(args).flatMap(([k, v]) => {
    if (v === null) return [];
    if (k === 'features') return [`  features {\n    nvme_support = "${(v as { nvme_support: string }).nvme_support}"\n  }`];
    if (typeof v === 'boolean') return [`  ${k} = ${v}`];
    if (typeof v === 'string') return [`  ${k} = ${v.startsWith('=') ? v.slice(1) : JSON.stringify(v)}`];
    return [
      `  ${k} = {\n${Object.entries(v)
        .map(([a, b]) => `    ${a} = ${JSON.stringify(b)}`)
        .join('\n')}\n  }`,
    ];
  });
  return `resource "alicloud_image" "default" {\n${lines.join('\n')}\n}\n`;
}

/** Steps whose arguments merge onto the previous step's (the official framework's map updates; `null` removes a key). */
function mergedSteps(deps: string, changes: { name: string; set: Args; expect: Record<string, unknown>; replaces?: boolean }[]): Step[] {
  let args: Args = {};
  return changes.map((c) => {
    args = { ...args, ...c.set };
    return {
      name: c.name,
      config: deps + imageHcl(args),
      expect: { 'alicloud_image.default': { usable: true, ...c.expect } },
      ...(c.replaces ? {} : { sameIdAs: ['alicloud_image.default'] }),
    };
  });
}

/** The official ignore list: what ECS cannot report (how the image was made, delete-time switches). */
const IGNORE = ['force', 'instance_id', 'delete_auto_snapshot'];

describe('official alicloud_image basic tests, our versions', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: ExampleHarness;
  before(async () => void (h = await startExampleHarness()));
  after(() => h?.stop());

  test('the 19 steps of the basic test apply and plan clean, import verifies, destroy leaves nothing', { timeout: 900_000 }, async (t) => {
    if (skipUnlessTerraform(t)) return;
    const name = 'tf-testacccn-hangzhouecsimage12345';
    const g1 = '=data.alicloud_resource_manager_resource_groups.default.ids.1';
    const g0 = '=data.alicloud_resource_manager_resource_groups.default.ids.0';
    const steps = mergedSteps(dependencies(name, true), [
      {
        name: 'create from the stopped instance',
        set: {
          image_name: name,
          instance_id: '=alicloud_instance.default.id',
          platform: 'Ubuntu',
          force: true,
          delete_auto_snapshot: true,
        },
        expect: { image_name: name, platform: 'Ubuntu', status: 'Available' },
        replaces: true,
      },
      { name: 'description', set: { description: 'create' }, expect: { description: 'create' } },
      {
        name: 'boot mode, license type, features',
        set: { boot_mode: 'BIOS', license_type: 'BYOL', features: { nvme_support: 'supported' } },
        expect: { boot_mode: 'BIOS', license_type: 'BYOL', features: [{ nvme_support: 'supported' }] },
      },
      { name: 'family', set: { image_family: 'test-tf' }, expect: { image_family: 'test-tf' } },
      { name: 'resource group', set: { resource_group_id: g1 }, expect: { resource_group_id: `rg-dev-${h.account}` } },
      { name: 'description again', set: { description: 'test-creat' }, expect: { description: 'test-creat' } },
      { name: 'name', set: { image_name: `${name}_update` }, expect: { image_name: `${name}_update`, name: `${name}_update` } },
      { name: 'UEFI', set: { boot_mode: 'UEFI' }, expect: { boot_mode: 'UEFI' } },
      { name: 'family again', set: { image_family: 'test-tf-123' }, expect: { image_family: 'test-tf-123' } },
      { name: 'same resource group', set: { resource_group_id: g1 }, expect: { resource_group_id: `rg-dev-${h.account}` } },
      { name: 'description test-aaaa', set: { description: 'test-aaaa' }, expect: { description: 'test-aaaa' } },
      { name: 'description back', set: { description: 'create' }, expect: { description: 'create' } },
      { name: 'same name', set: { image_name: `${name}_update` }, expect: { image_name: `${name}_update` } },
      { name: 'BIOS', set: { boot_mode: 'BIOS' }, expect: { boot_mode: 'BIOS' } },
      { name: 'family back', set: { image_family: 'test-tf' }, expect: { image_family: 'test-tf' } },
      {
        name: 'every argument; image_version makes a new image',
        set: {
          description: 'create',
          instance_id: '=alicloud_instance.default.id',
          image_name: `${name}_update`,
          detection_strategy: 'Standard',
          architecture: 'x86_64',
          boot_mode: 'BIOS',
          image_family: 'test-tf',
          image_version: '1',
          resource_group_id: g0,
        },
        expect: {
          description: 'create',
          image_name: `${name}_update`,
          detection_strategy: 'Standard',
          architecture: 'x86_64',
          image_version: '1',
          resource_group_id: `rg-default-${h.account}`,
          license_type: 'BYOL',
          features: [{ nvme_support: 'supported' }],
        },
        replaces: true,
      },
      { name: 'tags', set: { tags: { Created: 'TF', For: 'Test' } }, expect: { tags: { Created: 'TF', For: 'Test' } } },
      {
        name: 'tags changed',
        set: { tags: { Created: 'TF-update', For: 'Test-update' } },
        expect: { tags: { Created: 'TF-update', For: 'Test-update' } },
      },
      { name: 'tags removed', set: { tags: null }, expect: { tags: null } },
    ]);
    assert.equal(steps.length, 19);
    const run = await runSteps(h, steps, h.fullProviderBlock);
    try {
      const v = await run.values('alicloud_image.default');
      assert.ok(v.disk_device_mapping.length >= 1, 'the unwritten disk mappings are filled from the API');
      assert.match(v.disk_device_mapping[0].snapshot_id, /^s-/);
      await importVerify(h, run, 'alicloud_image.default', IGNORE, h.fullProviderBlock);
    } finally {
      await destroySteps(run);
    }
  });

  test('the deprecated-name test: 5 steps through `name`, then import verifies', { timeout: 600_000 }, async (t) => {
    if (skipUnlessTerraform(t)) return;
    const name = 'tf-testAccEcsImageConfigBasic1234';
    const tags = { Created: 'TF', For: 'acceptance test123' };
    const steps = mergedSteps(dependencies(name, false), [
      {
        name: 'create with name, description and tags',
        set: { instance_id: '=alicloud_instance.default.id', description: `${name}description`, name, tags },
        expect: { name, image_name: name, description: `${name}description`, tags },
        replaces: true,
      },
      { name: 'description', set: { description: `${name}descriptionChange` }, expect: { description: `${name}descriptionChange` } },
      { name: 'name', set: { name: `${name}change` }, expect: { name: `${name}change`, image_name: `${name}change` } },
      {
        name: 'tags',
        set: { tags: { Created: 'TF1', For: 'acceptance test1232' } },
        expect: { tags: { Created: 'TF1', For: 'acceptance test1232' } },
      },
      {
        name: 'all back',
        set: { description: `${name}description`, name, tags },
        expect: { description: `${name}description`, name, tags },
      },
    ]);
    const run = await runSteps(h, steps, h.fullProviderBlock);
    try {
      await importVerify(h, run, 'alicloud_image.default', IGNORE, h.fullProviderBlock);
    } finally {
      await destroySteps(run);
    }
  });
});
