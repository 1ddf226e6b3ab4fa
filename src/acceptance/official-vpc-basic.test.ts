/**
 * Our version of the official `alicloud_vpc` basic acceptance test (its argument names, values and
 * step order; written by us): user CIDRs at creation, then CIDR, name, description, a secondary
 * block, resource group, tags twice and a combined step, each applied and planned clean with the
 * VPC updated in place; import verifies (ignoring `dry_run` and `enable_ipv6`, as upstream); destroy
 * leaves nothing in state or in the emulator.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeVpc } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { accumulatedSteps, destroySteps, importVerify, runSteps, type StepAttributes } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const NAME = 'tf-testAcccn-hangzhouVpc1234567';
const ADDRESS = 'alicloud_vpc.default';
const DEPENDENCIES = `
data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "default"
}
`;
const parts: StepAttributes[] = [
  { user_cidrs: ['106.11.62.0/24'] },
  { cidr_block: '172.16.0.0/16' },
  { vpc_name: NAME },
  { description: NAME },
  { secondary_cidr_blocks: ['10.0.0.0/8'] },
  { resource_group_id: '${data.alicloud_resource_manager_resource_groups.default.groups.0.id}' },
  { tags: { Created: 'TF', For: 'Test' } },
  { tags: { Created: 'TF-update', For: 'Test-update' } },
  { cidr_block: '172.16.0.0/12', vpc_name: `${NAME}update`, description: `${NAME}update`, secondary_cidr_blocks: ['10.0.0.0/8'] },
];
const expectations: Record<string, unknown>[] = [
  { user_cidrs: ['106.11.62.0/24'], ipv6_cidr_block: '' },
  { cidr_block: '172.16.0.0/16' },
  { vpc_name: NAME },
  { description: NAME },
  { secondary_cidr_blocks: ['10.0.0.0/8'] },
  {},
  { tags: { Created: 'TF', For: 'Test' } },
  { tags: { Created: 'TF-update', For: 'Test-update' } },
  { cidr_block: '172.16.0.0/12', vpc_name: `${NAME}update`, description: `${NAME}update`, secondary_cidr_blocks: ['10.0.0.0/8'] },
];

test(
  'the official alicloud_vpc basic steps apply and plan clean, import verifies, destroy leaves nothing',
  { timeout: 1_500_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(h, accumulatedSteps(ADDRESS, DEPENDENCIES, parts, expectations), h.fullProviderBlock);
    const values = await run.values(ADDRESS);
    for (const key of ['status', 'router_id', 'router_table_id', 'route_table_id']) assert.ok(values[key], `${key} is set`);
    assert.equal(values.resource_group_id, `rg-default-${h.account}`);
    await importVerify(h, run, ADDRESS, ['dry_run', 'enable_ipv6'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeVpc(h.client, values.id), undefined, 'the VPC is gone from the emulator');
  },
);
