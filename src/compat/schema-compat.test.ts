/**
 * The standing compatibility check: the official provider's schema (compat/official/) against
 * ours as the real terraform sees it (`terraform providers schema -json`, dev_overrides, no init)
 * plus our schema objects. Any difference not in compat/differences.json fails, and so does an
 * entry there that no longer holds.
 *
 * To refresh the list after a change: `COMPAT_WRITE=1 node --test .build/suite/compat/schema-compat.test.js`
 * rewrites compat/differences.json (reasons kept, stale entries dropped, new ones with a TODO
 * reason that still fails until you write why).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { alicloudProvider } from '../provider/provider.js';
import { repoRoot } from '../cli/docs.js';
import { compareAll, loadRecords, type ProviderJsonSchema } from './check.js';
import { covers, describe, entryFor, formatDifferences, parseDifferences, reconcile, type ListedDifference } from './differences.js';
import type { ProviderDefinition, Schema } from '../framework/index.js';

const root = repoRoot();
const LIST = join(root, 'compat/differences.json');
const COMMENT =
  'Deliberate differences from the official provider schema (see src/compat/differences.ts for the format). Checked by src/compat/schema-compat.test.ts; rendered to docs/compatibility.md by npm run docs.';

/** Our schema as terraform reports it, through the test build's provider (dev_overrides, no init). */
async function terraformSchema(): Promise<ProviderJsonSchema> {
  const binDir = mkdtempSync(join(tmpdir(), 'compat-bin-'));
  const bin = join(binDir, 'terraform-provider-alicloud');
  writeFileSync(bin, `#!/bin/sh\nexec node ${JSON.stringify(fileURLToPath(new URL('../cli/provider.js', import.meta.url)))} "$@"\n`);
  chmodSync(bin, 0o755);
  const ws = createTerraformWorkspace({
    providerBinDir: binDir,
    files: { 'main.tf': 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud" }\n  }\n}\n' },
  });
  try {
    const r = await ws.run(['providers', 'schema', '-json']);
    assert.equal(r.code, 0, `terraform providers schema -json failed:\n${r.stderr}`);
    const all = JSON.parse(r.stdout) as { provider_schemas: Record<string, ProviderJsonSchema> };
    const mine = all.provider_schemas['registry.terraform.io/aliyun/alicloud'];
    assert.ok(mine, `no aliyun/alicloud schema in ${Object.keys(all.provider_schemas).join(', ')}`);
    return mine;
  } finally {
    ws.cleanup();
    rmSync(binDir, { recursive: true, force: true });
  }
}

test('our schema matches the official provider for every type, except the listed deliberate differences', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const records = loadRecords(join(root, 'compat/official'));
  const listed = parseDifferences(readFileSync(LIST, 'utf8'));
  const result = compareAll(await terraformSchema(), alicloudProvider as unknown as ProviderDefinition<Schema, unknown>, records);
  const { unlisted, stale, todo } = reconcile(result.differences, listed, result.checked);

  if (process.env.COMPAT_WRITE === '1') {
    const kept = listed.filter((e) => !stale.includes(e));
    writeFileSync(LIST, formatDifferences([...kept, ...unlisted.map((d) => entryFor(d))], COMMENT));
    console.error(`COMPAT_WRITE: wrote ${LIST} (${unlisted.length} new TODO entries, ${stale.length} stale entries dropped)`);
  }

  const problems: string[] = [];
  for (const type of result.unrecorded)
    problems.push(`${type}: served by us but has no official record; add it to compat/extract-official.mjs and run it`);
  for (const d of unlisted)
    problems.push(
      `${describe(d)}\n    not in compat/differences.json; if deliberate (or a known gap), add:\n    ${JSON.stringify(entryFor(d))},`,
    );
  for (const e of stale)
    problems.push(
      `${describe(e)}\n    is listed in compat/differences.json but no longer differs: remove that entry (reason was: ${e.reason})`,
    );
  for (const e of todo)
    problems.push(`${describe(e)}\n    has a TODO reason in compat/differences.json: say why it differs, or "missing: <issue>"`);
  assert.equal(
    problems.length,
    0,
    `${problems.length} compatibility problem(s) (run with COMPAT_WRITE=1 to rewrite the list with TODO reasons):\n\n${problems.join('\n\n')}`,
  );
});

test('every type of the official record either matches or is listed as not served, with who adds it', () => {
  const records = loadRecords(join(root, 'compat/official'));
  const listed = parseDifferences(readFileSync(LIST, 'utf8'));
  const served = new Set([
    'provider',
    ...alicloudProvider.resources.map((r) => r.typeName),
    ...(alicloudProvider.dataSources ?? []).map((d) => `data.${d.typeName}`),
  ]);
  for (const key of records.keys()) {
    if (served.has(key)) continue;
    const entry = listed.find((e: ListedDifference) => covers(e, { type: key, path: '', fact: 'served', official: true, ours: false }));
    assert.ok(entry, `${key} is not served and not listed as pending in compat/differences.json`);
    assert.match(entry.reason, /^pending: .+/, `${key}: a type not served is listed with "pending: <who / issue>"`);
  }
  // And nothing is listed as not served while we serve it (the other test says the same with terraform).
  for (const e of listed.filter((x) => x.fact === 'served'))
    assert.ok(!served.has(e.type), `${e.type} is served now: remove its pending entry`);
});
