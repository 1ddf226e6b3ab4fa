/**
 * Acceptance (real terraform, in-process emulator): alicloud_instance's `role_name`,
 * `renewal_status`, `auto_renew_period`, the secondary private IPs and the metadata options step by step on one instance, every step in place and
 * clean: a role and a renewal set on a pay-as-you-go instance (the renewal waits for PrePaid), the
 * switch to PrePaid applying it, role swapped, detached (`""`) and attached again, renewal changed; secondary
 * addresses by count (2, then 3), then as a list (replacing the picked ones), then one swapped;
 * metadata hardened at launch (tokens required, hop limit 2), then the channel disabled in place;
 * the last one checked against the emulator through the client; import verified; destroy (force_delete)
 * leaves nothing. Validate-time refusals (renewal values ECS does not sell, bad role names, secondary
 * IP conflicts, kms_encrypted_password which needs a KMS this provider does not call) end the file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeInstanceDetail, describeInstanceRamRoleName, describeInstanceRenewal } from '../ecs/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { tf } from './image-harness.js';
import { destroySteps, importVerify, instanceNetworkHcl, runSteps, type Step } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const A = 'alicloud_instance.default';
const ECS_TRUST = JSON.stringify({
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
  Version: '1',
});

const dependence = `
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_zones.default.zones[0].id
  cpu_core_count    = 2
  memory_size       = 4
}
${instanceNetworkHcl('tf-role-renewal')}
resource "alicloud_ram_role" "default" {
  count                       = 2
  role_name                   = "tf-instance-role-\${count.index}"
  assume_role_policy_document = ${JSON.stringify(ECS_TRUST)}
}
`;

function config(extra: Record<string, string>): string {
  const args: Record<string, string> = {
    image_id: 'data.alicloud_images.default.images[0].id',
    instance_type: 'data.alicloud_instance_types.default.instance_types[0].id',
    vswitch_id: 'alicloud_vswitch.default.id',
    security_groups: '[alicloud_security_group.default.id]',
    instance_name: '"tf-role-renewal"',
    ...extra,
  };
  return `${dependence}
resource "alicloud_instance" "default" {
${Object.entries(args)
  .map(([k, v]) => `  ${k} = ${v}`)
  .join('\n')}
}
`;
}

const ROLE0 = 'alicloud_ram_role.default[0].role_name';
const ROLE1 = 'alicloud_ram_role.default[1].role_name';
const IPS = (...n: number[]) => `[${n.map((x) => `"172.16.0.${x}"`).join(', ')}]`;
const HARDENED = { http_tokens: '"required"', http_put_response_hop_limit: '2' };
const OPEN = { http_endpoint: '"disabled"', http_tokens: '"optional"', http_put_response_hop_limit: '2' };
const PREPAID = { instance_charge_type: '"PrePaid"', period: '1', force_delete: 'true' };

test(
  'alicloud_instance: role_name, the subscription renewal and secondary private IPs and metadata options change in place, read back, import and destroy',
  { timeout: 600_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps: Step[] = [
      {
        name: 'create PostPaid with a role, two secondary IPs and an AutoRenewal kept for later',
        config: config({
          role_name: ROLE0,
          renewal_status: '"AutoRenewal"',
          auto_renew_period: '3',
          secondary_private_ip_address_count: '2',
          ...HARDENED,
        }),
        expect: {
          [A]: {
            role_name: 'tf-instance-role-0',
            renewal_status: 'AutoRenewal',
            auto_renew_period: 3,
            instance_charge_type: 'PostPaid',
            secondary_private_ip_address_count: 2,
            http_endpoint: 'enabled',
            http_tokens: 'required',
            http_put_response_hop_limit: 2,
          },
        },
      },
      {
        name: 'PrePaid applies the renewal; the role swaps; a third secondary IP',
        config: config({
          ...PREPAID,
          role_name: ROLE1,
          renewal_status: '"AutoRenewal"',
          auto_renew_period: '3',
          secondary_private_ip_address_count: '3',
          ...HARDENED,
        }),
        expect: {
          [A]: {
            role_name: 'tf-instance-role-1',
            renewal_status: 'AutoRenewal',
            auto_renew_period: 3,
            instance_charge_type: 'PrePaid',
            secondary_private_ip_address_count: 3,
          },
        },
      },
      {
        name: 'NotRenewal; the role is detached; secondary IPs as a list',
        config: config({
          ...PREPAID,
          role_name: '""',
          renewal_status: '"NotRenewal"',
          auto_renew_period: '3',
          secondary_private_ips: IPS(200, 201),
          ...OPEN,
        }),
        expect: {
          [A]: {
            role_name: '',
            renewal_status: 'NotRenewal',
            secondary_private_ips: ['172.16.0.200', '172.16.0.201'],
            http_endpoint: 'disabled',
            http_tokens: 'optional',
            http_put_response_hop_limit: 2,
          },
        },
      },
      {
        name: 'AutoRenewal for 6 months; a role again; one secondary IP swapped',
        config: config({
          ...PREPAID,
          role_name: ROLE0,
          renewal_status: '"AutoRenewal"',
          auto_renew_period: '6',
          secondary_private_ips: IPS(200, 202),
          ...OPEN,
        }),
        expect: {
          [A]: {
            role_name: 'tf-instance-role-0',
            renewal_status: 'AutoRenewal',
            auto_renew_period: 6,
            secondary_private_ips: ['172.16.0.200', '172.16.0.202'],
            secondary_private_ip_address_count: 2,
          },
        },
      },
    ];
    const run = await runSteps(
      h,
      steps.map((s) => ({ ...s, sameIdAs: s === steps[0] ? [] : [A] })),
      h.fullProviderBlock,
    );
    const id = (await run.values(A)).id as string;
    assert.equal(await describeInstanceRamRoleName(h.client, id), 'tf-instance-role-0');
    assert.deepEqual(await describeInstanceRenewal(h.client, id), { renewalStatus: 'AutoRenewal', duration: 6, periodUnit: 'Month' });
    assert.deepEqual((await describeInstanceDetail(h.client, id))?.SecondaryPrivateIps, ['172.16.0.200', '172.16.0.202']);
    // force_delete is configuration only (the official test ignores it too).
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run', 'force_delete'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
  },
);

test('alicloud_instance: renewal values ECS does not sell, conflicting or excess secondary IPs and KMS passwords are refused at validate, naming the attribute', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = createTerraformWorkspace({ providerBinDir: h.binDir, files: { 'provider.tf': h.fullProviderBlock, 'main.tf': '' } });
  try {
    for (const [extra, pattern] of [
      [{ auto_renew_period: '5' }, /auto_renew_period[\s\S]*must be one of 1, 2, 3, 6, 12, got 5/],
      [{ renewal_status: '"Sometimes"' }, /renewal_status[\s\S]*AutoRenewal[\s\S]*Normal[\s\S]*NotRenewal/],
      [
        { ...PREPAID, period_unit: '"Week"', renewal_status: '"AutoRenewal"', auto_renew_period: '6' },
        /weekly renewals are 1 to 4\s+weeks/,
      ],
      [{ role_name: '"bad/role"' }, /role_name[\s\S]*RAM role name/],
      [{ secondary_private_ips: IPS(200), secondary_private_ip_address_count: '1' }, /secondary_private_ip/],
      [{ secondary_private_ip_address_count: '11' }, /secondary_private_ip_address_count/],
      [{ kms_encrypted_password: '"ZW5jcnlwdGVk"' }, /KMS Passwords Are Not Supported[\s\S]*kms_encrypted_password needs KMS\s+Decrypt/],
      [{ kms_encryption_context: '{ purpose = "login" }' }, /KMS Passwords Are Not Supported/],
    ] as const) {
      ws.writeFile('main.tf', config(extra));
      const r = await tf(ws, ['validate'], 1);
      assert.match(r.stdout + r.stderr, pattern);
    }
  } finally {
    ws.cleanup();
  }
});
