/**
 * The main job (`npm start`): the seed's example, end to end, against the embedded emulator,
 * installed and run the way users run any provider.
 *
 * 1. Start the emulator on 127.0.0.1 with its database in the home folder (or reuse one already
 *    answering on that port, after checking it serves the database this state was made against).
 * 2. Copy `examples/seed/*.tf` into `<home>/seed/`, add a provider block pointing at the emulator
 *    and a `required_providers` entry for this package's version; the state lives there too, so a
 *    second run is a no-op plan.
 * 3. Install the provider into `<home>/plugins` (alicloud-image install's layout) and run
 *    `terraform init` from that mirror only (offline; writes .terraform.lock.hcl) when needed, then
 *    `terraform apply`, showing the image's progress while it is created.
 * 4. Print a summary: resources, image id and status, how to inspect and destroy.
 *
 * It says what is wrong and what to do when the port is taken by another program, when the running
 * emulator's database is not the one the state was made against, when another `npm start` works in
 * the same folder, and when Ctrl-C interrupts an image.
 *
 * Usage: `npm start [-- apply|plan|show|destroy] [--port N] [--home DIR] [--image-create-seconds N]`;
 * the ALICLOUD_IMAGE_* variables are the flags' defaults (settings.ts).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlibabaCloudClient, describeImages } from '../ecs/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, createFolders, startEmulator, type RunningEmulator } from '../emulator/index.js';
import { EMULATOR_ENV } from './commands/emulator.js';
import { probeEmulator, type ServedDatabase } from './emulator-probe.js';
import { emulatorProviderBlock } from './emulator-block.js';
import { UsageError, parseFlags } from './flags.js';
import { installProvider, mirrorCliConfig, PROVIDER_HOSTS } from './install.js';
import { ENV, environmentHelp, packageRoot, packageVersion, resolveSettings, type Settings } from './settings.js';
import {
  TERRAFORM_MISSING,
  colourWanted,
  initNeeded,
  readLocalState,
  runTerraform,
  terraformJson,
  terraformOnPath,
} from './terraform-cli.js';
import { acquireWorkLock } from './work-lock.js';

const projectRoot = packageRoot();
const REGION = 'cn-hangzhou';
const ADDRESS = `${PROVIDER_HOSTS[0]}/aliyun/alicloud`;
/** Beside the state: the database the state was made against. */
const DATABASE_RECORD = 'emulator-database.json';

const COMMANDS = ['apply', 'plan', 'show', 'destroy'] as const;
type Command = (typeof COMMANDS)[number];

export const mainJobUsage = `Usage: npm start [-- <command>] [-- flags]

The alicloud_image documentation's example (examples/seed/main.tf), end to end: starts the
local ECS emulator, installs this package's provider for \`terraform init\`, and runs terraform.

Commands:
  apply      create or update everything (default; a second run changes nothing)
  plan       show the plan (no changes after an apply)
  show       show the state
  destroy    destroy everything the example made

Flags:
  --port N                  emulator port (default $${ENV.port}, else 9786; 0 picks a free one)
  --home DIR                database, state and provider mirror (default $${ENV.home}, else .alicloud-image/)
  --image-create-seconds N  how long the emulator takes to create an image (default $${ENV.imageCreateSeconds}, else 5)
  -h, --help                show this help
  --version                 print the version

${environmentHelp}
Image progress appears while terraform applies. Outside npm start, terraform shows the provider's
progress lines with TF_LOG_PROVIDER=INFO.
`;

/** What `npm start` prints itself (terraform's own output is passed through untouched). */
function say(line: string): void {
  process.stdout.write(`[alicloud-image] ${line}\n`);
}

/** A problem `npm start` explains itself: what is wrong, then what to do. Exit code 1. */
class Diagnosis extends Error {
  override name = 'Diagnosis';
  constructor(
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(problem);
  }
}

function parseArgs(argv: readonly string[]): { command: Command; flags: Map<string, string> } | 'help' | 'version' {
  // `npm start -- plan --port 0`: an optional command first, then flags.
  const hasCommand = argv[0] !== undefined && !argv[0].startsWith('-');
  const flags = parseFlags(hasCommand ? argv.slice(1) : argv, {
    port: { value: true },
    home: { value: true },
    'image-create-seconds': { value: true },
    help: { value: false },
    version: { value: false },
  });
  if (flags.has('help')) return 'help';
  if (flags.has('version')) return 'version';
  const command = (hasCommand ? argv[0] : 'apply') as Command;
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"; use: npm start [-- ${COMMANDS.join(' | ')}]`);
  return { command, flags };
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

/** The required_providers entry pinning this package's provider (installed into the home's mirror). */
function versionsBlock(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.');
  return `# Written by \`npm start\`: this package's provider, installed into the home folder's plugins/
# mirror and picked up by \`terraform init\` (see \`alicloud-image install\`).
terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> ${minor}.0"
    }
  }
}
`;
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

const howToStartOver = (workDir: string) =>
  `To start over without those resources, remove the state: rm ${join(workDir, 'terraform.tfstate')} ` +
  `${join(workDir, 'terraform.tfstate.backup')} ${join(workDir, DATABASE_RECORD)}; then run npm start again.`;

/** Refuse to run Terraform against a database that is not the one the state's resources live in. */
function checkDatabase(workDir: string, served: ServedDatabase, emulatorUrl: string, startedHere: boolean): void {
  const { managed } = readLocalState(workDir);
  const recordFile = join(workDir, DATABASE_RECORD);
  if (managed.length === 0 || !existsSync(recordFile)) return;
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as ServedDatabase;
  if (record.id === served.id) return;
  const listed = `the Terraform state in ${workDir} lists ${managed.length} resources`;
  if (!startedHere && record.path !== served.path) {
    throw new Diagnosis(
      `The emulator already running at ${emulatorUrl} serves the database ${served.path} (id ${served.id}), but ${listed} made ` +
        `against ${record.path} (id ${record.id}). Terraform would plan every one of them as deleted.`,
      `Stop that emulator (Ctrl-C where it runs) and run npm start again: it then starts its own on ${record.path}. ` +
        `Or keep it and run this example on another port: ${ENV.port}=0 npm start.`,
    );
  }
  throw new Diagnosis(
    `The emulator's database ${served.path} is not the one this state was made against: it is database ${served.id} ` +
      `(created ${served.createdAt}), and ${listed} made against database ${record.id}. The database was deleted, ` +
      `replaced or reset, so those resources no longer exist and Terraform would plan every one of them as deleted.`,
    `Put the old database file back, or ${howToStartOver(workDir).replace(/^To/, 'to')}`,
  );
}

async function startOrReuseEmulator(
  settings: Settings,
  workDir: string,
): Promise<{ emulator?: RunningEmulator; endpoint: string; database: ServedDatabase }> {
  const { port, db } = settings;
  const portSource = settings.sources.port === 'default' ? '' : ` (from ${settings.sources.port === 'flag' ? '--port' : ENV.port})`;
  if (port !== 0) {
    const probe = await probeEmulator(port);
    if (probe.kind === 'emulator') {
      say(`using the emulator already running at http://127.0.0.1:${port} (database ${probe.database.path})`);
      return { endpoint: `127.0.0.1:${port}`, database: probe.database };
    }
    if (probe.kind === 'other') throw portTaken(port, portSource, probe.detail);
  }
  const dbExisted = db === ':memory:' || existsSync(db);
  const { managed } = readLocalState(workDir);
  if (!dbExisted && managed.length > 0) {
    // Refuse before starting: the emulator would create an empty database in its place.
    throw new Diagnosis(
      `The emulator's database ${db} does not exist, but the Terraform state in ${workDir} lists ${managed.length} resources made ` +
        `against it: they are gone with it, so Terraform would plan every one of them as deleted.`,
      `Put the database file back, or ${howToStartOver(workDir).replace(/^To/, 'to')}`,
    );
  }
  let emulator: RunningEmulator;
  try {
    const adminToken = process.env[EMULATOR_ENV.adminToken];
    emulator = await startEmulator({
      port,
      db,
      settings: { imageCreateSeconds: settings.imageCreateSeconds },
      ...(adminToken ? { adminToken } : {}),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portTaken(port, portSource, 'it does not answer like the emulator');
    throw err;
  }
  say(`emulator listening at ${emulator.url} (database ${db})`);
  say(`console at ${emulator.consoleUrl}`);
  const probe = await probeEmulator(emulator.port);
  if (probe.kind !== 'emulator') throw new Error(`the emulator started at ${emulator.url} does not answer its health route`);
  return { emulator, endpoint: emulator.endpoint, database: probe.database };
}

function portTaken(port: number, source: string, detail: string): Diagnosis {
  return new Diagnosis(
    `Port ${port}${source} on 127.0.0.1 is in use by another program, not the alicloud-image emulator: ${detail}.`,
    `Stop that program, or run on another port: ${ENV.port}=${port === 9786 ? 9787 : 9786} npm start (${ENV.port}=0 picks a free one).`,
  );
}

/** Copy the example and the files npm start adds (the provider block only with an emulator); install the provider into the home's mirror. */
function prepareWorkDir(workDir: string, pluginDir: string, endpoint: string | undefined, version: string): void {
  for (const f of readdirSync(join(projectRoot, 'examples', 'seed'))) {
    if (f.endsWith('.tf')) copyFileSync(join(projectRoot, 'examples', 'seed', f), join(workDir, f));
  }
  if (endpoint) writeFileSync(join(workDir, 'emulator_provider.tf'), providerBlock(endpoint));
  writeFileSync(join(workDir, 'versions.tf'), versionsBlock(version));
  installProvider({ dir: pluginDir, version, pluginSource: join(projectRoot, 'dist', 'plugin'), hosts: [PROVIDER_HOSTS[0]] });
}

/** After an interruption: one account of what the state now holds and what the next run does. */
function explainInterruption(workDir: string): void {
  const { tainted } = readLocalState(workDir);
  if (tainted.length === 0) {
    say('interrupted: terraform stopped cleanly and the state records everything that exists; the next `npm start` carries on from there.');
    return;
  }
  for (const t of tainted) {
    const what = t.address.startsWith('alicloud_image.') ? `the image ${t.id}` : `${t.address} (${t.id})`;
    say(
      `interrupted while creating ${t.address}: ${what} exists in the emulator and Terraform saved it in the state as tainted, ` +
        'so the next `npm start` deletes it and creates it again (`npm start -- destroy` removes everything).',
    );
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(mainJobUsage);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`alicloud-image ${packageVersion(projectRoot)}\n`);
    return 0;
  }
  const { command, flags } = parsed;
  const settings = resolveSettings(flags, process.env, projectRoot);
  if (!terraformOnPath()) {
    process.stderr.write(`${TERRAFORM_MISSING}\n`);
    return 1;
  }
  const version = packageVersion(projectRoot);
  const workDir = join(settings.home, 'seed');
  const pluginDir = join(settings.home, 'plugins');
  try {
    createFolders(workDir);
  } catch (err) {
    throw new Diagnosis(
      `Cannot use ${settings.home} as the home folder (database, state and provider mirror): ${(err as Error).message}.`,
      `Give --home (or ${ENV.home}) a folder you can write, for example --home /tmp/alicloud-image.`,
    );
  }

  const lock = acquireWorkLock(workDir, command);
  if (!lock.ok) {
    const h = lock.holder;
    throw new Diagnosis(
      `Another \`npm start\` (pid ${h.pid}, running ${h.command} since ${h.startedAt}) is using ${workDir}; two runs on one state would ` +
        `wait on Terraform's state lock and then fail.`,
      `Wait for it to finish, or stop it (Ctrl-C in its terminal, or kill ${h.pid}), then run npm start again. To run both at ` +
        `once, give this one its own folder and port: ${ENV.home}=/tmp/second ${ENV.port}=0 npm start.`,
    );
  }

  let emulator: RunningEmulator | undefined;
  const cliDir = mkdtempSync(join(tmpdir(), 'alicloud-image-cli-'));
  let interrupted = false;
  const onInterrupt = () => {
    if (!interrupted) say('interrupt received: waiting for terraform to stop cleanly and save what exists');
    interrupted = true;
  };
  // Ctrl-C reaches terraform too (same process group); it stops gracefully, then we explain and close the emulator.
  process.on('SIGINT', onInterrupt);
  try {
    // `show` reads the state only: no emulator, no database check.
    const started = command === 'show' ? undefined : await startOrReuseEmulator(settings, workDir);
    emulator = started?.emulator;
    const endpoint = started?.endpoint ?? `127.0.0.1:${settings.port}`;
    if (started) checkDatabase(workDir, started.database, `http://${endpoint}`, Boolean(emulator));

    prepareWorkDir(workDir, pluginDir, started ? endpoint : undefined, version);
    const cliConfig = join(cliDir, 'terraform.rc');
    writeFileSync(cliConfig, mirrorCliConfig(pluginDir));
    const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };
    delete env.TF_REATTACH_PROVIDERS;
    const colour = colourWanted();
    const noColor = colour ? [] : ['-no-color'];

    const init = initNeeded(workDir, pluginDir, ADDRESS, version);
    if (init === 'relock') {
      // Only npm start writes this folder's lock file, and only our provider is in it.
      say(`the provider ${version} was rebuilt (same version, new bytes): writing a new lock file`);
      rmSync(join(workDir, '.terraform.lock.hcl'), { force: true });
    }
    if (init !== 'ready') {
      say(`installing the provider ${version} from ${pluginDir} (terraform init, offline)`);
      const code = await runTerraform(['init', '-input=false', ...(init === 'upgrade' ? ['-upgrade'] : []), ...noColor], workDir, env);
      if (code !== 0) {
        say(`terraform init failed (exit ${code}); its message above says why.`);
        return code;
      }
    }

    say(`running terraform ${command} in ${workDir} (example: examples/seed/main.tf)`);
    const args = {
      apply: ['apply', '-auto-approve', '-input=false'],
      destroy: ['destroy', '-auto-approve', '-input=false'],
      plan: ['plan', '-input=false'],
      show: ['show'],
    }[command];
    const stopWatching = command === 'apply' ? watchImages(endpoint) : () => {};
    const code = await runTerraform([...args, ...noColor], workDir, env);
    stopWatching();
    if (started && command !== 'plan') writeFileSync(join(workDir, DATABASE_RECORD), JSON.stringify(started.database, null, 2) + '\n');
    if (interrupted) {
      explainInterruption(workDir);
      return code === 0 ? 130 : code;
    }
    if (code !== 0) {
      say(`terraform ${command} failed (exit ${code}): its error above says why. The state in ${workDir} records what exists.`);
      return code;
    }
    if (command === 'apply') printSummary(workDir, env, endpoint, settings);
    if (command === 'destroy') say('everything the example made is destroyed; `npm start` builds it again.');
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
    rmSync(cliDir, { recursive: true, force: true });
    await emulator?.stop();
    lock.release();
  }
}

function printSummary(workDir: string, env: NodeJS.ProcessEnv, endpoint: string, settings: Settings): void {
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
  say(`console:  http://${endpoint}/console/   (images with live progress, every API call terraform made, faults)`);
  // A home or port given by flag must be given again: say it as the variables every command honours.
  const vars = [
    settings.sources.home === 'default' ? '' : `${ENV.home}=${settings.home} `,
    settings.sources.port === 'default' && settings.port !== 0 ? '' : `${ENV.port}=${endpoint.split(':')[1]} `,
  ].join('');
  say(`inspect:  ${vars}npm start -- show      (the state)      ${vars}npm start -- plan   (no changes)`);
  say(`          ${vars}npm run emulator   (same database)   then   curl http://${endpoint}/_emulator/state`);
  say(`destroy:  ${vars}npm start -- destroy`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      process.stderr.write(`npm start: ${err.message}\nRun "npm start -- --help" for usage.\n`);
      process.exit(2);
    }
    if (err instanceof Diagnosis) {
      process.stderr.write(`[alicloud-image] ${err.problem}\n[alicloud-image] What to do: ${err.remedy}\n`);
      process.exit(1);
    }
    process.stderr.write(`[alicloud-image] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
