import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EmulatorBackend } from './backend.js';
import { families } from './families.js';

/** Every compiled module under spec/ (the error tables live there, one or more per family). */
function specModules(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return specModules(p);
    return p.endsWith('.js') && !p.endsWith('.test.js') ? [p] : [];
  });
}

const isErrorTable = (v: unknown): v is { code: string; status: number }[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every((e) => typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.status === 'number');

test('no error code is registered by two tables with different HTTP statuses', async () => {
  const specDir = fileURLToPath(new URL('../spec/', import.meta.url));
  const statuses = new Map<string, Map<number, string[]>>();
  let tables = 0;
  for (const file of specModules(specDir)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!isErrorTable(value)) continue;
      tables++;
      for (const e of value) {
        const byStatus = statuses.get(e.code) ?? new Map<number, string[]>();
        byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), `${file.slice(specDir.length)} ${name}`]);
        statuses.set(e.code, byStatus);
      }
    }
  }
  assert.ok(tables >= 10, `found the error tables (${tables})`);
  const conflicts = [...statuses]
    .filter(([, s]) => s.size > 1)
    .map(([code, s]) => `${code}: ${[...s].map(([st, where]) => `${st} in ${where.join(', ')}`).join('; ')}`);
  assert.deepEqual(conflicts, []);
});

test('IncorrectInstanceStatus answers 400 as ecs-api.md 3.1 gives for CreateImage', () => {
  assert.equal(new EmulatorBackend(families).errors.get('IncorrectInstanceStatus')?.status, 400);
});
