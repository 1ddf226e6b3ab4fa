/**
 * Every committed documentation example (examples/resources/<type>/resource.tf and
 * examples/data-sources/<type>/data-source.tf) is real HCL for this provider: `terraform validate`
 * accepts it, it applies against the emulator with a clean re-plan and destroys, and each
 * import.sh id of the supporting resources imports from the emulator's seed.
 * Skipped loudly without terraform.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleFiles, generatedDocs, repoRoot } from '../cli/docs.js';
import { alicloudProvider } from '../provider/provider.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { applyClean, tf } from './image-harness.js';

const root = repoRoot();
/** The committed example files (what users copy), by repository path. */
const examples = Object.keys(exampleFiles()).map((path) => ({ path, hcl: readFileSync(join(root, path), 'utf8') }));

let h: ExampleHarness | undefined;
useExampleHarness((started) => (h = started));

test('there is one example per registered resource and data source', () => {
  const types = [...alicloudProvider.resources, ...(alicloudProvider.dataSources ?? [])].map((x) => x.typeName);
  assert.ok(types.length >= 9, types.join(', '));
  assert.deepEqual(examples.map((e) => e.path.split('/')[2]).sort(), types.sort(), examples.map((e) => e.path).join(', '));
});

for (const { path, hcl } of examples) {
  test(`terraform validate accepts ${path}`, async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h!, hcl);
    const r = await tf(ws, ['validate']);
    assert.match(r.stdout, /The configuration is valid/);
    assert.doesNotMatch(r.stdout + r.stderr, /Warning: Deprecated|Attribute Ignored/, 'examples use no deprecated or ignored arguments');
  });

  test(`${path} applies against the emulator, re-plans clean and destroys`, async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h!, hcl);
    await applyClean(ws);
    const state = await ws.state();
    const type = path.split('/')[2]!;
    const addresses = ((state.values?.root_module?.resources ?? []) as { address: string }[]).map((r) => r.address);
    const prefix = path.startsWith('examples/data-sources/') ? `data.${type}.` : `${type}.`;
    assert.ok(
      addresses.some((a) => a.startsWith(prefix)),
      `${prefix} in state: ${addresses.join(', ')}`,
    );
    await tf(ws, ['destroy', '-auto-approve']);
  });
}

/** Replace references to other blocks with literals of the right form (import validates the config). */
function withoutReferences(block: string): string {
  const literal: Record<string, string> = {
    alicloud_vpc: '"vpc-placeholder"',
    alicloud_vswitch: '"vsw-placeholder"',
    alicloud_security_group: '"sg-placeholder"',
    alicloud_instance_types: '"ecs.placeholder"',
    alicloud_images: '"m-placeholder"',
    alicloud_zones: '"cn-hangzhou-h"',
  };
  return block.replace(/(?:data\.)?(alicloud_\w+)\.\w+(?:\.\w+|\[\d+\])+/g, (ref, type: string) => literal[type] ?? ref);
}

// Images are not seeded: their imports are verified by the image, image-import and image-export acceptance
// tests, and those of image copies and share permissions by example-pipeline.test.ts.
const IMAGE_TYPES = [
  '/alicloud_image/',
  '/alicloud_image_import/',
  '/alicloud_image_export/',
  '/alicloud_image_copy/',
  '/alicloud_image_share_permission/',
];
const importScripts = Object.entries(generatedDocs()).filter(([p]) => p.endsWith('/import.sh') && !IMAGE_TYPES.some((t) => p.includes(t)));

for (const [path] of importScripts) {
  test(`the command in ${path} imports the emulator's seeded resource`, async (t) => {
    if (skipUnlessTerraform(t)) return;
    const script = readFileSync(join(root, path), 'utf8');
    const m = /^terraform (import (\S+) (\S+))$/m.exec(script);
    assert.ok(m, `${path} has one terraform import line`);
    const [type, name] = m[2]!.split('.');
    const tfFile = readFileSync(join(root, path.replace('import.sh', 'resource.tf')), 'utf8');
    const block = new RegExp(`resource "${type}" "${name}" \\{[\\s\\S]*?\\n\\}\\n`).exec(tfFile)?.[0];
    assert.ok(block, `resource.tf declares ${m[2]}`);
    // Only the imported block: import needs its address in config, nothing else to apply.
    const ws = exampleWorkspace(h!, withoutReferences(block));
    await tf(ws, ['import', m[2]!, m[3]!]);
    const state = await ws.state();
    const res = (state.values?.root_module?.resources ?? []) as { address: string; values: { id: string } }[];
    assert.equal(res.find((r) => r.address === m[2])?.values.id, m[3]);
  });
}
