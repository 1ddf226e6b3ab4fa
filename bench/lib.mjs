/**
 * Shared helpers of the benchmarks: where the compiled package is (dist/, or BENCH_DIST for a
 * private build) and the test build with the test helpers (.build/suite), a provider launcher, a counting HTTP proxy in front of the emulator (when
 * the emulator has no /_emulator/stats), the official provider's wait schedule, and medians.
 */
import { createServer, request } from 'node:http';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The compiled package the benchmarks exercise (default: the repo's dist/). */
export const dist = resolve(process.env.BENCH_DIST ?? join(root, 'dist'));
export const load = (rel) => import(pathToFileURL(join(dist, rel)).href);
/** The test build (test helpers: the terraform workspace, the plugin driver); `npm run build:test` makes it. */
export const testBuild = resolve(process.env.BENCH_TEST_BUILD ?? join(root, '.build', 'suite'));
export const loadTestHelper = (rel) => import(pathToFileURL(join(testBuild, rel)).href);

/** The provider executable: bin/terraform-provider-alicloud for dist/, else a launcher over `tree` (default BENCH_DIST). */
export function providerCommand(tree = process.env.BENCH_DIST ? dist : undefined) {
  if (!tree) return { command: join(root, 'bin', 'terraform-provider-alicloud'), binDir: join(root, 'bin'), cleanup() {} };
  const dir = mkdtempSync(join(tmpdir(), 'bench-provider-bin-'));
  const command = join(dir, 'terraform-provider-alicloud');
  const entry = existsSync(join(tree, 'plugin', 'provider.mjs')) ? join(tree, 'plugin', 'provider.mjs') : join(tree, 'cli', 'provider.js');
  writeFileSync(command, `#!/usr/bin/env node\nawait import(${JSON.stringify(pathToFileURL(entry).href)});\n`);
  chmodSync(command, 0o755);
  return { command, binDir: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The official provider's create wait (anchor-provider.md A1.1): first refresh after a 10 s
 * delay, then pauses of 3 s, 6 s, then 10 s each; returns the time at which a poll first
 * sees an image that became usable T seconds after CreateImage.
 */
export function officialCreateWaitSeconds(T) {
  let t = 10;
  const pauses = [3, 6];
  while (t < T) t += pauses.shift() ?? 10;
  return t;
}
/** Fixed waits of the official provider after update (ModifyImageAttribute) and delete. */
export const OFFICIAL_UPDATE_WAIT_SECONDS = 5;
export const OFFICIAL_DELETE_WAIT_SECONDS = 5;

/** Action name of an RPC request: V3 header, else query, else form body. */
function actionOf(req, url, body) {
  const h = req.headers['x-acs-action'];
  if (typeof h === 'string' && h) return h;
  const q = url.searchParams.get('Action');
  if (q) return q;
  return new URLSearchParams(body.toString('utf8')).get('Action') ?? '(none)';
}

/**
 * A tiny HTTP proxy on 127.0.0.1 that forwards everything to `target` (`127.0.0.1:PORT`) and
 * counts API requests per action (admin routes are not counted).
 */
export async function countingProxy(target) {
  const [host, port] = target.split(':');
  const counts = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith('/_emulator/')) {
        const a = actionOf(req, url, body);
        counts.set(a, (counts.get(a) ?? 0) + 1);
      }
      const up = request({ host, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `127.0.0.1:${server.address().port}`;
  return {
    endpoint,
    reset: () => counts.clear(),
    counts: () => Object.fromEntries([...counts].sort()),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const seconds = (ms) => Math.round(ms) / 1000;
/** a/b to 2 decimals, or 3 significant digits when below 0.1 (so a tiny ratio never prints as 0). */
export const ratio = (a, b) => (a / b < 0.1 ? Number((a / b).toPrecision(3)) : Math.round((a / b) * 100) / 100);

/** Time an async function in milliseconds. */
export async function timed(fn) {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** Throw with terraform's output when a run failed. */
export function check(r, what) {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-2000)}`);
  return r;
}

/**
 * A plugin entry (a compiled .js file) bundled into one ES module the way scripts/bundle-provider.mjs
 * bundles ours, behind a `terraform-provider-alicloud` launcher in a fresh directory.
 */
export async function bundledPlugin(entry) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'bench-plugin-'));
  await build({
    entryPoints: [entry],
    outfile: join(dir, 'plugin.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const bin = join(dir, 'terraform-provider-alicloud');
  writeFileSync(bin, `#!/usr/bin/env node\nawait import(${JSON.stringify(pathToFileURL(join(dir, 'plugin.mjs')).href)});\n`);
  chmodSync(bin, 0o755);
  return { dir, binDir: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
