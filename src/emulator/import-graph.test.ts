import { test } from 'node:test';
import assert from 'node:assert/strict';
import { families } from './families.js';
import { emulatorModules, rootModules, type Module } from './test-support/source-graph.js';

const familyFolders = new Set(families.map((f) => f.name));
/** Families every other family may build on: they import no family themselves. */
const SERVICES = ['tags', 'resource-groups', 'zones', 'regions'];

/** Edges between family folders: `from -> to` with one module import that makes it. */
function familyEdges(modules: Iterable<Module>): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const m of modules) {
    if (!familyFolders.has(m.folder)) continue;
    for (const target of m.imports) {
      const to = target.slice(0, target.indexOf('/'));
      if (to === m.folder || !familyFolders.has(to) || !target.includes('/')) continue;
      const out = edges.get(m.folder) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${m.path} imports ${target}`);
      edges.set(m.folder, out);
    }
  }
  return edges;
}

/** The first cycle of a graph, as its nodes in order (the first repeated at the end), or undefined. */
export function findCycle(edges: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const next of edges.get(n)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...edges.keys()].sort()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}

const modules = emulatorModules();

test('the cycle finder reports a cycle with its path and accepts a DAG', () => {
  const g = (pairs: [string, string][]) => {
    const m = new Map<string, Map<string, string>>();
    for (const [a, b] of pairs) m.set(a, (m.get(a) ?? new Map()).set(b, ''));
    return m;
  };
  assert.deepEqual(
    findCycle(
      g([
        ['images', 'instances'],
        ['instances', 'snapshots'],
        ['snapshots', 'images'],
      ]),
    ),
    ['images', 'instances', 'snapshots', 'images'],
  );
  assert.equal(
    findCycle(
      g([
        ['instances', 'vpc'],
        ['security-groups', 'vpc'],
        ['instances', 'security-groups'],
      ]),
    ),
    undefined,
  );
});

test('the parser sees the imports of the family modules (the graph below is not vacuous)', () => {
  assert.ok(modules.size > 80, `parsed ${modules.size} modules`);
  assert.ok(modules.get('images/index.ts')?.imports.includes('context.ts'));
  assert.ok(modules.get('families.ts')?.imports.includes('images/index.ts'));
  assert.ok(familyEdges(modules.values()).get('instances')?.has('vpc'), 'instances uses the vpc seed ids and CIDR math');
});

test('the import graph between family folders has no cycle (families read each other through backend queries)', () => {
  const edges = familyEdges(modules.values());
  const cycle = findCycle(edges);
  assert.equal(
    cycle &&
      cycle
        .slice(1)
        .map((to, i) => edges.get(cycle[i]!)!.get(to))
        .join('; '),
    undefined,
    `cycle ${cycle?.join(' -> ')}`,
  );
});

test('the request core imports no family; only the composition root (index.ts, families.ts) does', () => {
  const offenders = [...modules.values()]
    .filter((m) => !familyFolders.has(m.folder) && !rootModules.includes(m.path) && m.folder !== 'test-support')
    .flatMap((m) => m.imports.filter((t) => familyFolders.has(t.slice(0, t.indexOf('/')))).map((t) => `${m.path} imports ${t}`));
  assert.deepEqual(offenders, []);
});

test('the shared services (tags, resource groups, zones, regions) import no family', () => {
  const edges = familyEdges(modules.values());
  assert.deepEqual(
    SERVICES.flatMap((s) => [...(edges.get(s)?.values() ?? [])]),
    [],
  );
});

test('a family reads a peer family only through its queries, never through its repository, handlers or family module', () => {
  const stateful = /\/(repository|queries|handlers|index|family)\.ts$/;
  const offenders = [...modules.values()]
    .filter((m) => familyFolders.has(m.folder) && !SERVICES.includes(m.folder))
    .flatMap((m) =>
      m.imports
        .filter((t) => {
          const to = t.slice(0, t.indexOf('/'));
          return to !== m.folder && familyFolders.has(to) && !SERVICES.includes(to) && stateful.test(t);
        })
        .map((t) => `${m.path} imports ${t}`),
    );
  assert.deepEqual(offenders, []);
});
