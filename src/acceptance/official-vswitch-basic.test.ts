/**
 * Our version of the official `alicloud_vswitch` basic acceptance test (its argument names, values
 * and step order; written by us): a vSwitch in a fresh IPv6-enabled VPC with a zone from
 * `alicloud_zones`, then description, tags, name and a combined step, each applied and planned
 * clean in place; import verifies with no ignore list; destroy leaves nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeVSwitch } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { accumulatedSteps, destroySteps, importVerify, runSteps, type StepAttributes } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const NAME = 'tf-testacccn-hangzhouvswitch12345';
const ADDRESS = 'alicloud_vswitch.default';
const DEPENDENCIES = `
variable "name" {
  default = "${NAME}"
}
resource "alicloud_vpc" "default" {
  vpc_name    = "tf-testacc"
  cidr_block  = "172.16.0.0/12"
  enable_ipv6 = "true"
}
data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}
`;
const parts: StepAttributes[] = [
  {
    zone_id: '${data.alicloud_zones.default.zones.0.id}',
    vpc_id: '${alicloud_vpc.default.id}',
    cidr_block: '${cidrsubnet(alicloud_vpc.default.cidr_block, 4, 2)}',
  },
  { description: `${NAME}1` },
  { tags: { Created: 'TF', For: 'Test' } },
  { vswitch_name: `${NAME}1` },
  { description: NAME, tags: { Created: 'TF-update', For: 'Test-update' }, vswitch_name: '${var.name}' },
];
const expectations: Record<string, unknown>[] = [
  { cidr_block: '172.18.0.0/16' },
  { description: `${NAME}1` },
  { tags: { Created: 'TF', For: 'Test' } },
  { vswitch_name: `${NAME}1` },
  { description: NAME, vswitch_name: NAME, tags: { Created: 'TF-update', For: 'Test-update' } },
];

test(
  'the official alicloud_vswitch basic steps apply and plan clean, import verifies, destroy leaves nothing',
  { timeout: 1_500_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(h, accumulatedSteps(ADDRESS, DEPENDENCIES, parts, expectations), h.fullProviderBlock);
    const values = await run.values(ADDRESS);
    assert.ok(values.zone_id && values.vpc_id, 'zone_id and vpc_id are set');
    assert.equal((await run.values('alicloud_vpc.default')).enable_ipv6, true);
    await importVerify(h, run, ADDRESS, [], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeVSwitch(h.client, values.id), undefined, 'the vSwitch is gone from the emulator');
  },
);
