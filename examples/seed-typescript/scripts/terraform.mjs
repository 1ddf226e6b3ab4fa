#!/usr/bin/env node
// `npm run tf -- <init|apply|plan|destroy|...>`: runs terraform on cdktf.out/stacks/seed the way
// users run any provider. It installs this repository's provider (`alicloud-image install`'s
// layout) into cdktf.out/plugins, points a CLI config at that mirror only (so nothing is fetched
// from a registry and no development-override warning is printed), and runs `terraform init`
// first when the lock file is missing or stale. When the synthesized provider block points at
// the emulator (endpoints set), the emulator's documented test keys and region are the defaults.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const example = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(example, '..', '..');
const stackDir = join(example, 'cdktf.out', 'stacks', 'seed');
const pluginDir = join(example, 'cdktf.out', 'plugins');
const stackFile = join(stackDir, 'cdk.tf.json');
const fail = (message, code = 1) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};
if (!existsSync(stackFile)) fail(`No ${join('cdktf.out', 'stacks', 'seed', 'cdk.tf.json')} yet: run \`npm run synth\` first.`, 2);
const installJs = join(repo, 'dist', 'cli', 'install.js');
if (!existsSync(installJs)) fail(`The provider is not built (${installJs} is missing): run \`npm ci\` at the repository root first.`);

const { installProvider, mirrorCliConfig } = await import(pathToFileURL(installJs).href);
const { initNeeded, colourWanted } = await import(pathToFileURL(join(repo, 'dist', 'cli', 'terraform-cli.js')).href);
const { packageVersion } = await import(pathToFileURL(join(repo, 'dist', 'cli', 'settings.js')).href);
const version = packageVersion(repo);
installProvider({ dir: pluginDir, version, pluginSource: join(repo, 'dist', 'plugin'), hosts: ['registry.terraform.io'] });
mkdirSync(join(example, 'cdktf.out'), { recursive: true });
const rc = join(example, 'cdktf.out', 'terraform.rc');
writeFileSync(rc, mirrorCliConfig(pluginDir));

const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1' };
delete env.TF_REATTACH_PROVIDERS;
const providerBlock = JSON.parse(readFileSync(stackFile, 'utf8')).provider?.alicloud?.[0] ?? {};
if (providerBlock.endpoints) {
  env.ALICLOUD_ACCESS_KEY ??= 'LTAI5tEmulatorDefaultKey';
  env.ALICLOUD_SECRET_KEY ??= 'EmulatorDefaultSecret';
  env.ALICLOUD_REGION ??= 'cn-hangzhou';
}
// Colours off for NO_COLOR or a non-terminal stdout, on the commands that take -no-color.
const colourFlag = colourWanted() ? [] : ['-no-color'];
const takesNoColor = new Set([
  'init',
  'plan',
  'apply',
  'destroy',
  'show',
  'validate',
  'refresh',
  'output',
  'import',
  'console',
  'providers',
]);

const terraform = (args) => {
  const r = spawnSync('terraform', args, { cwd: stackDir, env, stdio: 'inherit' });
  if (r.error) fail(`Cannot run terraform (${r.error.message}): install Terraform >= 1.5 and put it on PATH.`);
  return r.status ?? 1;
};
const args = process.argv.slice(2).length ? process.argv.slice(2) : ['plan'];
const command = args[0];
const withColour = (a) => (takesNoColor.has(a[0]) && !a.includes('-no-color') ? [a[0], ...colourFlag, ...a.slice(1)] : a);

const address = 'registry.terraform.io/aliyun/alicloud';
const needed = initNeeded(stackDir, pluginDir, address, version);
if (needed === 'relock') rmSync(join(stackDir, '.terraform.lock.hcl'), { force: true }); // same version, rebuilt bytes
if (command !== 'init' && needed !== 'ready') {
  process.stdout.write(`[seed-typescript] terraform init first: installs aliyun/alicloud ${version} from ${pluginDir}\n`);
  const code = terraform(withColour(['init', '-input=false', ...(needed === 'upgrade' ? ['-upgrade'] : [])]));
  if (code !== 0) process.exit(code);
}
process.exit(terraform(withColour(command === 'init' && needed === 'upgrade' ? [...args, '-upgrade'] : args)));
