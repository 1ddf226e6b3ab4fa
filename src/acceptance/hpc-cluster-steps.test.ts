/**
 * Acceptance (real terraform, in-process emulator), written from the facts of the official HPC
 * cluster tests: `alicloud_ecs_hpc_cluster` created with a name and description, import verified,
 * name and description changed in place and back; and the official instance test's SCC instance
 * (an `ecs.sccc7` type, the SCC image, a VPC without a CIDR) launched into an HPC cluster with
 * `hpc_cluster_id`, import verified. Destroy leaves no cluster.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeHpcCluster, describeInstanceDetail } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { accumulatedSteps, destroySteps, importVerify, runSteps } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const HPC = 'alicloud_ecs_hpc_cluster.default';
const NAME = 'tf-testAccEcsHpcCluster4321';

test(
  'alicloud_ecs_hpc_cluster: the official basic steps in place, import verifies, destroy removes it',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(
      h,
      accumulatedSteps(
        HPC,
        '',
        [
          { name: NAME, description: 'Test For Terraform' },
          { name: `${NAME}Update` },
          { description: 'Test For Terraform Update' },
          { name: NAME, description: 'Test For Terraform' },
        ],
        [
          { name: NAME, description: 'Test For Terraform' },
          { name: `${NAME}Update` },
          { description: 'Test For Terraform Update' },
          { name: NAME, description: 'Test For Terraform' },
        ],
      ),
      h.fullProviderBlock,
    );
    const id = (await run.values(HPC)).id as string;
    await importVerify(h, run, HPC, [], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeHpcCluster(h.client, id), undefined);
  },
);

const dependence = `
variable "name" {
  default = "${NAME}"
}
data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.sccc7"
}
data "alicloud_images" "default" {
  name_regex = "^aliyun_3_x64_20G_scc*"
  owners     = "system"
}
resource "alicloud_vpc" "default" {
  vpc_name = var.name
}
resource "alicloud_vswitch" "default" {
  vpc_id       = alicloud_vpc.default.id
  zone_id      = data.alicloud_instance_types.default.instance_types.0.availability_zones.0
  cidr_block   = cidrsubnet(alicloud_vpc.default.cidr_block, 8, 8)
  vswitch_name = var.name
}
resource "alicloud_security_group" "default" {
  name   = var.name
  vpc_id = alicloud_vpc.default.id
}
resource "alicloud_ecs_hpc_cluster" "default" {
  name        = var.name
  description = "For Terraform Test"
}
resource "alicloud_key_pair" "default" {
  key_pair_name = var.name
}
`;

test('alicloud_instance: the official SCC instance launches into an HPC cluster and imports', { timeout: 300_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const I = 'alicloud_instance.default';
  const run = await runSteps(
    h,
    accumulatedSteps(
      I,
      dependence,
      [
        {
          image_id: '${data.alicloud_images.default.images.0.id}',
          security_groups: ['${alicloud_security_group.default.id}'],
          instance_type: '${data.alicloud_instance_types.default.instance_types.0.id}',
          availability_zone: '${data.alicloud_instance_types.default.instance_types.0.availability_zones.0}',
          system_disk_category: 'cloud_efficiency',
          instance_name: '${var.name}',
          key_name: '${alicloud_key_pair.default.key_name}',
          spot_strategy: 'NoSpot',
          spot_price_limit: '0',
          security_enhancement_strategy: 'Active',
          user_data: '${base64encode("I am the user data")}',
          vswitch_id: '${alicloud_vswitch.default.id}',
          hpc_cluster_id: '${alicloud_ecs_hpc_cluster.default.id}',
        },
      ],
      [{ instance_name: NAME, key_name: NAME, user_data: 'SSBhbSB0aGUgdXNlciBkYXRh' }],
    ),
    h.fullProviderBlock,
  );
  const v = await run.values(I);
  const hpcId = (await run.values(HPC)).id as string;
  assert.equal(v.hpc_cluster_id, hpcId);
  assert.equal(v.instance_type, 'ecs.sccc7.32xlarge');
  assert.equal((await describeInstanceDetail(h.client, v.id))?.HpcClusterId, hpcId);
  await importVerify(h, run, I, ['security_enhancement_strategy', 'dry_run'], h.fullProviderBlock);
  await destroySteps(run);
  assert.equal(await describeHpcCluster(h.client, hpcId), undefined);
});
