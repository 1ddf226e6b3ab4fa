/**
 * Acceptance (real terraform, in-process emulator): `alicloud_zones` with the SLB arguments asks
 * SLB DescribeAvailableResource (`endpoints { slb }`), keeps its master zones and fills
 * `slb_slave_zone_ids`; a value outside the allowed ones fails validation naming the argument.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { tf } from './image-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const hz = (l: string) => `cn-hangzhou-${l}`;

test(
  'available_slb_address_type = "vpc" plans, applies and outputs the SLB slave zones per master zone',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(
      h,
      `
data "alicloud_zones" "slb_vpc" {
  available_slb_address_type = "vpc"
}
data "alicloud_zones" "slb_ipv6" {
  available_resource_creation      = "Slb"
  available_slb_address_ip_version = "ipv6"
}
data "alicloud_zones" "official_spelling" {
  available_slb_address_type = "Vpc"
}
data "alicloud_zones" "plain" {}
output "vpc_ids" { value = data.alicloud_zones.slb_vpc.ids }
output "vpc_slaves" { value = { for z in data.alicloud_zones.slb_vpc.zones : z.id => z.slb_slave_zone_ids } }
output "ipv6_slaves" { value = { for z in data.alicloud_zones.slb_ipv6.zones : z.id => z.slb_slave_zone_ids } }
output "official_spelling_ids" { value = data.alicloud_zones.official_spelling.ids }
output "plain_slaves" { value = data.alicloud_zones.plain.zones[*].slb_slave_zone_ids }
`,
    );
    const plan = await ws.run(['plan', '-no-color']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    await tf(ws, ['apply', '-auto-approve']);
    const out = JSON.parse((await tf(ws, ['output', '-json'])).stdout) as Record<string, { value: unknown }>;
    assert.deepEqual(out.vpc_ids!.value, [hz('h'), hz('i'), hz('j'), hz('k')]);
    assert.deepEqual(out.vpc_slaves!.value, {
      [hz('h')]: [hz('i'), hz('j'), hz('k')],
      [hz('i')]: [hz('h'), hz('j'), hz('k')],
      [hz('j')]: [hz('h'), hz('i'), hz('k')],
      [hz('k')]: [hz('h'), hz('i'), hz('j')],
    });
    assert.deepEqual(out.ipv6_slaves!.value, {
      [hz('i')]: [hz('j'), hz('k')],
      [hz('j')]: [hz('i'), hz('k')],
      [hz('k')]: [hz('i'), hz('j')],
    });
    assert.deepEqual(out.official_spelling_ids!.value, out.vpc_ids!.value);
    assert.deepEqual(out.plain_slaves!.value, [[], [], [], []]);
    const again = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(again.code, 0, again.stdout + again.stderr);
  },
);

test('an SLB address type or IP version outside the allowed values fails the plan naming the argument', { timeout: 60_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = exampleWorkspace(
    h,
    `
data "alicloud_zones" "bad" {
  available_slb_address_type       = "internet"
  available_slb_address_ip_version = "IPv4"
}
`,
  );
  const r = await ws.run(['plan', '-no-color']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const text = (r.stdout + r.stderr).replace(/\s+/g, ' ');
  assert.match(text, /available_slb_address_type/);
  assert.match(text, /"vpc", "classic_internet", "classic_intranet", "Vpc"/);
  assert.match(text, /available_slb_address_ip_version/);
  assert.match(text, /"ipv4", "ipv6"/);
});
