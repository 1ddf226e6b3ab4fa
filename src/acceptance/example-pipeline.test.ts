/**
 * Acceptance (real terraform, in-process emulator): the README's second example,
 * `examples/golden-image-pipeline/main.tf`, exactly as shipped. The only additions are what any
 * emulator run adds: the default provider block and an override file pointing the two region
 * aliases at the emulator, and the second account to share with. It imports the golden image
 * from OSS, copies it to cn-beijing and cn-shanghai, shares it, exports it; re-plans clean; a copy
 * and the share permission import by id and plan clean (a copy after recording its
 * sources in place: ECS does not report them); destroy leaves no copy, share or exported object.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SECOND_ACCOUNT_ID } from '../emulator/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { ossClient, ossErrorCode } from '../emulator/test-support/oss-client.js';
import { repoRoot } from '../cli/docs.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { EXAMPLE_BUCKET, exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

test(
  'the golden-image pipeline example imports, copies to two regions, shares, exports, plans clean and destroys',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const example = readFileSync(join(repoRoot(), 'examples', 'golden-image-pipeline', 'main.tf'), 'utf8');
    const ws = exampleWorkspace(h, example);
    const alias = (name: string, region: string) =>
      emulatorProviderBlock({ endpoint: h.proxy.endpoint, region, extraArguments: { alias: JSON.stringify(name) } });
    ws.writeFile('override.tf', alias('beijing', 'cn-beijing') + alias('shanghai', 'cn-shanghai'));
    ws.writeFile('terraform.tfvars', `share_with = ["${SECOND_ACCOUNT_ID}"]\n`);

    const apply = await ws.run(['apply', '-auto-approve', '-no-color'], { timeoutMs: 240_000 });
    assert.equal(apply.code, 0, `apply:\n${apply.stderr.slice(-3000)}`);
    const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(plan.code, 0, `re-plan must be clean:\n${plan.stdout.slice(-3000)}`);

    const resources = ((await ws.state()).values?.root_module?.resources ?? []) as { address: string; values: Record<string, unknown> }[];
    const byAddress = new Map(resources.map((r) => [r.address, r.values]));
    const golden = String(byAddress.get('alicloud_image_import.golden')?.['id']);
    assert.match(golden, /^m-/);
    for (const region of ['beijing', 'shanghai']) {
      const copy = byAddress.get(`alicloud_image_copy.${region}`);
      assert.equal(copy?.['source_image_id'], golden, `${region} copies the golden image`);
      assert.match(String(copy?.['id']), /^m-/);
      assert.notEqual(copy?.['id'], golden);
    }
    assert.equal(byAddress.get(`alicloud_image_share_permission.accounts["${SECOND_ACCOUNT_ID}"]`)?.['image_id'], golden);
    const outputs = (await ws.state()).values?.outputs as Record<string, { value: string }>;
    const object = outputs['exported_object']!.value;
    const oss = ossClient(h.emu.endpoint, { bucket: EXAMPLE_BUCKET });
    assert.ok((await oss.head(object)).res.status === 200, `the export wrote ${object}`);

    // Import: each copy and the share permission, taken out of the state and imported by id, plan clean.
    const share = `alicloud_image_share_permission.accounts["${SECOND_ACCOUNT_ID}"]`;
    for (const [address, id] of [
      ['alicloud_image_copy.beijing', String(byAddress.get('alicloud_image_copy.beijing')?.['id'])],
      [share, `${golden}:${SECOND_ACCOUNT_ID}`],
    ] as const) {
      assert.equal((await ws.run(['state', 'rm', '-no-color', address])).code, 0, `state rm ${address}`);
      const imported = await ws.run(['import', '-no-color', address, id]);
      assert.equal(imported.code, 0, `import ${address} ${id}:\n${imported.stderr.slice(-2000)}`);
      if (address.startsWith('alicloud_image_copy.')) {
        // ECS does not say which image a copy came from: the import leaves the two source arguments
        // unset, and the next apply only records them, in place (the copy is kept, not replaced).
        const first = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
        assert.equal(first.code, 2, first.stdout.slice(-3000));
        assert.match(first.stdout, /alicloud_image_copy\.beijing will be updated in-place/);
        assert.match(first.stdout, /\+ source_image_id\s+= "m-/);
        assert.doesNotMatch(first.stdout, /must be replaced|destroy and then create/);
        assert.match(first.stdout, /Plan: 0 to add, 1 to change, 0 to destroy/);
        assert.equal((await ws.run(['apply', '-auto-approve', '-no-color'])).code, 0, 'recording the sources');
      }
      const again = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
      assert.equal(again.code, 0, `after importing ${address} the plan is clean:\n${again.stdout.slice(-3000)}`);
    }

    const destroy = await ws.run(['destroy', '-auto-approve', '-no-color'], { timeoutMs: 240_000 });
    assert.equal(destroy.code, 0, `destroy:\n${destroy.stderr.slice(-3000)}`);
    assert.equal((await ossErrorCode(oss.head(object))).code, 'NoSuchKey', 'destroy deletes the exported object');
    const left = h.emu.db.prepare("SELECT count(*) AS n FROM images WHERE name LIKE 'golden-ubuntu%'").get() as { n: number };
    assert.equal(left.n, 0, 'no golden image or copy is left');
  },
);
