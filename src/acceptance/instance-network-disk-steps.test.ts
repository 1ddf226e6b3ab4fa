/**
 * Acceptance (real terraform, in-process emulator): alicloud_instance launched into the emulator's
 * seeded default network by its literal ids (`vsw-default-<account>`, `sg-default-<account>`: the id
 * validators accept them), with an ESSD system disk and an ESSD data disk whose performance levels
 * then change in place (ModifyDiskSpec), checked against the emulator through the client; import
 * verified (ignoring data_disks as the official tests do: an import cannot tell which disks were
 * launched with the instance); destroy leaves nothing. A second test gives the instance IPv6 addresses
 * (ipv6_addresses at launch, one swapped in place, then ipv6_address_count grown in place). A third
 * sets the primary interface's options and one secondary interface (`network_interfaces`) in a
 * second vSwitch, then changes source_dest_check and adds a secondary interface (both replace the
 * instance, as upstream); checked through DescribeNetworkInterfaces; import verified; destroy leaves
 * no interface.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeInstanceDetail, describeInstanceDisks, describeInstanceNetworkInterfaces } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, instanceNetworkHcl, runSteps, type Step } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const A = 'alicloud_instance.default';
const IMAGES = `data "alicloud_images" "default" {
  name_regex   = "^ubuntu"
  owners       = "system"
  architecture = "x86_64"
}`;

function config(extra: Record<string, string>, dataDiskLevel: string): string {
  const args: Record<string, string> = {
    image_id: 'data.alicloud_images.default.images[0].id',
    instance_type: 'data.alicloud_instance_types.default.instance_types[0].id',
    vswitch_id: `"vsw-default-${h.account}"`,
    security_groups: `["sg-default-${h.account}"]`,
    instance_name: '"tf-network-disks"',
    system_disk_category: '"cloud_essd"',
    system_disk_size: '40',
    ...extra,
  };
  return `
data "alicloud_vswitches" "default" {
  is_default = true
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_vswitches.default.vswitches[0].zone_id
  cpu_core_count    = 2
  memory_size       = 4
}
${IMAGES}
resource "alicloud_instance" "default" {
${Object.entries(args)
  .map(([k, v]) => `  ${k} = ${v}`)
  .join('\n')}
  data_disks {
    category          = "cloud_essd"
    size              = 500
    performance_level = "${dataDiskLevel}"
  }
}
`;
}

test(
  'alicloud_instance: launched into the seeded default vSwitch by id; ESSD performance levels of the system and data disks change in place, import and destroy',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps: Step[] = [
      {
        name: 'create in the default vSwitch, system disk at the default PL1, data disk PL1',
        config: config({}, 'PL1'),
        expect: { [A]: { vswitch_id: `vsw-default-${h.account}`, system_disk_performance_level: 'PL1' } },
      },
      {
        name: 'system disk PL0 and data disk PL2 in place',
        config: config({ system_disk_performance_level: '"PL0"' }, 'PL2'),
        expect: { [A]: { system_disk_performance_level: 'PL0' } },
        sameIdAs: [A],
      },
    ];
    const run = await runSteps(h, steps, h.fullProviderBlock);
    const last = await run.values(A);
    assert.equal(last.data_disks[0].performance_level, 'PL2');
    const id = last.id as string;
    const disks = await describeInstanceDisks(h.client, id);
    assert.deepEqual(
      disks.map((d) => [d.Type, d.Category, d.PerformanceLevel]),
      [
        ['system', 'cloud_essd', 'PL0'],
        ['data', 'cloud_essd', 'PL2'],
      ],
    );
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run', 'data_disks'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
  },
);

const v6Dependence = `
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_zones.default.zones[0].id
  cpu_core_count    = 2
  memory_size       = 4
}
${IMAGES}
resource "alicloud_vpc" "default" {
  vpc_name    = "tf-ipv6"
  cidr_block  = "172.16.0.0/16"
  enable_ipv6 = true
}
resource "alicloud_vswitch" "default" {
  vpc_id               = alicloud_vpc.default.id
  cidr_block           = "172.16.0.0/24"
  zone_id              = data.alicloud_zones.default.zones[0].id
  enable_ipv6          = true
  ipv6_cidr_block_mask = 12
}
resource "alicloud_security_group" "default" {
  vpc_id = alicloud_vpc.default.id
}
`;

function v6Config(ipv6: string): string {
  return `${v6Dependence}
resource "alicloud_instance" "default" {
  image_id        = data.alicloud_images.default.images[0].id
  instance_type   = data.alicloud_instance_types.default.instance_types[0].id
  vswitch_id      = alicloud_vswitch.default.id
  security_groups = [alicloud_security_group.default.id]
  instance_name   = "tf-ipv6"
  ${ipv6}
}
`;
}

const HOSTS = (...n: number[]) => `[${n.map((x) => `cidrhost(alicloud_vswitch.default.ipv6_cidr_block, ${x})`).join(', ')}]`;

test(
  'alicloud_instance: IPv6 addresses given at launch, swapped in place, then grown by count; import and destroy',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(
      h,
      [
        { name: 'launch with two given IPv6 addresses', config: v6Config(`ipv6_addresses = ${HOSTS(8, 64)}`) },
        { name: 'one address swapped in place', config: v6Config(`ipv6_addresses = ${HOSTS(8, 100)}`), sameIdAs: [A] },
        {
          name: 'a count of 3 assigns one more in place',
          config: v6Config('ipv6_address_count = 3'),
          expect: { [A]: { ipv6_address_count: 3 } },
          sameIdAs: [A],
        },
      ],
      h.fullProviderBlock,
    );
    const block = (await run.values('alicloud_vswitch.default')).ipv6_cidr_block as string;
    const host = (n: number) => `${block.split('::')[0]}::${n.toString(16)}`;
    const last = await run.values(A);
    assert.equal(last.ipv6_addresses.length, 3);
    assert.ok(
      [host(8), host(100)].every((ip) => last.ipv6_addresses.includes(ip)),
      `${last.ipv6_addresses} keeps ${host(8)} and ${host(100)}`,
    );
    const id = last.id as string;
    assert.deepEqual([...(await describeInstanceDetail(h.client, id))!.Ipv6Addresses].sort(), last.ipv6_addresses);
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
  },
);

const ENI_TYPE = 'ecs.g7.large';

function eniConfig(primary: string, secondaries: string[]): string {
  return `
data "alicloud_zones" "default" {
  available_instance_type = "${ENI_TYPE}"
}
${instanceNetworkHcl('tf-eni')}
resource "alicloud_vswitch" "second" {
  vpc_id     = alicloud_vpc.default.id
  cidr_block = "172.16.1.0/24"
  zone_id    = data.alicloud_zones.default.zones[0].id
}
resource "alicloud_instance" "default" {
  image_id        = data.alicloud_images.default.images[0].id
  instance_type   = "${ENI_TYPE}"
  vswitch_id      = alicloud_vswitch.default.id
  security_groups = [alicloud_security_group.default.id]
  instance_name   = "tf-eni"
  ${primary}
${secondaries.map((b) => `  network_interfaces {\n    ${b}\n  }`).join('\n')}
}
`;
}

test(
  'alicloud_instance: primary interface options and a secondary interface at launch; changes replace the instance; import and destroy',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const second =
      'vswitch_id = alicloud_vswitch.second.id\n    security_group_ids = [alicloud_security_group.default.id]\n    source_dest_check = true';
    const run = await runSteps(
      h,
      [
        {
          name: 'launch with source_dest_check, a traffic mode and one secondary interface in the second vSwitch',
          config: eniConfig('source_dest_check = true\n  network_interface_traffic_mode = "Standard"', [second]),
          expect: {
            [A]: { source_dest_check: true, network_interface_traffic_mode: 'Standard', network_card_index: 0, queue_pair_number: 0 },
          },
        },
        {
          name: 'source_dest_check off and a second secondary interface (default vSwitch and groups): replaced',
          config: eniConfig('source_dest_check = false', [second, 'source_dest_check = false']),
          expect: { [A]: { source_dest_check: false, network_interface_traffic_mode: 'Standard' } },
          replaced: [A],
        },
      ],
      h.fullProviderBlock,
    );
    const last = await run.values(A);
    const vsw = (await run.values('alicloud_vswitch.second')).id as string;
    const sg = (await run.values('alicloud_security_group.default')).id as string;
    const enis = await describeInstanceNetworkInterfaces(h.client, last.id as string);
    assert.deepEqual(
      enis.map((e) => [e.id, e.type, e.sourceDestCheck]),
      [
        [last.network_interface_id, 'Primary', false],
        [last.network_interfaces[0].network_interface_id, 'Secondary', true],
        [last.network_interfaces[1].network_interface_id, 'Secondary', false],
      ],
    );
    assert.deepEqual(
      last.network_interfaces.map((n: Record<string, unknown>) => [n.vswitch_id, n.security_group_ids]),
      [
        [vsw, [sg]],
        [last.vswitch_id, [sg]],
      ],
    );
    assert.match(last.network_interface_id, /^eni-/);
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run'], h.fullProviderBlock);
    await destroySteps(run);
    assert.deepEqual(await describeInstanceNetworkInterfaces(h.client, last.id as string), []);
  },
);
