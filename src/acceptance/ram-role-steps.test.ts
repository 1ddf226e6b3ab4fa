/**
 * Acceptance (real terraform, in-process emulator): alicloud_ram_role step by step as the official
 * basic test runs it (our own configurations from its facts: create with a service trust policy,
 * a wider policy, description, max_session_duration 6000, tags added, changed and removed), every
 * step in place and clean, import verified (ignoring force), destroy leaving no role; and
 * data "alicloud_account" names the caller's account.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_ACCOUNT_ID } from '../emulator/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { startHarness, type Harness } from './image-harness.js';
import { destroySteps, importVerify, runSteps, type Step } from './steps-harness.js';

let h: Harness;
before(async () => {
  if (terraformAvailable()) h = await startHarness();
});
after(async () => {
  await h?.stop();
});

const ECS_ONLY = JSON.stringify({
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
  Version: '1',
});
const WIDER = JSON.stringify({
  Statement: [
    {
      Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
      Effect: 'Allow',
      Principal: { Service: ['apigateway.aliyuncs.com', 'ecs.aliyuncs.com'] },
    },
  ],
  Version: '1',
});

function role(o: { doc: string; description?: string; session?: number; tags?: Record<string, string> }): string {
  const lines = [`  role_name                   = "tf-testacc-role"`, `  assume_role_policy_document = ${JSON.stringify(o.doc)}`];
  if (o.description) lines.push(`  description                 = "${o.description}"`);
  if (o.session) lines.push(`  max_session_duration        = ${o.session}`);
  if (o.tags)
    lines.push(
      `  tags = {\n${Object.entries(o.tags)
        .map(([k, v]) => `    ${k} = "${v}"`)
        .join('\n')}\n  }`,
    );
  return `resource "alicloud_ram_role" "default" {\n${lines.join('\n')}\n}\n\ndata "alicloud_account" "current" {}\n`;
}

test('alicloud_ram_role: the official basic steps apply in place and plan clean, import verifies, destroy leaves nothing', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const block = emulatorProviderBlock({ endpoint: h.emu.endpoint, products: ['ecs', 'sts', 'ram'] });
  const a = 'alicloud_ram_role.default';
  const base = { doc: WIDER, description: 'tf-testacc-role', session: 6000 };
  const steps: Step[] = [
    {
      name: 'create',
      config: role({ doc: ECS_ONLY }),
      expect: {
        [a]: {
          role_name: 'tf-testacc-role',
          assume_role_policy_document: ECS_ONLY,
          max_session_duration: 3600,
          arn: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/tf-testacc-role`,
        },
      },
    },
    { name: 'trust policy', config: role({ doc: WIDER }), sameIdAs: [a], expect: { [a]: { assume_role_policy_document: WIDER } } },
    {
      name: 'description',
      config: role({ doc: WIDER, description: 'tf-testacc-role' }),
      sameIdAs: [a],
      expect: { [a]: { description: 'tf-testacc-role' } },
    },
    { name: 'max_session_duration', config: role(base), sameIdAs: [a], expect: { [a]: { max_session_duration: 6000 } } },
    {
      name: 'tags',
      config: role({ ...base, tags: { Created: 'TF', For: 'Test' } }),
      sameIdAs: [a],
      expect: { [a]: { tags: { Created: 'TF', For: 'Test' } } },
    },
    {
      name: 'tags changed',
      config: role({ ...base, tags: { Created: 'TF-update', For: 'Test-update' } }),
      sameIdAs: [a],
      expect: { [a]: { tags: { Created: 'TF-update', For: 'Test-update' } } },
    },
    { name: 'tags removed', config: role(base), sameIdAs: [a] },
  ];
  const run = await runSteps(h, steps, block);
  const state = await run.ws.state();
  const account = (state.values?.root_module?.resources ?? []).find(
    (r: { address: string }) => r.address === 'data.alicloud_account.current',
  );
  assert.equal(account?.values?.id, String(DEFAULT_ACCOUNT_ID));
  const tags = (await run.values(a)).tags;
  assert.ok(tags === null || Object.keys(tags).length === 0, `tags removed: ${JSON.stringify(tags)}`);
  await importVerify(h, run, a, ['force'], block);
  await destroySteps(run);
  // The account's seeded instance role stays; the role this test made must be gone.
  const left = h.emu.db.prepare("SELECT count(*) AS n FROM ram_roles WHERE role_name = 'tf-testacc-role'").get() as { n: number };
  assert.equal(left.n, 0);
});

test('alicloud_ram_role: the deprecated ram_users, services and version make the trust policy and are read back from it', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const block = emulatorProviderBlock({ endpoint: h.emu.endpoint, products: ['ecs', 'sts', 'ram'] });
  const a = 'alicloud_ram_role.old';
  const root = `acs:ram::${DEFAULT_ACCOUNT_ID}:root`;
  const cfg = (lines: string) => `resource "alicloud_ram_role" "old" {\n  role_name = "tf-testacc-old-style"\n${lines}\n}\n`;
  const steps: Step[] = [
    {
      name: 'services only',
      config: cfg(`  services = ["ecs.aliyuncs.com"]`),
      expect: {
        [a]: {
          services: ['ecs.aliyuncs.com'],
          ram_users: [],
          version: '1',
          assume_role_policy_document: JSON.stringify({
            Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
            Version: '1',
          }),
        },
      },
    },
    {
      name: 'a RAM principal added in place',
      config: cfg(`  services  = ["ecs.aliyuncs.com"]\n  ram_users = ["${root}"]`),
      sameIdAs: [a],
      expect: { [a]: { ram_users: [root], services: ['ecs.aliyuncs.com'] } },
    },
  ];
  const run = await runSteps(h, steps, block);
  const doc = JSON.parse((await run.values(a)).assume_role_policy_document);
  assert.deepEqual(doc.Statement[0].Principal, { RAM: [root], Service: ['ecs.aliyuncs.com'] });
  await importVerify(h, run, a, ['force'], block);
  await destroySteps(run);
});
