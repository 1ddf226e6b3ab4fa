/**
 * Acceptance (issue 12 items 7 and 8): the real `terraform validate` rejects an empty id on every
 * resource that takes one, and a provider endpoint that is not `host[:port]` with a port from 1
 * to 65535, each error pointing at its attribute's line and naming it, with zero API calls (the
 * endpoints are a tripwire that counts requests). The alicloud_image ids are in validate-table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { validateBehindTripwire, type JsonDiag } from './faults-support.js';

/** [resource type, argument line with the empty id, expected message]. */
const CASES: [string, string, RegExp][] = [
  ['alicloud_instance', 'image_id = ""', /image_id must not be empty/],
  ['alicloud_instance', 'security_groups = [""]', /security_groups must be a security group id such as sg-abc123, got ""/],
  ['alicloud_instance', 'vswitch_id = ""', /vswitch_id must be a vSwitch id such as vsw-abc123, got ""/],
  ['alicloud_instance', 'resource_group_id = ""', /resource_group_id must not be empty/],
  ['alicloud_instance', 'availability_zone = ""', /availability_zone must not be empty/],
  ['alicloud_vswitch', 'vpc_id = ""', /vpc_id must be a VPC id such as vpc-abc123, got ""/],
  ['alicloud_vswitch', 'zone_id = ""', /zone_id must not be empty/],
  ['alicloud_security_group', 'vpc_id = ""', /vpc_id must not be empty/],
  ['alicloud_security_group', 'resource_group_id = ""', /resource_group_id must not be empty/],
  ['alicloud_vpc', 'resource_group_id = ""', /resource_group_id must not be empty/],
];

/** The other required arguments of each type, valid, so the only error is the case's. */
const BASE: Record<string, Record<string, string>> = {
  alicloud_instance: {
    image_id: '"ubuntu_22_04_x64_20G_alibase_20240101.vhd"',
    instance_type: '"ecs.g6.large"',
    security_groups: '["sg-abc123"]',
    vswitch_id: '"vsw-abc123"',
  },
  alicloud_vswitch: { vpc_id: '"vpc-abc123"', cidr_block: '"172.16.1.0/24"', zone_id: '"cn-hangzhou-h"' },
  alicloud_security_group: { vpc_id: '"vpc-abc123"' },
  alicloud_vpc: {},
};

/** Resources of every case, each with the case line where its key would be; the line number of each case line. */
function render(offset: number): { hcl: string; lineOf: number[] } {
  let hcl = '';
  const lineOf: number[] = [];
  CASES.forEach(([type, line], i) => {
    const key = line.split('=')[0]!.trim();
    const args = { ...BASE[type], [key]: line.slice(line.indexOf('=') + 1).trim() };
    hcl += `resource "${type}" "c${i}" {\n`;
    for (const [k, val] of Object.entries(args)) {
      if (k === key) lineOf[i] = offset + hcl.split('\n').length;
      hcl += `  ${k} = ${val}\n`;
    }
    hcl += '}\n\n';
  });
  return { hcl, lineOf };
}

const text = (d: JsonDiag) => `${d.summary}: ${d.detail ?? ''}`;

test('terraform validate rejects an empty id at its attribute on every resource, without any API call', { timeout: 120_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  let offset = 0;
  const r = await validateBehindTripwire((endpoint) => {
    const provider = emulatorProviderBlock({ endpoint });
    offset = provider.split('\n').length - 1;
    return provider + render(offset).hcl;
  });
  const { lineOf } = render(offset);
  assert.equal(r.code, 1, r.output);
  const problems = CASES.flatMap(([type, line, message], i) => {
    const hit = r.errors.find((d) => d.range?.start.line === lineOf[i] && message.test(text(d)));
    return hit ? [] : [`${type}.c${i} (${line}): no error matching ${message} at line ${lineOf[i]}`];
  });
  assert.deepEqual(problems, [], `${problems.join('\n')}\ngot:\n${r.errors.map((d) => `${d.range?.start.line}: ${text(d)}`).join('\n')}`);
  assert.equal(r.errors.length, CASES.length, 'one error per case, nothing else');
  assert.equal(r.requests, 0, 'terraform validate must not make any API request');
});

test(
  'terraform validate rejects an endpoint port out of 1-65535 at endpoints.ecs, without any API call',
  { timeout: 60_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    // A resource makes terraform validate the provider block it uses.
    const r = await validateBehindTripwire(
      (endpoint) =>
        emulatorProviderBlock({ endpoint, products: ['vpc', 'resourcemanager'] }).replace(
          '  endpoints {\n',
          '  endpoints {\n    ecs             = "127.0.0.1:99999"\n',
        ) + 'resource "alicloud_vpc" "ok" {}\n',
    );
    assert.equal(r.code, 1, r.output);
    assert.equal(r.errors.length, 1, r.output);
    assert.match(text(r.errors[0]!), /endpoints\.ecs must have a port from 1 to 65535, got "127\.0\.0\.1:99999"/);
    assert.equal(r.errors[0]!.range?.start.line, 7, 'the error points at the ecs line of the endpoints block');
    assert.equal(r.requests, 0, 'terraform validate must not make any API request');
  },
);
