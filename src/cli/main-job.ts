/**
 * The main job (`npm start`): the seed's example, end to end, against the
 * embedded emulator.
 *
 * 1. Start the emulator on 127.0.0.1 with its database under the project's
 *    `.alicloud-image/` folder (or reuse one already answering on that port).
 * 2. Copy `examples/seed/*.tf` into `.alicloud-image/seed/` and add a provider
 *    block pointing at the emulator; the state lives there too, so a second run
 *    is a no-op plan.
 * 3. Run `terraform apply` through a temporary CLI config whose dev_overrides
 *    point at this package's `bin/` (no `terraform init`), showing the image's
 *    progress while it is created.
 * 4. Print a summary: resources, image id and status, how to inspect and destroy.
 *
 * Usage: `npm start` (apply), `npm start -- plan`, `npm start -- show`, `npm start -- destroy`.
 * Environment: ALICLOUD_IMAGE_PORT (default 9786; 0 picks a free port), ALICLOUD_IMAGE_CREATE_SECONDS
 * (default 5), ALICLOUD_IMAGE_HOME (default `<package>/.alicloud-image`: the database and the state).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlibabaCloudClient, describeImages } from '../ecs/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startEmulator, type RunningEmulator } from '../emulator/index.js';
import { emulatorProviderBlock } from '../testing/emulator-block.js';
import { devOverridesConfig } from '../testing/terraform.js';

/** The package root: the nearest folder above this file holding our package.json (works from dist/ or a private build). */
function findProjectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'alicloud-image') return dir;
  }
  throw new Error('cannot find the alicloud-image package root above ' + fileURLToPath(import.meta.url));
}

const projectRoot = findProjectRoot();
const REGION = 'cn-hangzhou';

type Command = 'apply' | 'plan' | 'show' | 'destroy';

function say(line: string): void {
  process.stdout.write(`[alicloud-image] ${line}\n`);
}

function parseCommand(argv: string[]): Command {
  const cmd = argv[0] ?? 'apply';
  if (cmd === 'apply' || cmd === 'plan' || cmd === 'show' || cmd === 'destroy') return cmd;
  process.stderr.write(`Unknown command "${cmd}". Use: npm start [-- apply | plan | show | destroy]\n`);
  process.exit(2);
}

async function emulatorAlreadyRunning(port: number): Promise<boolean> {
  try {
    const token = process.env.ALICLOUD_IMAGE_ADMIN_TOKEN;
    const res = await fetch(`http://127.0.0.1:${port}/_emulator/health`, {
      signal: AbortSignal.timeout(1000),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
    return res.ok;
  } catch {
    return false;
  }
}

function providerBlock(endpoint: string): string {
  return emulatorProviderBlock({
    endpoint,
    region: REGION,
    comment: [
      'Written by `npm start`: points the example at the local ECS emulator.',
      'Against the real cloud, drop protocol/endpoints and give real credentials',
      '(arguments or ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY / ALICLOUD_REGION).',
    ],
  });
}

function runTerraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['inherit', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise(code ?? 1));
  });
}

function terraformJson(args: string[], cwd: string, env: NodeJS.ProcessEnv): unknown {
  const r = spawnSync('terraform', args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout);
  } catch {
    return undefined;
  }
}

/** Poll the emulator for our custom images and print each status/progress change. */
function watchImages(endpoint: string): () => void {
  const client = new AlibabaCloudClient({
    region: REGION,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    endpoints: { ecs: endpoint },
    protocol: 'HTTP',
    retry: { maxAttempts: 1 },
  });
  const seen = new Map<string, string>();
  let stopped = false;
  const tick = async () => {
    while (!stopped) {
      try {
        const { images } = await describeImages(client, { ImageOwnerAlias: 'self', Status: ['ALL'], PageSize: 100 });
        for (const img of images) {
          const line = `${img.Status} ${img.Progress}${img.Usable ? ', usable' : ''}`;
          if (seen.get(img.ImageId) !== line) {
            if (seen.has(img.ImageId) || img.Status !== 'Available') say(`image ${img.ImageId} (${img.ImageName}): ${line}`);
            seen.set(img.ImageId, line);
          }
        }
      } catch {
        // Progress is best effort; terraform reports real errors.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void tick();
  return () => {
    stopped = true;
  };
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write(
      'Terraform was not found on PATH: install Terraform 1.5 or newer (https://developer.hashicorp.com/terraform/install) and run `npm start` again.\n',
    );
    return 1;
  }

  const port = Number(process.env.ALICLOUD_IMAGE_PORT ?? 9786);
  const stateDir = resolve(process.env.ALICLOUD_IMAGE_HOME ?? join(projectRoot, '.alicloud-image'));
  const workDir = join(stateDir, 'seed');
  mkdirSync(workDir, { recursive: true });

  let emulator: RunningEmulator | undefined;
  let endpoint = `127.0.0.1:${port}`;
  if (port !== 0 && (await emulatorAlreadyRunning(port))) {
    say(`using the emulator already running at http://${endpoint}`);
  } else {
    emulator = await startEmulator({
      port,
      db: join(stateDir, 'emulator.db'),
      settings: { imageCreateSeconds: Number(process.env.ALICLOUD_IMAGE_CREATE_SECONDS ?? 5) },
      ...(process.env.ALICLOUD_IMAGE_ADMIN_TOKEN ? { adminToken: process.env.ALICLOUD_IMAGE_ADMIN_TOKEN } : {}),
    });
    endpoint = emulator.endpoint;
    say(`emulator listening at ${emulator.url} (database ${join(stateDir, 'emulator.db')})`);
  }

  for (const f of readdirSync(join(projectRoot, 'examples', 'seed'))) {
    if (f.endsWith('.tf')) copyFileSync(join(projectRoot, 'examples', 'seed', f), join(workDir, f));
  }
  writeFileSync(join(workDir, 'emulator_provider.tf'), providerBlock(endpoint));

  const cliDir = mkdtempSync(join(tmpdir(), 'alicloud-image-cli-'));
  const cliConfig = join(cliDir, 'terraform.rc');
  writeFileSync(cliConfig, devOverridesConfig(join(projectRoot, 'bin')));
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };
  delete env.TF_REATTACH_PROVIDERS;

  const shutdown = async () => {
    rmSync(cliDir, { recursive: true, force: true });
    await emulator?.stop();
  };
  // Ctrl-C reaches terraform too; it stops gracefully, then we close the emulator.
  process.on('SIGINT', () => say('interrupt received: waiting for terraform to stop cleanly'));

  try {
    say(`running terraform ${command} in ${workDir} (example: examples/seed/main.tf)`);
    const args = {
      apply: ['apply', '-auto-approve', '-input=false'],
      destroy: ['destroy', '-auto-approve', '-input=false'],
      plan: ['plan', '-input=false'],
      show: ['show'],
    }[command];
    const stopWatching = command === 'apply' ? watchImages(endpoint) : () => {};
    const code = await runTerraform(args, workDir, env);
    stopWatching();
    if (code !== 0) {
      say(`terraform ${command} failed (exit ${code}); the state in ${workDir} records what exists, so running it again converges.`);
      return code;
    }
    if (command === 'apply') printSummary(workDir, env, endpoint);
    if (command === 'destroy') say('everything the example made is destroyed; `npm start` builds it again.');
    return 0;
  } finally {
    await shutdown();
  }
}

function printSummary(workDir: string, env: NodeJS.ProcessEnv, endpoint: string): void {
  type ShownState = { values?: { root_module?: { resources?: { address: string; mode: string; values: Record<string, unknown> }[] } } };
  const state = terraformJson(['show', '-json'], workDir, env) as ShownState | undefined;
  const all = state?.values?.root_module?.resources ?? [];
  const resources = all.filter((r) => r.mode === 'managed');
  const image = resources.find((r) => r.address === 'alicloud_image.default');
  say(`summary: ${resources.length} resources (read through ${all.length - resources.length} data sources)`);
  for (const r of resources) say(`  ${r.address.padEnd(34)} ${String(r.values.id ?? '')}`);
  if (image) {
    const v = image.values;
    say(
      `image ${v.id} "${v.image_name}": status ${v.status}, usable ${v.usable}, platform ${v.platform}, architecture ${v.architecture}, resource group ${v.resource_group_id}`,
    );
  }
  say('inspect:  npm start -- show      (the state)      npm start -- plan   (no changes)');
  const port = endpoint.split(':')[1];
  say(
    `          npx alicloud-image emulator --db ${join(dirname(workDir), 'emulator.db')} --port ${port}   then   curl http://${endpoint}/_emulator/state`,
  );
  say('destroy:  npm start -- destroy');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[alicloud-image] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
