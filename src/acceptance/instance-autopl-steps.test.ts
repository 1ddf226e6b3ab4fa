/**
 * Acceptance (real terraform, in-process emulator): alicloud_instance with an ESSD AutoPL
 * (`cloud_auto`) system disk, encrypted with a chosen algorithm, with its performance burst and
 * provisioned IOPS, and a cloud_auto data disk with its own; then the provisioned IOPS and the burst
 * of the system disk change in place (ModifyDiskSpec, ModifyDiskAttribute: the instance id stays),
 * the plan is clean, the disks are checked against the emulator through the client, the import is
 * verified (ignoring what DescribeDisks cannot tell: the algorithm and which data disks came with
 * the instance) and destroy leaves nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeInstanceDetail, describeInstanceDisks } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, runSteps, type Step } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const A = 'alicloud_instance.default';

function config(bursting: boolean, iops: number): string {
  return `
data "alicloud_vswitches" "default" {
  is_default = true
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_vswitches.default.vswitches[0].zone_id
  cpu_core_count    = 2
  memory_size       = 4
}
data "alicloud_images" "default" {
  name_regex   = "^ubuntu"
  owners       = "system"
  architecture = "x86_64"
}
resource "alicloud_instance" "default" {
  image_id                      = data.alicloud_images.default.images[0].id
  instance_type                 = data.alicloud_instance_types.default.instance_types[0].id
  vswitch_id                    = "vsw-default-${h.account}"
  security_groups               = ["sg-default-${h.account}"]
  instance_name                 = "tf-autopl"
  system_disk_category          = "cloud_auto"
  system_disk_size              = 40
  system_disk_encrypted         = true
  system_disk_encrypt_algorithm = "SM4-128"
  system_disk_bursting_enabled  = ${bursting}
  system_disk_provisioned_iops  = ${iops}
  data_disks {
    category         = "cloud_auto"
    size             = 100
    bursting_enabled = true
    provisioned_iops = 5000
  }
}
`;
}

test(
  'alicloud_instance: a cloud_auto system disk with burst and provisioned IOPS changes them in place; plan clean, import and destroy',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps: Step[] = [
      {
        name: 'create with a cloud_auto system disk (no burst, 1000 IOPS) and a cloud_auto data disk',
        config: config(false, 1000),
        expect: {
          [A]: {
            system_disk_category: 'cloud_auto',
            system_disk_bursting_enabled: false,
            system_disk_provisioned_iops: 1000,
            system_disk_encrypt_algorithm: 'SM4-128',
          },
        },
      },
      {
        name: 'the system disk gets 20000 IOPS and its burst in place',
        config: config(true, 20000),
        expect: { [A]: { system_disk_bursting_enabled: true, system_disk_provisioned_iops: 20000 } },
        sameIdAs: [A],
      },
    ];
    const run = await runSteps(h, steps, h.fullProviderBlock);
    const last = await run.values(A);
    assert.deepEqual([last.data_disks[0].bursting_enabled, last.data_disks[0].provisioned_iops], [true, 5000]);
    const id = last.id as string;
    const disks = await describeInstanceDisks(h.client, id);
    assert.deepEqual(
      disks.map((d) => [d.Type, d.Category, d.BurstingEnabled, d.ProvisionedIops, d.Encrypted]),
      [
        ['system', 'cloud_auto', true, 20000, true],
        ['data', 'cloud_auto', true, 5000, false],
      ],
    );
    assert.equal(disks[0]!.DiskId, last.system_disk_id, 'the same system disk, changed in place');
    await importVerify(
      h,
      run,
      A,
      ['security_enhancement_strategy', 'dry_run', 'data_disks', 'system_disk_encrypt_algorithm'],
      h.fullProviderBlock,
    );
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
  },
);
