/**
 * Process-level benchmarks: (d) provider start (exec to handshake line, over `node -e 0`)
 * and its RSS after GetProviderSchema; (e) signed DescribeImages per second against the
 * emulator holding 10,000 images, over a bare node:http server (same load generator: the
 * official SDK, keep-alive, N concurrent loops), and the emulator's RSS with 100,000 images.
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { load, loadTestHelper, median, providerCommand, ratio, root, timed } from './lib.mjs';

const require = createRequire(join(root, 'package.json'));
const EcsClient = require('@alicloud/ecs20140526').default;
const { Config } = require('@alicloud/openapi-core/dist/utils.js');
const { DescribeImagesRequest } = require('@alicloud/ecs20140526');
const { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } = await load('emulator/index.js');

/** VmRSS of a process in bytes (Linux /proc). */
export function rssOf(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
const mib = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** CPU time (user + system, ms) a live process has used so far (Linux /proc). */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
}

/** Spawn `command`; resolve at its first stdout byte with the wall time and the CPU it used until then. */
function toFirstOutput(command, args, env) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const c = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    c.once('error', reject);
    c.stdout.once('data', () => {
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const cpuMs = cpuMsOf(c.pid);
      c.kill('SIGKILL');
      c.once('exit', () => resolve({ ms, cpuMs }));
    });
  });
}

/**
 * (d) Provider start-up, median of `runs`: exec to the handshake line over `node -e 0` (runs
 * interleaved, so both see the same machine), and the CPU either spends up to its first output
 * line; RSS after GetProviderSchema.
 */
export async function benchProviderStart({ runs = 10 } = {}) {
  const { startPlugin } = await loadTestHelper('testing/plugin-driver.js');
  const { generateCertificate } = await loadTestHelper('tfplugin/certificate.js');
  const { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } = await loadTestHelper('tfplugin/handshake.js');
  const provider = providerCommand();
  const pluginEnv = {
    ...process.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_CLIENT_CERT: generateCertificate({ organization: 'HashiCorp' }).certPem,
  };
  try {
    const nodeMs = [],
      startMs = [],
      nodeCpuMs = [],
      handshakeCpuMs = [];
    let rssAfterSchema = 0,
      rssAtHandshake = 0,
      schemaMs = 0;
    for (let i = 0; i < runs; i++) {
      nodeMs.push(
        (
          await timed(
            () =>
              new Promise((resolve, reject) => {
                const c = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
                c.once('error', reject);
                c.once('exit', resolve);
              }),
          )
        ).ms,
      );
      const p = await startPlugin({ command: provider.command });
      try {
        startMs.push(p.startupMs);
        if (i === runs - 1) {
          rssAtHandshake = rssOf(p.child.pid);
          schemaMs = (await timed(() => p.call('GetProviderSchema', {}))).ms;
          rssAfterSchema = rssOf(p.child.pid);
        }
      } finally {
        await p.shutdown();
      }
      nodeCpuMs.push((await toFirstOutput(process.execPath, ['-e', 'process.stdout.write("1"); setTimeout(() => {}, 5000)'])).cpuMs);
      handshakeCpuMs.push((await toFirstOutput(provider.command, [], pluginEnv)).cpuMs);
    }
    const handshakeMs = median(startMs),
      nodeBareMs = median(nodeMs);
    return {
      runs,
      handshakeMs,
      nodeBareMs,
      overNode: ratio(handshakeMs, nodeBareMs),
      handshakeCpuMs: median(handshakeCpuMs),
      nodeFirstOutputCpuMs: median(nodeCpuMs),
      cpuOverNode: ratio(median(handshakeCpuMs), median(nodeCpuMs)),
      firstGetProviderSchemaMs: schemaMs,
      rssAtHandshakeMiB: mib(rssAtHandshake),
      rssAfterSchemaMiB: mib(rssAfterSchema),
    };
  } finally {
    provider.cleanup();
  }
}

/** Spawn a node script that prints one JSON line first; returns that line, the child and stop(). */
export async function child(script, args) {
  const c = spawn(process.execPath, ['--expose-gc', join(root, 'bench', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((r) => c.once('exit', r));
  const info = await new Promise((resolve, reject) => {
    let buf = '';
    c.stdout.setEncoding('utf8').on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
    });
    c.once('exit', (code) => reject(new Error(`${script} exited (${code}) before printing its address`)));
  });
  return {
    info,
    pid: c.pid,
    stop: async () => {
      c.kill('SIGTERM');
      await exited;
    },
  };
}

/** The official SDK client signed with the emulator's default key, keep-alive (one per load generator). */
export function sdk(url) {
  return new EcsClient(
    new Config({
      accessKeyId: DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
      endpoint: new URL(url).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      readTimeout: 60_000,
      connectTimeout: 60_000,
    }),
  );
}

/** Signed DescribeImages in `concurrency` loops, bounded by `maxRequests` and `maxMs`. */
export async function load_(url, makeRequest, { concurrency = 8, maxRequests = 50_000, maxMs = 5000 } = {}) {
  const client = sdk(url);
  let done = 0,
    failed = 0,
    started = 0,
    firstError;
  const t0 = Date.now();
  const loop = async () => {
    while (started < maxRequests && Date.now() - t0 < maxMs) {
      started++;
      try {
        await client.describeImages(makeRequest(started));
        done++;
      } catch (err) {
        failed++;
        firstError ??= `${err?.code ?? ''} ${String(err?.message ?? err).slice(0, 160)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const ms = Date.now() - t0;
  const rate = (done / ms) * 1000;
  return {
    requests: done,
    failed,
    ms,
    perSecond: rate < 10 ? Math.round(rate * 100) / 100 : Math.round(rate),
    ...(firstError ? { firstError } : {}),
  };
}

/** (e) Emulator throughput with 10,000 images over the bare-server ceiling; RSS with 100,000. */
export async function benchEmulator({ images = 10_000, bigImages = 100_000, concurrency = 8, maxMs = 5000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-emu-'));
  try {
    const bare = await child('bare-server.mjs', []);
    let ceiling;
    try {
      await load_(bare.info.url, () => new DescribeImagesRequest({ regionId: 'cn-hangzhou' }), { concurrency, maxMs: 500 });
      ceiling = await load_(bare.info.url, () => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: 'm-bench0000000000000' }), {
        concurrency,
        maxMs,
      });
    } finally {
      await bare.stop();
    }

    const emu = await child('emulator-child.mjs', [join(dir, 'ten.db'), String(images)]);
    let byId, page;
    try {
      const ids = emu.info.sampleIds;
      const byIdRequest = (n) => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: ids[n % ids.length], status: 'ALL' });
      const pageRequest = () => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'self', pageSize: 10 });
      await load_(emu.info.url, byIdRequest, { concurrency, maxMs: 500 });
      byId = await load_(emu.info.url, byIdRequest, { concurrency, maxMs });
      page = await load_(emu.info.url, pageRequest, { concurrency, maxMs });
    } finally {
      await emu.stop();
    }

    const big = await child('emulator-child.mjs', [join(dir, 'hundred.db'), String(bigImages)]);
    let bigStats;
    try {
      const rssSeeded = rssOf(big.pid);
      const ids = big.info.sampleIds;
      const served = await load_(
        big.info.url,
        (n) => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: ids[n % ids.length], status: 'ALL' }),
        { concurrency: 2, maxRequests: 200, maxMs: 3000 },
      );
      const listed = await load_(
        big.info.url,
        () => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'self', pageSize: 10 }),
        { concurrency: 1, maxRequests: 3, maxMs: 3000 },
      );
      bigStats = {
        images: bigImages,
        seedMs: big.info.seedMs,
        rssSeededMiB: mib(rssSeeded),
        rssAfterRequestsMiB: mib(rssOf(big.pid)),
        byIdRequests: served.requests,
        listRequests: listed.requests,
        listMsEach: listed.requests ? Math.round(listed.ms / listed.requests) : null,
      };
    } finally {
      await big.stop();
    }
    return {
      images,
      concurrency,
      ceiling,
      byId,
      page,
      byIdOverCeiling: ratio(byId.perSecond, ceiling.perSecond),
      pageOverCeiling: ratio(page.perSecond, ceiling.perSecond),
      memory: bigStats,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
