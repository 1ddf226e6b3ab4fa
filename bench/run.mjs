/**
 * `npm run bench`: run every benchmark once (bounded, about 5 minutes on 2 cores), print one
 * Markdown table of ratios on stdout, and write everything to bench/results/latest.json.
 * `BENCH_ONLY=a,d` runs a subset; `BENCH_DIST=path` exercises another compiled tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { dist, root, seconds } from './lib.mjs';
import { benchFiftyImages, benchOneImage, benchPluginFloor, benchRefresh } from './terraform.mjs';
import { benchEmulator, benchProviderStart } from './processes.mjs';
import { benchEmulatorPerRequest, benchFlowControlledApply, benchMixedLoad, benchRefreshThousand } from './scale.mjs';
import { benchCopyRegions } from './copy.mjs';

const only = new Set((process.env.BENCH_ONLY ?? 'a,b,c,d,e,f,g,h,i,j,k').split(','));
const tf = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
const machine = {
  date: new Date().toISOString(),
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  terraform: tf.status === 0 ? JSON.parse(tf.stdout).terraform_version : 'missing',
  dist,
};
const results = { machine };
const step = async (key, name, fn) => {
  if (!only.has(key)) return;
  const t = Date.now();
  process.stderr.write(`bench ${key}: ${name}...\n`);
  try {
    results[key] = await fn();
  } catch (err) {
    results[key] = { error: String(err?.stack ?? err).slice(0, 4000) };
  }
  process.stderr.write(`bench ${key}: done in ${seconds(Date.now() - t)} s\n`);
};

if (machine.terraform === 'missing') process.stderr.write('bench: terraform is not on PATH; benchmarks a, b and c are skipped\n');
else {
  await step('a', 'one image, T = 5 s', () => benchOneImage());
  await step('b', 'fifty images, parallelism 10', () => benchFiftyImages());
  await step('c', 'refresh-only plan of 200 images', () => benchRefresh());
  await step('f', 'refresh-only plan of 1,000 images (base vs ours with BENCH_BASE_DIST)', () => benchRefreshThousand());
  await step('g', 'apply of 200 images under emulator flow control', () => benchFlowControlledApply());
  await step('j', 'copy an image to 20 regions vs one copy', () => benchCopyRegions());
  await step('k', 'the floor of a Node plugin: the echo provider, one apply and a 1,000-resource refresh', () => benchPluginFloor());
}
await step('h', 'emulator per-request time, 10 vs 10,000 images', () => benchEmulatorPerRequest());
await step('i', 'emulator under 500 concurrent signed requests, 20 % writes', () => benchMixedLoad());
await step('d', 'provider start', () => benchProviderStart());
await step('e', 'emulator throughput and memory', () => benchEmulator());

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');

const s = (ms) => (ms === undefined ? 'n/a' : `${seconds(ms)} s`);
const x = (r) => (r === undefined ? 'n/a' : `${r}x`);
const rows = [];
const failed = (k) => results[k]?.error && rows.push(`| ${k} | FAILED: ${results[k].error.split('\n')[0]} | | |`);
const { a, b, c, d, e, f, g, h, i, j, k } = results;
if (a && !a.error) {
  rows.push(
    `| a. 1 image create, T = ${a.T} s | ${s(a.createMs)} | floor T + Terraform's own apply = ${s(a.floorMs)} | **${x(a.createOverFloor)}** |`,
  );
  rows.push(
    `| a. official provider create (computed: first poll at 10 s, then 3/6/10 s) | ${s(a.officialCreateMs)} | ours ${s(a.createMs)} | official/ours **${x(a.officialOverOurs)}** |`,
  );
  rows.push(
    `| a. 1 image update (description) | ${s(a.updateMs)} | official: own + 5 s fixed wait = ${s(a.officialUpdateMs)} | official/ours **${x(a.officialUpdateOverOurs)}** |`,
  );
  rows.push(
    `| a. 1 image destroy | ${s(a.destroyMs)} | official: own + 5 s fixed wait = ${s(a.officialDestroyMs)} | official/ours **${x(a.officialDestroyOverOurs)}** |`,
  );
} else failed('a');
if (b && !b.error) {
  rows.push(
    `| b. ${b.count} images, parallelism ${b.parallelism}, T = ${b.T} s | ${s(b.applyMs)} | ceil(${b.count}/${b.parallelism}) x T = ${s(b.lowerBoundMs)} | **${x(b.overLowerBound)}** (${x(b.overLowerBoundPlusOwnCost)} over bound + own apply ${s(b.terraformOwnApplyMs)}) |`,
  );
  rows.push(
    `| b. API calls per image (apply) | ${b.callsPerImage} | ${Object.entries(b.callsByAction)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | official computed ${s(b.officialMs)}: official/ours **${x(b.officialOverOurs)}** |`,
  );
} else failed('b');
if (c && !c.error) {
  rows.push(
    `| c. plan -refresh-only, ${c.count} images | ${s(c.refreshMs)} | Terraform's own (terraform_data x ${c.count}) ${s(c.terraformOwnRefreshMs)} | **${x(c.overOwnCost)}** |`,
  );
  rows.push(
    `| c. API calls per image (refresh) | ${c.callsPerImage} | ${Object.entries(c.callsByAction)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | |`,
  );
} else failed('c');
if (d && !d.error) {
  rows.push(
    `| d. provider exec to handshake (median of ${d.runs}) | ${Math.round(d.handshakeMs)} ms | \`node -e 0\` ${Math.round(d.nodeBareMs)} ms | **${x(d.overNode)}** |`,
  );
  rows.push(
    `| d. CPU time to the first output line (median) | ${d.handshakeCpuMs} ms | \`node -e\` printing one byte ${d.nodeFirstOutputCpuMs} ms | **${x(d.cpuOverNode)}** |`,
  );
  rows.push(
    `| d. provider RSS after GetProviderSchema | ${d.rssAfterSchemaMiB} MiB | at handshake ${d.rssAtHandshakeMiB} MiB; first schema call ${Math.round(d.firstGetProviderSchemaMs)} ms | |`,
  );
} else failed('d');
if (e && !e.error) {
  rows.push(
    `| e. signed DescribeImages by id, ${e.images} images stored | ${e.byId.perSecond} req/s${e.byId.failed ? ` (${e.byId.failed} failed)` : ''} | bare node:http ceiling ${e.ceiling.perSecond} req/s | **${x(e.byIdOverCeiling)}** |`,
  );
  rows.push(
    `| e. signed DescribeImages first page (self, 10), ${e.images} images | ${e.page.perSecond} req/s${e.page.failed ? ` (${e.page.failed} failed)` : ''} | ceiling ${e.ceiling.perSecond} req/s | **${x(e.pageOverCeiling)}** |`,
  );
  rows.push(
    `| e. emulator RSS, ${e.memory.images} images | ${e.memory.rssAfterRequestsMiB} MiB after requests | ${e.memory.rssSeededMiB} MiB right after seeding (${s(e.memory.seedMs)}); list page ${e.memory.listMsEach ?? 'n/a'} ms each | |`,
  );
} else failed('e');
if (f && !f.error) {
  for (const r of f.runs)
    rows.push(
      `| f. plan -refresh-only, ${f.count} images, ${r.label} | ${s(r.ms)}, ${r.callsPerImage} calls/image (${Object.entries(
        r.callsByAction,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}) | Terraform's own (terraform_data x ${f.count}) ${s(f.terraformOwnRefreshMs)} | **${x(r.overOwnCost)}**${
        r.overSchemaFloor ? `; over the schema floor **${x(r.overSchemaFloor)}**` : ''
      } |`,
    );
  for (const [k, v] of [
    ['default', f.default],
    ['-parallelism=100', f.wide],
  ])
    if (v) rows.push(`| f. base/ours at ${k} | calls **${x(v.callsBaseOverOurs)}**, wall time **${x(v.timeBaseOverOurs)}** | | |`);
} else failed('f');
if (g && !g.error) {
  rows.push(
    `| g. apply ${g.count} images, flow control ${g.createRate} CreateImage/s + ${g.describeRate} DescribeImages/s, T = ${g.T} s | ${s(g.applyMs)}, exit ${g.exitCode}, ${g.failedOperations} failed, ${g.throttledPerImage} throttled/image (${JSON.stringify(g.throttled)}) | floor (${g.count} - ${g.createRate}) / ${g.createRate} + T = ${s(g.floorMs)} | **${x(g.overFloor)}** |`,
  );
  rows.push(
    `| g. same, over the limits' floor plus what precedes any create: Terraform's plan of the same ${g.count} images through the schema floor plugin (${s(g.schemaFloorPlanMs)}) | ${s(g.applyMs)} | ${s(g.floorMs + g.schemaFloorPlanMs)} | **${x(g.overFloorWithWalks)}** |`,
  );
} else failed('g');
if (h && !h.error) {
  for (const k of Object.keys(h.largeOverSmall))
    rows.push(
      `| h. emulator DescribeImages ${k}, ${h.large} vs ${h.small} images (concurrency ${h.concurrency}) | ${h[h.large][k].msPerRequest} ms/request | ${h[h.small][k].msPerRequest} ms/request | **${x(h.largeOverSmall[k])}** |`,
    );
} else failed('h');
if (i && !i.error) {
  const m = (r) => `p99 ${r.p99Ms} ms (p50 ${r.p50Ms}), ${r.perSecond} req/s${r.failed ? `, ${r.failed} failed` : ''}`;
  rows.push(
    `| i. emulator, ${i.concurrency} concurrent signed requests, ${i.writeShare * 100} % writes, ${i.images} images | ${m(i.mixed)} | read-only: ${m(i.readOnly)} | p99 **${x(i.p99MixedOverReadOnly)}**, throughput **${x(i.throughputMixedOverReadOnly)}** |`,
  );
} else failed('i');
if (j && !j.error) {
  rows.push(
    `| j. copy to ${j.regions} regions in one apply (-parallelism=${j.parallelism}, copy T = ${j.T} s) | ${s(j.twentyMs)} | one copy ${s(j.oneMs)}; floor ceil(${j.regions}/${j.parallelism}) x T = ${s(j.floorMs)} (${x(j.floorOverOne)} of one) | **${x(j.twentyOverOne)}** |`,
  );
} else failed('j');
if (k && !k.error) {
  rows.push(
    `| k. floor: echo provider (no cloud) apply of 1 resource | ${s(k.applyOneMs)} | terraform_data apply ${s(k.ownApplyOneMs)} | plugin cost per apply **${s(k.pluginCostPerApplyMs)}** |`,
  );
  rows.push(
    `| k. floor: echo provider plan -refresh-only, ${k.count} resources | ${s(k.refreshMs)} | terraform_data x ${k.count} ${s(k.ownRefreshMs)} | **${x(k.refreshOverOwn)}** |`,
  );
} else failed('k');

process.stdout.write(`## Benchmarks (${machine.date.slice(0, 10)})

Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}, terraform ${machine.terraform}.

| Benchmark | Measured | Reference | Ratio |
|---|---|---|---|
${rows.join('\n')}
`);
