/**
 * Estate-scale benchmarks (issue 16):
 * - f: `terraform plan -refresh-only` of 1,000 images through the schema floor (src/testing/schema-floor-provider.ts:
 *   our schema, a plugin that only echoes the state), the base provider (BENCH_BASE_DIST, a build
 *   of the commit before coalescing) and this one in the same run against the same state and
 *   emulator: API calls per image and wall time, as ratios to each other and to Terraform's own
 *   cost for 1,000 terraform_data.
 * - g: apply of 200 images with the emulator's flow control at 20 CreateImage and 50
 *   DescribeImages per second: failed operations, throttling answers per image, wall time over
 *   the floor the limits impose.
 * - h: the emulator's per-request time with 10 vs 10,000 images stored (by id, a batch of 100
 *   ids, the first page), signed requests from the official SDK.
 * - i: 500 concurrent signed requests against 10,000 images, 20 % of them writes
 *   (ModifyImageAttribute), against the same load read-only: p99 latency and throughput ratios.
 */
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import {
  bundledPlugin,
  check,
  countingProxy,
  load,
  loadTestHelper,
  providerCommand,
  ratio,
  root,
  seconds,
  testBuild,
  timed,
} from './lib.mjs';
import { child, load_, sdk } from './processes.mjs';

const require = createRequire(join(root, 'package.json'));
const { DescribeImagesRequest, ModifyImageAttributeRequest } = require('@alicloud/ecs20140526');
const { startEmulator } = await load('emulator/index.js');
const { createTerraformWorkspace } = await loadTestHelper('testing/terraform.js');
const { providerHcl } = await loadTestHelper('acceptance/faults-support.js');

const SNAPSHOT = 's-running-system-1234567890123456';
const images = (count, prefix) => `resource "alicloud_image" "img" {
  count       = ${count}
  snapshot_id = "${SNAPSHOT}"
  image_name  = "${prefix}-\${count.index}"
  description = "bench"
}
`;

async function ownRefresh(binDir, count) {
  const ws = createTerraformWorkspace({
    providerBinDir: binDir,
    files: { 'main.tf': `resource "terraform_data" "d" {\n  count = ${count}\n  input = "a"\n}\n` },
  });
  try {
    check(await ws.run(['apply', '-auto-approve', '-no-color', '-parallelism=100'], { timeoutMs: 300_000 }), 'terraform_data apply');
    return (await timed(async () => check(await ws.run(['plan', '-refresh-only', '-no-color']), 'terraform_data refresh'))).ms;
  } finally {
    ws.cleanup();
  }
}

/** (f) Refresh of `count` images: base vs this build, same state, same emulator. */
export async function benchRefreshThousand({
  count = Number(process.env.BENCH_REFRESH_COUNT ?? 1000),
  baseDist = process.env.BENCH_BASE_DIST,
} = {}) {
  const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds: 0.1 } });
  const proxy = await countingProxy(emu.endpoint);
  const ours = providerCommand();
  const base = baseDist ? providerCommand(baseDist) : undefined;
  const floor = await bundledPlugin(join(testBuild, 'testing', 'schema-floor-provider.js'));
  const ws = createTerraformWorkspace({
    providerBinDir: ours.binDir,
    files: { 'main.tf': providerHcl(proxy.endpoint) + images(count, 'scale') },
  });
  try {
    const setup = await timed(async () =>
      check(await ws.run(['apply', '-auto-approve', '-no-color', '-parallelism=200'], { timeoutMs: 600_000 }), `setup apply of ${count}`),
    );
    const own = await ownRefresh(ours.binDir, count);
    const refresh = async (label, binDir, parallelism) => {
      proxy.reset();
      const args = ['plan', '-refresh-only', '-no-color', '-detailed-exitcode', ...(parallelism ? [`-parallelism=${parallelism}`] : [])];
      const other = binDir === ours.binDir ? ws : createTerraformWorkspace({ providerBinDir: binDir, files: {} });
      try {
        if (other !== ws) {
          other.writeFile('main.tf', providerHcl(proxy.endpoint) + images(count, 'scale'));
          other.writeFile('terraform.tfstate', readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8'));
        }
        const { ms, value } = await timed(() => other.run(args, { timeoutMs: 600_000 }));
        // A base before c51bfac exits 2 on an unchanged refresh (Terraform 1.11 compared int- and JSON-decoded numbers).
        if (value.code !== 0 && !(binDir === base?.binDir && value.code === 2))
          throw new Error(`${label} refresh exit ${value.code}:\n${value.stderr.slice(-2000)}\n${value.stdout.slice(-1000)}`);
        return { label, ms, calls: proxy.total(), callsPerImage: ratio(proxy.total(), count), callsByAction: proxy.counts() };
      } finally {
        if (other !== ws) other.cleanup();
      }
    };
    const runs = [];
    runs.push(await refresh('schema floor (our schema, a plugin that only echoes the state), -parallelism=10 (default)', floor.binDir));
    if (base) runs.push(await refresh('base, -parallelism=10 (default)', base.binDir));
    runs.push(await refresh('ours, -parallelism=10 (default)', ours.binDir));
    if (base) runs.push(await refresh('base, -parallelism=100', base.binDir, 100));
    runs.push(await refresh('ours, -parallelism=100', ours.binDir, 100));
    for (const r of runs) r.overOwnCost = ratio(r.ms, own);
    const floorRun = runs[0];
    for (const r of runs.slice(1)) r.overSchemaFloor = ratio(r.ms, floorRun.ms);
    const pick = (l) => runs.find((r) => r.label === l);
    const cmp = (p) => {
      const b = pick(`base, ${p}`);
      const o = pick(`ours, ${p}`);
      return b && o ? { callsBaseOverOurs: ratio(b.calls, o.calls), timeBaseOverOurs: ratio(b.ms, o.ms) } : undefined;
    };
    return {
      count,
      setup: `apply of ${count} images, T = 0.1 s, -parallelism=200 (${seconds(setup.ms)} s, not timed)`,
      terraformOwnRefreshMs: own,
      runs,
      default: cmp('-parallelism=10 (default)'),
      wide: cmp('-parallelism=100'),
    };
  } finally {
    ws.cleanup();
    ours.cleanup();
    base?.cleanup();
    floor.cleanup();
    await proxy.stop();
    await emu.stop();
  }
}

/** (g) Apply of `count` images under the emulator's flow control. */
export async function benchFlowControlledApply({ count = 200, createRate = 20, describeRate = 50, T = 0.1 } = {}) {
  const emu = await startEmulator({
    port: 0,
    db: ':memory:',
    settings: { imageCreateSeconds: T },
    flowControl: { rates: { CreateImage: createRate, DescribeImages: describeRate } },
  });
  const proxy = await countingProxy(emu.endpoint);
  const ours = providerCommand();
  const ws = createTerraformWorkspace({
    providerBinDir: ours.binDir,
    files: { 'main.tf': providerHcl(proxy.endpoint) + images(count, 'metered') },
  });
  try {
    const { ms, value } = await timed(() =>
      ws.run(['apply', '-auto-approve', '-no-color', `-parallelism=${count}`], { timeoutMs: 600_000 }),
    );
    // What precedes the first create in any apply: Terraform's validate and plan of the same configuration,
    // timed through the schema floor plugin (no cloud, no waits).
    const floor = await bundledPlugin(join(testBuild, 'testing', 'schema-floor-provider.js'));
    const walks = createTerraformWorkspace({
      providerBinDir: floor.binDir,
      files: { 'main.tf': providerHcl(proxy.endpoint) + images(count, 'metered') },
    });
    let walksMs;
    try {
      walksMs = (await timed(async () => check(await walks.run(['plan', '-no-color', `-parallelism=${count}`]), 'schema floor plan'))).ms;
    } finally {
      walks.cleanup();
      floor.cleanup();
    }
    const fc = await (await fetch(`${emu.url}/_emulator/flow-control`)).json();
    const throttled = Object.values(fc.throttled).reduce((a, b) => a + b, 0);
    const failed = (value.stdout.match(/^Error: /gm) ?? []).length + (value.stderr.match(/Error: /g) ?? []).length;
    // The floor: all but the first second's burst of CreateImage at the metered rate, then the last image's T.
    const floorMs = (Math.max(0, count - createRate) / createRate + T) * 1000;
    return {
      count,
      createRate,
      describeRate,
      T,
      exitCode: value.code,
      failedOperations: failed,
      applyMs: ms,
      floorMs,
      overFloor: ratio(ms, floorMs),
      schemaFloorPlanMs: walksMs,
      overFloorWithWalks: ratio(ms, floorMs + walksMs),
      throttled: fc.throttled,
      throttledPerImage: ratio(throttled, count),
      callsByAction: proxy.counts(),
    };
  } finally {
    ws.cleanup();
    ours.cleanup();
    await proxy.stop();
    await emu.stop();
  }
}

/** (h) Emulator per-request time, 10 vs 10,000 images stored. */
export async function benchEmulatorPerRequest({ small = 10, large = 10_000, maxMs = 3000, concurrency = 4 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const measure = async (count) => {
    const emu = await child('emulator-child.mjs', [join(dir, `${count}.db`), String(count)]);
    try {
      const id = (n) => `m-bench${String(n % count).padStart(13, '0')}`;
      const ids100 = (n) => Array.from({ length: Math.min(100, count) }, (_, i) => id(n * 100 + i)).join(',');
      const kinds = {
        byId: (n) => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: id(n * 7919), status: 'ALL' }),
        batch100: (n) => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: ids100(n), status: 'ALL', pageSize: 100 }),
        firstPage: () => new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'self', pageSize: 10 }),
      };
      const out = {};
      for (const [k, make] of Object.entries(kinds)) {
        await load_(emu.info.url, make, { concurrency, maxMs: 300 });
        const r = await load_(emu.info.url, make, { concurrency, maxMs });
        out[k] = { ...r, msPerRequest: r.requests ? Math.round((r.ms / r.requests) * concurrency * 100) / 100 : null };
      }
      return out;
    } finally {
      await emu.stop();
    }
  };
  try {
    const a = await measure(small);
    const b = await measure(large);
    const ratios = Object.fromEntries(Object.keys(a).map((k) => [k, ratio(b[k].msPerRequest, a[k].msPerRequest)]));
    return { small, large, concurrency, [small]: a, [large]: b, largeOverSmall: ratios };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `concurrency` loops of signed requests for `maxMs`; `write(n)` says which are writes. Latencies in ms. */
async function mixedLoad(url, { concurrency, maxMs, count, write }) {
  const client = sdk(url);
  const id = (n) => `m-bench${String(n % count).padStart(13, '0')}`;
  const latencies = [];
  let failed = 0;
  let firstError;
  let n = 0;
  const t0 = Date.now();
  const loop = async () => {
    while (Date.now() - t0 < maxMs) {
      const k = n++;
      const t = process.hrtime.bigint();
      try {
        if (write(k))
          await client.modifyImageAttribute(
            new ModifyImageAttributeRequest({ regionId: 'cn-hangzhou', imageId: id(k * 7919), description: `w${k}` }),
          );
        else await client.describeImages(new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: id(k * 7919), status: 'ALL' }));
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      } catch (err) {
        failed++;
        firstError ??= `${err?.code ?? ''} ${String(err?.message ?? err).slice(0, 160)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const ms = Date.now() - t0;
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return {
    requests: latencies.length,
    failed,
    ms,
    perSecond: Math.round((latencies.length / ms) * 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    ...(firstError ? { firstError } : {}),
  };
}

/** (i) The emulator under 500 concurrent signed requests, 20 % writes, over the same load read-only. */
export async function benchMixedLoad({ images = 10_000, concurrency = 500, maxMs = 8000, writeShare = 0.2 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-mixed-'));
  const emu = await child('emulator-child.mjs', [join(dir, 'mixed.db'), String(images)]);
  try {
    const everyFifth = (k) => k % Math.round(1 / writeShare) === 0;
    await mixedLoad(emu.info.url, { concurrency, maxMs: 1000, count: images, write: () => false });
    const readOnly = await mixedLoad(emu.info.url, { concurrency, maxMs, count: images, write: () => false });
    const mixed = await mixedLoad(emu.info.url, { concurrency, maxMs, count: images, write: everyFifth });
    return {
      images,
      concurrency,
      writeShare,
      readOnly,
      mixed,
      p99MixedOverReadOnly: ratio(mixed.p99Ms, readOnly.p99Ms),
      throughputMixedOverReadOnly: ratio(mixed.perSecond, readOnly.perSecond),
    };
  } finally {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
