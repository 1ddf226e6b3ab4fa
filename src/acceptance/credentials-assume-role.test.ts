/**
 * Acceptance (real terraform, in-process emulator): a provider block with `assume_role` manages
 * its resources with the role's temporary keys (the emulator records every action each STS key
 * signed), and a role that cannot be assumed fails the run with a diagnostic naming assume_role,
 * the STS code and what to check, before any resource is touched.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AlibabaCloudClient } from '../ecs/index.js';
import { createRoleSpec } from '../spec/ram/roles.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } from '../emulator/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { createTerraformWorkspace, skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { applyClean, startHarness, tf, type Harness } from './image-harness.js';

let h: Harness;
before(async () => {
  if (terraformAvailable()) h = await startHarness();
});
after(async () => {
  await h?.stop();
});

const ACCOUNT = DEFAULT_ACCOUNT_ID;

/** The emulator block with an `assume_role` block added. */
function assumeRoleBlock(role: string, extra = ''): string {
  const block = emulatorProviderBlock({ endpoint: h.emu.endpoint });
  const assume = `  assume_role {\n    role_arn           = "acs:ram::${ACCOUNT}:role/${role}"\n    session_name       = "acceptance"\n    session_expiration = 900\n${extra}  }\n`;
  return block.replace(/\}\n$/, `${assume}}\n`);
}

const MAIN = `
resource "alicloud_vpc" "net" {
  vpc_name   = "assumed"
  cidr_block = "172.16.0.0/16"
}

resource "alicloud_security_group" "sg" {
  security_group_name = "assumed"
  vpc_id              = alicloud_vpc.net.id
}
`;

async function createRole(name: string, trusted: string[]): Promise<void> {
  const ram = new AlibabaCloudClient({
    region: 'cn-hangzhou',
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    protocol: 'HTTP',
    endpoints: { ram: h.emu.endpoint },
  });
  const document = JSON.stringify({
    Version: '1',
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: trusted } }],
  });
  await ram.call(createRoleSpec, { RoleName: name, AssumeRolePolicyDocument: document });
}

function usage(): { access_key_id: string; action: string; count: number }[] {
  return h.emu.db.prepare('SELECT access_key_id, action, count FROM sts_key_usage ORDER BY action').all() as never;
}

test('apply with assume_role creates, reads and destroys with the assumed role’s temporary keys', async (t) => {
  if (skipUnlessTerraform(t)) return;
  await createRole('tf-deployer', [`acs:ram::${ACCOUNT}:root`]);
  const ws = createTerraformWorkspace({
    providerBinDir: h.binDir,
    files: { 'provider.tf': assumeRoleBlock('tf-deployer'), 'main.tf': MAIN },
  });
  try {
    await applyClean(ws);
    const sessions = h.emu.db.prepare('SELECT access_key_id, session_name, role_name, issued_by FROM sts_sessions').all() as {
      access_key_id: string;
      session_name: string;
      role_name: string;
      issued_by: string;
    }[];
    assert.ok(sessions.length >= 1, 'the provider assumed the role');
    assert.ok(
      sessions.every((s) => s.session_name === 'acceptance' && s.role_name === 'tf-deployer' && s.issued_by === `acs:ram::${ACCOUNT}:root`),
    );
    const keys = new Set(sessions.map((s) => s.access_key_id));
    const actions = usage();
    for (const action of ['CreateVpc', 'CreateSecurityGroup', 'DescribeVpcs', 'DescribeSecurityGroups'])
      assert.ok(
        actions.some((u) => u.action === action && keys.has(u.access_key_id)),
        `${action} was signed with an assumed-role key: ${JSON.stringify(actions)}`,
      );
    await tf(ws, ['destroy', '-auto-approve']);
    // Each terraform command starts the provider anew, which assumes the role again.
    const all = new Set(
      (h.emu.db.prepare('SELECT access_key_id FROM sts_sessions').all() as { access_key_id: string }[]).map((s) => s.access_key_id),
    );
    assert.ok(all.size > keys.size);
    assert.ok(usage().some((u) => u.action === 'DeleteVpc' && all.has(u.access_key_id) && !keys.has(u.access_key_id)));
  } finally {
    ws.cleanup();
  }
});

test('a role whose trust policy does not admit the caller fails clearly, naming assume_role, and touches nothing', async (t) => {
  if (skipUnlessTerraform(t)) return;
  await createRole('locked', ['acs:ram::1111111111111111:root']);
  const ws = createTerraformWorkspace({ providerBinDir: h.binDir, files: { 'provider.tf': assumeRoleBlock('locked'), 'main.tf': MAIN } });
  const before = usage().reduce((n, u) => n + u.count, 0);
  try {
    const r = await tf(ws, ['apply', '-auto-approve'], 1);
    const out = r.stdout + r.stderr;
    assert.match(out, /Cannot Assume RAM Role/);
    assert.match(out, /NoPermission \(HTTP 403\)/);
    assert.match(out, /acs:ram::\d+:role\/locked/);
    assert.match(out, /assume_role: STS AssumeRole/);
    assert.match(out, /trust policy/);
    assert.equal(
      usage().reduce((n, u) => n + u.count, 0),
      before,
      'no call was made with any temporary key',
    );
    ws.writeFile('provider.tf', assumeRoleBlock('no-such-role'));
    const gone = await tf(ws, ['plan'], 1);
    assert.match(gone.stdout + gone.stderr, /EntityNotExist\.Role/);
  } finally {
    ws.cleanup();
  }
});
