/**
 * Benchmarks through the real terraform CLI (a, b, c): one image, fifty images, and a
 * refresh-only plan of 200 images, each against a fresh in-process emulator behind a
 * counting proxy, next to the same commands on `terraform_data` (Terraform's own cost).
 */
import { join } from 'node:path';
import {
  OFFICIAL_DELETE_WAIT_SECONDS,
  OFFICIAL_UPDATE_WAIT_SECONDS,
  check,
  countingProxy,
  load,
  loadTestHelper,
  median,
  officialCreateWaitSeconds,
  providerCommand,
  bundledPlugin,
  ratio,
  seconds,
  testBuild,
  timed,
} from './lib.mjs';

const { startEmulator } = await load('emulator/index.js');
const { createTerraformWorkspace } = await loadTestHelper('testing/terraform.js');
const { providerHcl } = await loadTestHelper('acceptance/faults-support.js');

const SNAPSHOT = 's-running-system-1234567890123456';
const images = (count, prefix, description = 'bench') => `resource "alicloud_image" "img" {
  count       = ${count}
  snapshot_id = "${SNAPSHOT}"
  image_name  = "${prefix}-\${count.index}"
  description = "${description}"
}
`;
const dataOnly = (count, input) => `resource "terraform_data" "d" {
  count = ${count}
  input = "${input}"
}
`;

async function withEmulator(T, fn) {
  const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds: T } });
  const proxy = await countingProxy(emu.endpoint);
  const provider = providerCommand();
  try {
    return await fn({ emu, proxy, provider });
  } finally {
    provider.cleanup();
    await proxy.stop();
    await emu.stop();
  }
}

/** apply / change / destroy of `count` terraform_data: Terraform's own cost, median of `runs`. */
async function terraformOwnCost(binDir, count, runs) {
  const apply = [],
    update = [],
    destroy = [],
    refresh = [];
  for (let i = 0; i < runs; i++) {
    const ws = createTerraformWorkspace({ providerBinDir: binDir, files: { 'main.tf': dataOnly(count, 'a') } });
    try {
      apply.push((await timed(async () => check(await ws.run(['apply', '-auto-approve', '-no-color']), 'terraform_data apply'))).ms);
      refresh.push(
        (await timed(async () => check(await ws.run(['plan', '-refresh-only', '-no-color']), 'terraform_data plan -refresh-only'))).ms,
      );
      ws.writeFile('main.tf', dataOnly(count, 'b'));
      update.push((await timed(async () => check(await ws.run(['apply', '-auto-approve', '-no-color']), 'terraform_data update'))).ms);
      destroy.push((await timed(async () => check(await ws.run(['destroy', '-auto-approve', '-no-color']), 'terraform_data destroy'))).ms);
    } finally {
      ws.cleanup();
    }
  }
  return { applyMs: median(apply), updateMs: median(update), destroyMs: median(destroy), refreshMs: median(refresh) };
}

/** (a) One image with creation time T: create, update, destroy vs floors and the official waits. */
export async function benchOneImage({ T = 5, runs = 2 } = {}) {
  return withEmulator(T, async ({ proxy, provider }) => {
    const own = await terraformOwnCost(provider.binDir, 1, 3);
    const create = [],
      update = [],
      destroy = [];
    let calls = {};
    for (let i = 0; i < runs; i++) {
      const ws = createTerraformWorkspace({
        providerBinDir: provider.binDir,
        files: { 'main.tf': providerHcl(proxy.endpoint) + images(1, `one-${i}`) },
      });
      try {
        proxy.reset();
        create.push((await timed(async () => check(await ws.run(['apply', '-auto-approve', '-no-color']), 'apply of one image'))).ms);
        calls = proxy.counts();
        ws.writeFile('main.tf', providerHcl(proxy.endpoint) + images(1, `one-${i}`, 'changed'));
        update.push((await timed(async () => check(await ws.run(['apply', '-auto-approve', '-no-color']), 'update of one image'))).ms);
        destroy.push((await timed(async () => check(await ws.run(['destroy', '-auto-approve', '-no-color']), 'destroy of one image'))).ms);
      } finally {
        ws.cleanup();
      }
    }
    const createMs = median(create),
      updateMs = median(update),
      destroyMs = median(destroy);
    const floorMs = T * 1000 + own.applyMs;
    const officialCreateMs = officialCreateWaitSeconds(T) * 1000 + own.applyMs;
    const officialUpdateMs = OFFICIAL_UPDATE_WAIT_SECONDS * 1000 + own.updateMs;
    const officialDestroyMs = OFFICIAL_DELETE_WAIT_SECONDS * 1000 + own.destroyMs;
    return {
      T,
      runs,
      terraformOwnCost: own,
      createMs,
      updateMs,
      destroyMs,
      floorMs,
      createCallsByAction: calls,
      createOverFloor: ratio(createMs, floorMs),
      officialCreateMs,
      officialOverOurs: ratio(officialCreateMs, createMs),
      updateOverOwnCost: ratio(updateMs, own.updateMs),
      officialUpdateMs,
      officialUpdateOverOurs: ratio(officialUpdateMs, updateMs),
      destroyOverOwnCost: ratio(destroyMs, own.destroyMs),
      officialDestroyMs,
      officialDestroyOverOurs: ratio(officialDestroyMs, destroyMs),
    };
  });
}

/** (b) Fifty images in one apply at Terraform's default parallelism (10). */
export async function benchFiftyImages({ T = 5, count = 50, parallelism = 10 } = {}) {
  return withEmulator(T, async ({ proxy, provider }) => {
    const own = await terraformOwnCost(provider.binDir, count, 1);
    const ws = createTerraformWorkspace({
      providerBinDir: provider.binDir,
      files: { 'main.tf': providerHcl(proxy.endpoint) + images(count, 'fifty') },
    });
    try {
      proxy.reset();
      const { ms } = await timed(async () => check(await ws.run(['apply', '-auto-approve', '-no-color']), `apply of ${count} images`));
      const waves = Math.ceil(count / parallelism);
      const lowerBoundMs = waves * T * 1000;
      const officialMs = waves * officialCreateWaitSeconds(T) * 1000 + own.applyMs;
      return {
        T,
        count,
        parallelism,
        applyMs: ms,
        lowerBoundMs,
        terraformOwnApplyMs: own.applyMs,
        overLowerBound: ratio(ms, lowerBoundMs),
        overLowerBoundPlusOwnCost: ratio(ms, lowerBoundMs + own.applyMs),
        callsPerImage: Math.round((proxy.total() / count) * 100) / 100,
        callsByAction: proxy.counts(),
        officialMs,
        officialOverOurs: ratio(officialMs, ms),
      };
    } finally {
      ws.cleanup();
    }
  });
}

/**
 * (c) `terraform plan -refresh-only` of 200 images. Setup (not timed): one apply with
 * T = 0.1 s and -parallelism=50, so the state and the emulator hold 200 real images.
 */
export async function benchRefresh({ count = 200 } = {}) {
  return withEmulator(0.1, async ({ proxy, provider }) => {
    const own = await terraformOwnCost(provider.binDir, count, 1);
    const ws = createTerraformWorkspace({
      providerBinDir: provider.binDir,
      files: { 'main.tf': providerHcl(proxy.endpoint) + images(count, 'refresh') },
    });
    try {
      const setup = await timed(async () =>
        check(
          await ws.run(['apply', '-auto-approve', '-no-color', '-parallelism=50'], { timeoutMs: 300_000 }),
          `setup apply of ${count} images`,
        ),
      );
      proxy.reset();
      const { ms } = await timed(async () => check(await ws.run(['plan', '-refresh-only', '-no-color']), 'plan -refresh-only'));
      return {
        count,
        setup: `apply of ${count} images with T = 0.1 s and -parallelism=50 (${seconds(setup.ms)} s, not timed)`,
        refreshMs: ms,
        terraformOwnRefreshMs: own.refreshMs,
        overOwnCost: ratio(ms, own.refreshMs),
        callsPerImage: Math.round((proxy.total() / count) * 100) / 100,
        callsByAction: proxy.counts(),
      };
    } finally {
      ws.cleanup();
    }
  });
}

const things = (count, name) => `resource "alicloud_thing" "t" {
  count = ${count}
  name  = "${name}-\${count.index}"
}
`;

/** The echo provider bundled into one file the way scripts/bundle-provider.mjs bundles ours, behind a launcher. */
const bundledEchoProvider = () => bundledPlugin(join(testBuild, 'tfplugin', 'fixtures', 'echo-provider-main.js'));

/**
 * (k) The floor of any Node plugin on this protocol layer: the test suite's echo provider, bundled (no
 * cloud, no SDK, answers from the plan and the state) applying one resource and refreshing
 * `count`, next to terraform_data. Rows a and f above it pay this before any work of ours.
 */
export async function benchPluginFloor({ count = 1000, runs = 3 } = {}) {
  const echo = await bundledEchoProvider();
  try {
    const provider = `provider "alicloud" {\n  region = "cn-test"\n}\n`;
    const own = await terraformOwnCost(echo.dir, 1, runs);
    const apply = [];
    for (let i = 0; i < runs; i++) {
      const ws = createTerraformWorkspace({ providerBinDir: echo.dir, files: { 'main.tf': provider + things(1, `one-${i}`) } });
      try {
        apply.push((await timed(async () => check(await ws.run(['apply', '-auto-approve', '-no-color']), 'echo apply of one'))).ms);
      } finally {
        ws.cleanup();
      }
    }
    const ws = createTerraformWorkspace({ providerBinDir: echo.dir, files: { 'main.tf': provider + things(count, 'many') } });
    const ownMany = createTerraformWorkspace({ providerBinDir: echo.dir, files: { 'main.tf': dataOnly(count, 'a') } });
    try {
      check(await ws.run(['apply', '-auto-approve', '-no-color', '-parallelism=100']), `echo apply of ${count}`);
      check(await ownMany.run(['apply', '-auto-approve', '-no-color', '-parallelism=100']), `terraform_data apply of ${count}`);
      const refresh = [];
      const ownRefresh = [];
      for (let i = 0; i < runs; i++) {
        refresh.push((await timed(async () => check(await ws.run(['plan', '-refresh-only', '-no-color']), 'echo refresh'))).ms);
        ownRefresh.push((await timed(async () => check(await ownMany.run(['plan', '-refresh-only', '-no-color']), 'own refresh'))).ms);
      }
      const applyMs = median(apply);
      const refreshMs = median(refresh);
      const ownRefreshMs = median(ownRefresh);
      return {
        runs,
        count,
        applyOneMs: applyMs,
        ownApplyOneMs: own.applyMs,
        pluginCostPerApplyMs: applyMs - own.applyMs,
        refreshMs,
        ownRefreshMs,
        refreshOverOwn: ratio(refreshMs, ownRefreshMs),
      };
    } finally {
      ws.cleanup();
      ownMany.cleanup();
    }
  } finally {
    echo.cleanup();
  }
}
