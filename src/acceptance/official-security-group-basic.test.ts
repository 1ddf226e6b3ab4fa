/**
 * Our versions of the official basic acceptance tests of `alicloud_security_group` and
 * `alicloud_security_group_rule` (their argument names, values and step order; written by us).
 * The group starts from an empty block, lands in the region's default VPC (vpc_id set), then
 * takes a description, the inner access policy three times, a resource group, a name, tags twice
 * and loses them again; the rule goes from a group peer to a CIDR and changes its description in
 * place. Every step applies and plans clean; import verifies with no ignore list; destroy leaves nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createVpc, describeSecurityGroup, listSecurityGroupRules } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { accumulatedSteps, destroySteps, importVerify, REMOVE, runSteps, type Step, type StepAttributes } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness(async (started) => {
  h = started;
  // The official tests read a long-lived VPC by this name; ours makes it first.
  await createVpc(h.client, { VpcName: 'default-NODELETING', CidrBlock: '192.168.0.0/16' });
});

const NAME = 'tf-testAcccn-hangzhouSecurityGroupName12345';
const GROUP = 'alicloud_security_group.default';
const groupParts: StepAttributes[] = [
  {},
  { description: NAME },
  { inner_access_policy: 'Drop' },
  { inner_access_policy: 'Accept' },
  { inner_access_policy: 'Drop' },
  { resource_group_id: '${data.alicloud_resource_manager_resource_groups.default.groups.1.id}' },
  { security_group_name: NAME },
  { tags: { Created: 'TF', For: 'Test' } },
  { tags: { Created: 'TF-update', For: 'Test-update' } },
  { tags: REMOVE },
];
const groupExpect: Record<string, unknown>[] = [
  {},
  { description: NAME },
  { inner_access_policy: 'Drop', inner_access: false },
  { inner_access_policy: 'Accept', inner_access: true },
  { inner_access_policy: 'Drop' },
  {},
  { security_group_name: NAME },
  { tags: { Created: 'TF', For: 'Test' } },
  { tags: { Created: 'TF-update', For: 'Test-update' } },
  { tags: null },
];

test(
  'the official alicloud_security_group basic steps apply and plan clean, import verifies, destroy leaves nothing',
  { timeout: 1_500_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const deps = `
variable "name" {
  default = "${NAME}"
}
data "alicloud_resource_manager_resource_groups" "default" {
}
data "alicloud_vpcs" "default" {
  name_regex = "^default-NODELETING$"
}
`;
    const run = await runSteps(h, accumulatedSteps(GROUP, deps, groupParts, groupExpect), h.fullProviderBlock);
    const values = await run.values(GROUP);
    assert.equal(values.vpc_id, `vpc-default-${h.account}`, 'an empty group lands in the default VPC');
    assert.equal(values.resource_group_id, `rg-dev-${h.account}`);
    await importVerify(h, run, GROUP, [], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeSecurityGroup(h.client, values.id), undefined, 'the group is gone from the emulator');
  },
);

const RULE = 'alicloud_security_group_rule.test';
const ruleConfig = (peer: string, description: string) => `
variable "name" {
  default = "tf-testAccSGR"
}
data "alicloud_vpcs" "test" {
  name_regex = "^default-NODELETING$"
}
resource "alicloud_security_group" "test" {
  count               = 2
  vpc_id              = data.alicloud_vpcs.test.ids.0
  security_group_name = var.name
}
resource "alicloud_security_group_rule" "test" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "drop"
  port_range        = "22/22"
  priority          = 100
  security_group_id = alicloud_security_group.test.0.id
  ${peer}
  description       = "${description}"
}
`;

test(
  'the official alicloud_security_group_rule basic steps apply and plan clean, import verifies, destroy leaves nothing',
  { timeout: 1_500_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const fixed = { type: 'ingress', ip_protocol: 'tcp', nic_type: 'intranet', policy: 'drop', port_range: '22/22', priority: 100 };
    const steps: Step[] = [
      {
        name: 'group peer',
        config: ruleConfig('source_security_group_id = alicloud_security_group.test.1.id', 'abc'),
        expect: { [RULE]: { ...fixed, description: 'abc' } },
      },
      {
        name: 'cidr peer',
        config: ruleConfig('cidr_ip = "0.0.0.0/0"', 'abcd'),
        expect: { [RULE]: { cidr_ip: '0.0.0.0/0', source_security_group_id: null, description: 'abcd' } },
      },
      {
        name: 'description',
        config: ruleConfig('cidr_ip = "0.0.0.0/0"', 'description'),
        expect: { [RULE]: { description: 'description' } },
        sameIdAs: [RULE],
      },
      {
        name: 'all',
        config: ruleConfig('cidr_ip = "0.0.0.0/0"', 'abcd'),
        expect: { [RULE]: { ...fixed, description: 'abcd' } },
        sameIdAs: [RULE],
      },
    ];
    const run = await runSteps(h, steps, h.fullProviderBlock);
    const values = await run.values(RULE);
    assert.match(values.security_group_rule_id, /^sgr-/);
    assert.equal(values.id, `${values.security_group_id}:ingress:tcp:22/22:intranet:0.0.0.0/0:drop:100`, 'the id has the official format');
    await importVerify(h, run, RULE, [], h.fullProviderBlock);
    await destroySteps(run);
    assert.deepEqual(await listSecurityGroupRules(h.client, values.security_group_id, 'ingress').catch(() => []), [], 'no rule is left');
  },
);
