/**
 * `npm run docs`: write the generated docs (registry layout: docs/index.md, docs/resources/,
 * docs/data-sources/, plus docs/emulator.md and docs/emulator-actions.md) and the examples
 * (examples/resources/<type>/, examples/data-sources/<type>/) into the repository, or with
 * `--check` only report which files are stale (exit 1). Output is deterministic. The pages and
 * examples of resources and data sources come from the provider's registry (`provider.ts`):
 * nothing here names a type.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providerDocFiles } from '../framework/index.js';
import { alicloudProvider } from '../provider/provider.js';
import { providerIndexDoc } from './docs-index.js';
import { emulatorActionsDoc, emulatorDoc } from './docs-emulator.js';
import { compatibilityDoc, parseDifferences } from '../compat/differences.js';

/** The repository root: the nearest folder above this file holding package.json. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** Every generated file, repository-relative, in a fixed order. */
export function generatedDocs(): Record<string, string> {
  return {
    'docs/index.md': providerIndexDoc(),
    ...providerDocFiles(alicloudProvider),
    'docs/emulator.md': emulatorDoc(),
    'docs/emulator-actions.md': emulatorActionsDoc(),
    'docs/compatibility.md': compatibilityPage(),
  };
}

/** docs/compatibility.md from the deliberate-difference list and the official record's commit. */
function compatibilityPage(root = repoRoot()): string {
  const record = JSON.parse(readFileSync(join(root, 'compat/official/alicloud_image.json'), 'utf8')) as { source: { commit: string } };
  return compatibilityDoc(parseDifferences(readFileSync(join(root, 'compat/differences.json'), 'utf8')), record.source.commit);
}

/** The example files among the generated ones (`examples/.../*.tf`), for the acceptance test. */
export function exampleFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(generatedDocs()).filter(([path]) => path.startsWith('examples/') && path.endsWith('.tf')));
}

/** Files whose committed content differs from the generated one. */
export function staleDocs(root = repoRoot()): string[] {
  return Object.entries(generatedDocs())
    .filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text)
    .map(([path]) => path);
}

function main(args: string[]): number {
  const root = repoRoot();
  if (args.includes('--check')) {
    const stale = staleDocs(root);
    for (const p of stale) process.stderr.write(`stale: ${p} (run npm run docs)\n`);
    return stale.length ? 1 : 0;
  }
  for (const [path, text] of Object.entries(generatedDocs())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    process.stdout.write(`wrote ${path}\n`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
