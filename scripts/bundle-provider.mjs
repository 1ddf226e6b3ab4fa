/**
 * `npm run build`'s second step: bundle the provider plugin (dist/cli/provider.js and everything
 * it loads, dependencies included) into dist/plugin/ with esbuild, so that Terraform's launches
 * read a few files instead of resolving hundreds of modules, and so that `alicloud-image install`
 * can copy a self-contained plugin into Terraform's plugin directories.
 *
 * dist/plugin/provider.mjs is the entry (handshake path only); the protocol tables, the RPC adapter,
 * the provider and the SDK are separate chunks loaded right after the handshake. No file in the
 * folder starts with `terraform-provider-` (Terraform runs the first such file of a package).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outdir = join(root, 'dist', 'plugin');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { provider: join(root, 'dist', 'cli', 'provider.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  // The plugin folder has no package.json: the version travels inside the bundle.
  define: { __ALICLOUD_IMAGE_VERSION__: JSON.stringify(version) },
  chunkNames: '[name]-[hash]',
  // CommonJS dependencies call require() for node built-ins: give every chunk a real one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Less to read and parse at every launch (names stay, so stack traces keep function names).
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
