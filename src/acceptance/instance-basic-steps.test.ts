/**
 * Our own version of the official provider's basic alicloud_instance acceptance test, written
 * from its facts (arguments, values, step order, import ignore list): every step applies and plans
 * clean on the same instance, import verifies (ignoring security_enhancement_strategy and
 * dry_run; after the last step), destroy leaves nothing.
 *
 * Deliberate differences: the official test launches a classic-network instance (no vswitch_id);
 * the emulator serves VPC instances only, so ours adds a vSwitch. Its steps for
 * system_disk_name/description and private_ip are left out. Its last step removes volume_tags and
 * expects none; volume_tags is Optional+Computed there as here, so removing it keeps the disks'
 * tags: ours sets `volume_tags = {}` instead.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeInstanceDetail, describeKeyPairs } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, runSteps, type Step } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const NAME = 'tf-testAccEcsInstanceConfigBasic4321';
const A = 'alicloud_instance.default';

const dependence = `
variable "name" {
  default = "${NAME}"
}
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_zones.default.zones[0].id
  cpu_core_count    = 2
  memory_size       = 4
}
data "alicloud_images" "default" {
  name_regex   = "^(ubuntu|debian)"
  owners       = "system"
  architecture = "x86_64"
}
data "alicloud_resource_manager_resource_groups" "default" {}
resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "172.16.0.0/16"
}
resource "alicloud_vswitch" "default" {
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "172.16.0.0/24"
  zone_id      = data.alicloud_zones.default.zones[0].id
  vswitch_name = var.name
}
resource "alicloud_security_group" "default" {
  count  = 2
  name   = var.name
  vpc_id = alicloud_vpc.default.id
}
resource "alicloud_key_pair" "default" {
  key_name = var.name
}
`;

/** The instance block: the first step's arguments with `over` merged on top (null removes a key), as the official framework merges step maps. */
function config(over: Record<string, string | null> = {}): string {
  const base: Record<string, string | null> = {
    image_id: 'data.alicloud_images.default.images[0].id',
    security_groups: '[alicloud_security_group.default[0].id]',
    instance_type: 'data.alicloud_instance_types.default.instance_types[0].id',
    availability_zone: 'data.alicloud_instance_types.default.instance_types[0].availability_zones[0]',
    vswitch_id: 'alicloud_vswitch.default.id',
    system_disk_category: '"cloud_efficiency"',
    instance_name: 'var.name',
    key_name: 'alicloud_key_pair.default.key_name',
    spot_strategy: '"NoSpot"',
    spot_price_limit: '"0"',
    security_enhancement_strategy: '"Active"',
    resource_group_id: 'data.alicloud_resource_manager_resource_groups.default.ids[0]',
  };
  const merged = Object.entries({ ...base, ...over }).filter((e): e is [string, string] => e[1] !== null);
  return `${dependence}
resource "alicloud_instance" "default" {
${merged.map(([k, v]) => (k === 'tags' ? `  tags = ${v}` : `  ${k} = ${v}`)).join('\n')}
}
`;
}

/** A release time 10 hours ahead, with seconds, as the official test writes it. */
const RELEASE = new Date(Date.now() + 10 * 3600_000).toISOString().slice(0, 19) + 'Z';

const tags20 = `{\n${['foo = "foo"', 'Bar = "Bar"', ...Array.from({ length: 10 }, (_, i) => `tag${i} = "value${i}"`), ...'ABCDEFGH'.split('').map((c) => `tag${c} = "value${c}"`)].map((l) => `    ${l}`).join('\n')}\n  }`;

test(
  'the official basic alicloud_instance step sequence applies and plans clean in place, imports and destroys',
  { timeout: 900_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps: Step[] = [];
    const acc: Record<string, string | null> = {};
    const step = (name: string, over: Record<string, string | null>, expect: Record<string, unknown> = {}) => {
      Object.assign(acc, over);
      steps.push({ name, config: config({ ...acc }), expect: { [A]: expect }, sameIdAs: steps.length > 0 ? [A] : [] });
    };
    step(
      'create',
      {},
      { instance_name: NAME, key_name: NAME, spot_strategy: 'NoSpot', spot_price_limit: 0, security_enhancement_strategy: 'Active' },
    );
    step('auto_release_time', { auto_release_time: `"${RELEASE}"` }, { auto_release_time: RELEASE });
    step('auto_release_time ""', { auto_release_time: '""' }, { auto_release_time: '' });
    step('image_id', { image_id: 'data.alicloud_images.default.images[1].id' });
    step('security_groups', { security_groups: '[alicloud_security_group.default[0].id, alicloud_security_group.default[1].id]' });
    step('instance_name', { instance_name: `"${NAME}_change"` }, { instance_name: `${NAME}_change` });
    step('description', { description: `"${NAME}_description"` }, { description: `${NAME}_description` });
    step('internet_max_bandwidth_out', { internet_max_bandwidth_out: '50' }, { internet_max_bandwidth_out: 50 });
    step('internet_charge_type', { internet_charge_type: '"PayByBandwidth"' }, { internet_charge_type: 'PayByBandwidth' });
    step('host_name', { host_name: '"hostNameExample"' }, { host_name: 'hostNameExample' });
    step('password', { password: '"Password123"' }, { password: 'Password123' });
    step('system_disk_size 50', { system_disk_size: '50' }, { system_disk_size: 50 });
    step('volume_tags', { volume_tags: '{ tag1 = "test", Tag2 = "Test" }' }, { volume_tags: { tag1: 'test', Tag2: 'Test' } });
    step('tags', { tags: tags20 });
    step('deletion_protection', { deletion_protection: 'true' }, { deletion_protection: true });
    step('status Stopped', { status: '"Stopped"' }, { status: 'Stopped' });
    step('system_disk_size 60', { system_disk_size: '60' }, { system_disk_size: 60 });
    step(
      'all back',
      {
        security_groups: '[alicloud_security_group.default[0].id]',
        instance_name: 'var.name',
        description: 'var.name',
        internet_max_bandwidth_out: '0',
        host_name: null,
        password: null,
        system_disk_size: '70',
        tags: null,
        volume_tags: '{}',
        deletion_protection: 'false',
        status: '"Running"',
      },
      {
        instance_name: NAME,
        description: NAME,
        system_disk_category: 'cloud_efficiency',
        spot_strategy: 'NoSpot',
        security_enhancement_strategy: 'Active',
        system_disk_size: 70,
        status: 'Running',
        internet_charge_type: 'PayByBandwidth',
        internet_max_bandwidth_out: 0,
        deletion_protection: false,
        password: null,
        volume_tags: {},
      },
    );
    const run = await runSteps(h, steps, h.fullProviderBlock);
    const last = await run.values(A);
    assert.equal(Object.keys(last.tags ?? {}).length, 0);
    assert.notEqual(last.public_ip, '', 'the public IP allocated at 50 Mbit/s stays');
    assert.equal((await run.values(A)).security_groups.length, 1);
    const id = last.id as string;
    assert.match(last.resource_group_id, /^rg-/);
    assert.equal(last.vswitch_id, (await run.values('alicloud_vswitch.default')).id);
    // The official test verifies the import after its first step; ours after the last (same ignore list).
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
    assert.deepEqual(await describeKeyPairs(h.client, { KeyPairName: NAME }), []);
  },
);
