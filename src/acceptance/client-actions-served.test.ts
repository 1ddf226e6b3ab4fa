/**
 * Every action the ECS client (src/ecs) can call is served by some emulator family, so the
 * provider never meets InvalidAction.NotFound at apply time. Reads the client's sources for the
 * src/spec tables it imports and the action names it looks up, and resolves each one through
 * the emulator's routing table. Cross-layer on purpose (the two layers never import each other).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionSpec } from '../spec/ecs/types.js';
import { Dispatcher } from '../emulator/dispatch.js';
import { families } from '../emulator/families.js';

/** The folder `rel` in the nearest folder above the compiled test that has it (the repo root). */
function upFind(rel: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, rel))) return join(dir, rel);
    if (dirname(dir) === dir) throw new Error(`${rel} not found above ${fileURLToPath(import.meta.url)}`);
  }
}

const isSpec = (v: unknown): v is ActionSpec =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ActionSpec).action === 'string' &&
  typeof (v as ActionSpec).version === 'string' &&
  Array.isArray((v as ActionSpec).params);

interface ClientUse {
  /** The tables the client imports from src/spec, with the file that imports each. */
  specs: { spec: ActionSpec; file: string }[];
  /** Action names looked up by string (`vpcSpec(table, 'X')`, `spec('X')`). */
  lookups: { action: string; file: string }[];
  /** Action tables the client defines itself (`action: 'X'`) instead of importing them. */
  localTables: { action: string; file: string }[];
}

/** Scan the client's non-test sources. */
async function clientUse(): Promise<ClientUse> {
  const dir = upFind('src/ecs');
  const out: ClientUse = { specs: [], lookups: [], localTables: [] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/import\s+\{([^}]*)\}\s+from\s+'\.\.\/spec\/([^']+)'/g)) {
      const mod = (await import(new URL(`../spec/${m[2]}`, import.meta.url).href)) as Record<string, unknown>;
      for (const name of m[1]!
        .split(',')
        .map((n) => n.trim().replace(/^type\s+/, ''))
        .filter(Boolean)) {
        const v = mod[name];
        for (const s of Array.isArray(v) ? v : [v]) if (isSpec(s)) out.specs.push({ spec: s, file });
      }
    }
    for (const m of text.matchAll(/(?:vpcSpec\(\s*\w+\s*,\s*|\bspec\(\s*)'([A-Z]\w+)'/g)) out.lookups.push({ action: m[1]!, file });
    for (const m of text.matchAll(/\baction:\s*'([A-Z]\w+)'/g)) out.localTables.push({ action: m[1]!, file });
  }
  return out;
}

/** The client tables the emulator cannot route, or routes to a table missing some of the client's parameters. */
function unserved(specs: readonly { spec: ActionSpec; file: string }[], dispatcher: Dispatcher): string[] {
  const problems: string[] = [];
  for (const { spec, file } of specs) {
    let served: ActionSpec;
    try {
      served = dispatcher.resolve(spec.action, spec.version).spec;
    } catch (err) {
      problems.push(`${file}: ${spec.product} ${spec.version} ${spec.action}: ${(err as Error).message}`);
      continue;
    }
    const names = new Set(served.params.map((p) => p.name));
    const missing = spec.params.map((p) => p.name).filter((n) => !names.has(n));
    if (missing.length > 0) problems.push(`${file}: ${spec.action} sends ${missing.join(', ')} which the emulator's table lacks`);
  }
  return problems;
}

test('every action table the ECS client imports is served by an emulator family', async () => {
  const use = await clientUse();
  assert.ok(use.specs.length >= 30, `found the client's tables (${use.specs.length})`);
  assert.deepEqual(unserved(use.specs, new Dispatcher(families)), []);
});

test('the ECS client defines no action tables of its own and looks none up by name (it imports each table it calls, so calls are typed)', async () => {
  const use = await clientUse();
  assert.deepEqual(
    use.localTables.map((t) => `${t.file}: ${t.action} (move the table into src/spec)`),
    [],
  );
  assert.deepEqual(
    use.lookups.map((l) => `${l.file}: ${l.action} (import its table instead of looking it up by name)`),
    [],
  );
});

test('the check reports an action no family serves and a parameter the served table lacks', () => {
  const dispatcher = new Dispatcher(families);
  const made: ActionSpec = { product: 'Vpc', version: '2016-04-28', action: 'TagResourcesEverywhere', params: [] };
  const served = dispatcher.resolve('TagResources', '2016-04-28').spec;
  const extra: ActionSpec = { ...served, params: [...served.params, { name: 'NoSuchParam', kind: 'scalar', type: 'string' }] };
  const problems = unserved(
    [
      { spec: made, file: 'x.ts' },
      { spec: extra, file: 'y.ts' },
    ],
    dispatcher,
  );
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /TagResourcesEverywhere/);
  assert.match(problems[1]!, /NoSuchParam/);
});
