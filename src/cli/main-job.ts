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
 * Usage: `npm start` (apply), `npm start -- plan`, `npm start -- destroy`.
 * Environment: ALICLOUD_IMAGE_PORT (default 9786), ALICLOUD_IMAGE_CREATE_SECONDS (default 5).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlibabaCloudClient, describeImages } from '../ecs/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startEmulator, type RunningEmulator } from '../emulator/index.js';
import { devOverridesConfig } from '../testing/terraform.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REGION = 'cn-hangzhou';

type Command = 'apply' | 'plan' | 'destroy';

function say(line: string): void {
  process.stdout.write(`[alicloud-image] ${line}\n`);
}

function parseCommand(argv: string[]): Command {
  const cmd = argv[0] ?? 'apply';
  if (cmd === 'apply' || cmd === 'plan' || cmd === 'destroy') return cmd;
  process.stderr.write(`Unknown command "${cmd}". Use: npm start [-- apply | plan | destroy]\n`);
  process.exit(2);
}

async function emulatorAlreadyRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/_emulator/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

function providerBlock(endpoint: string): string {
  return `# Written by \`npm start\`: points the example at the local ECS emulator.
# Against the real cloud, drop protocol/endpoints and give real credentials
# (arguments or ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY / ALICLOUD_REGION).
provider "alicloud" {
  region     = "${REGION}"
  access_key = "${DEFAULT_ACCESS_KEY_ID}"
  secret_key = "${DEFAULT_ACCESS_KEY_SECRET}"
  protocol   = "HTTP"
  endpoints {
    ecs             = "${endpoint}"
    vpc             = "${endpoint}"
    resourcemanager = "${endpoint}"
  }
}
`;
}

function runTerraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['inherit', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise(code ?? 1));
  });
}

function terraformJson(args: string[], cwd: string, env: NodeJS.ProcessEnv): any {
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
  const stateDir = join(projectRoot, '.alicloud-image');
  const workDir = join(stateDir, 'seed');
  mkdirSync(workDir, { recursive: true });

  let emulator: RunningEmulator | undefined;
  const endpoint = `127.0.0.1:${port}`;
  if (await emulatorAlreadyRunning(port)) {
    say(`using the emulator already running at http://${endpoint}`);
  } else {
    emulator = await startEmulator({
      port,
      db: join(stateDir, 'emulator.db'),
      settings: { imageCreateSeconds: Number(process.env.ALICLOUD_IMAGE_CREATE_SECONDS ?? 5) },
    });
    say(`emulator listening at ${emulator.url} (database ${join('.alicloud-image', 'emulator.db')})`);
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
    say(`running terraform ${command} in ${join('.alicloud-image', 'seed')} (example: examples/seed/main.tf)`);
    const args =
      command === 'apply'
        ? ['apply', '-auto-approve', '-input=false']
        : command === 'destroy'
          ? ['destroy', '-auto-approve', '-input=false']
          : ['plan', '-input=false'];
    const stopWatching = command === 'apply' ? watchImages(endpoint) : () => {};
    const code = await runTerraform(args, workDir, env);
    stopWatching();
    if (code !== 0) {
      say(`terraform ${command} failed (exit ${code}); the state in .alicloud-image/seed records what exists, so running it again converges.`);
      return code;
    }
    if (command === 'apply') printSummary(workDir, env, port);
    if (command === 'destroy') say('everything the example made is destroyed; `npm start` builds it again.');
    return 0;
  } finally {
    await shutdown();
  }
}

function printSummary(workDir: string, env: NodeJS.ProcessEnv, port: number): void {
  const state = terraformJson(['show', '-json'], workDir, env);
  const resources: { address: string; values: Record<string, unknown> }[] = state?.values?.root_module?.resources ?? [];
  const image = resources.find((r) => r.address === 'alicloud_image.default');
  say('summary');
  for (const r of resources) {
    const id = String(r.values.id ?? '');
    say(`  ${r.address.padEnd(60)} ${id}`);
  }
  if (image) {
    say(`image ${image.values.id}: status ${image.values.status}, usable ${image.values.usable}, name ${image.values.image_name}`);
  }
  say('inspect:  cd .alicloud-image/seed && TF_CLI_CONFIG_FILE=... terraform show   (or: npm start -- plan, which shows no changes)');
  say(`          npx alicloud-image emulator --db .alicloud-image/emulator.db --port ${port}   then   curl http://127.0.0.1:${port}/_emulator/state`);
  say('destroy:  npm start -- destroy');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[alicloud-image] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);


