/**
 * The console (src/console/: a browser page, no framework) into `<outDir>/console/`: type-checked
 * against the DOM (src/console/tsconfig.json), bundled and minified by esbuild into one app.js,
 * with index.html and app.css copied beside it. The emulator serves that folder at /console/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export async function buildConsole(root, outDir) {
  const require = createRequire(join(root, 'package.json'));
  const tsc = require.resolve('typescript/bin/tsc');
  const src = join(root, 'src/console');
  const r = spawnSync(process.execPath, [tsc, '-p', join(src, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const out = join(outDir, 'console');
  mkdirSync(out, { recursive: true });
  const esbuild = await import(require.resolve('esbuild'));
  await esbuild.build({
    entryPoints: [join(src, 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: join(out, 'app.js'),
    logLevel: 'warning',
    legalComments: 'none',
  });
  for (const f of ['index.html', 'app.css']) copyFileSync(join(src, f), join(out, f));
}
