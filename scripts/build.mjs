/**
 * `npm run build`: dist/ from scratch with what runs (tsconfig.json: no tests, no test helpers),
 * then the bundled provider plugin (scripts/bundle-provider.mjs); both builds get the console
 * (scripts/build-console.mjs) in their console/ folder. `--test`: `npm test`'s build of
 * everything, tests included, into .build/suite/ (tsconfig.test.json).
 * Fails if a test file or test helper ends up in dist/.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from './build-console.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const test = process.argv.includes('--test');
const outDir = join(root, test ? '.build/suite' : 'dist');
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');

rmSync(outDir, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, test ? 'tsconfig.test.json' : 'tsconfig.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
await buildConsole(root, outDir);
if (!test) {
  const leaked = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.js$|(^|\/)(acceptance|testing|test-support|fixtures)\/|canned-server\.js$|testing\.js$/.test(relative(outDir, p)))
        leaked.push(p);
    }
  };
  walk(outDir);
  if (leaked.length) {
    process.stderr.write(`build: test code reached dist/ (a production module imports it):\n  ${leaked.join('\n  ')}\n`);
    process.exit(1);
  }
  await import('./bundle-provider.mjs');
}
