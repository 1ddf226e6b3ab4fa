/**
 * `alicloud-image install`: the plugin lands in Terraform's implied local mirror (never the real
 * home: every test sets HOME / XDG_DATA_HOME to a temporary folder), and the real `terraform init`
 * installs it offline, writes .terraform.lock.hcl with the hash we compute, and later commands run
 * without the development-override warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPluginDir, executableName, installProvider, packageHash, terraformPlatform, uninstallProvider } from './install.js';
import { packageRoot, packageVersion } from './settings.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { lockedProvider } from './terraform-cli.js';

const cliEntry = join(dirname(fileURLToPath(import.meta.url)), 'index.js');
const root = packageRoot();
const version = packageVersion(root);
const pluginSource = join(root, 'dist', 'plugin');

function tempHome(t: { after(fn: () => void): void }): string {
  const home = mkdtempSync(join(tmpdir(), 'install-home-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

/** The environment of a user whose home is `home`: no CLI config file override, no registry check. */
function userEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', ...extra };
  delete env.TF_CLI_CONFIG_FILE;
  delete env.TERRAFORM_CONFIG;
  delete env.XDG_DATA_HOME;
  delete env.TF_REATTACH_PROVIDERS;
  Object.assign(env, extra);
  return env;
}

test('the default mirror honours XDG_DATA_HOME, else HOME', () => {
  assert.equal(defaultPluginDir({ HOME: '/home/u' }), '/home/u/.terraform.d/plugins');
  assert.equal(defaultPluginDir({ HOME: '/home/u', XDG_DATA_HOME: '/xdg' }), '/xdg/terraform/plugins');
  assert.equal(defaultPluginDir({ HOME: '/home/u', XDG_DATA_HOME: 'rel' }), '/home/u/.terraform.d/plugins');
});

test('install writes one self-contained package per host and namespace, is idempotent, and uninstall removes only ours', (t) => {
  const dir = join(tempHome(t), 'plugins');
  const installed = installProvider({ dir, version, pluginSource });
  assert.deepEqual(
    installed.map((p) => p.address),
    [
      'registry.terraform.io/aliyun/alicloud',
      'registry.terraform.io/hashicorp/alicloud',
      'registry.opentofu.org/aliyun/alicloud',
      'registry.opentofu.org/hashicorp/alicloud',
    ],
  );
  for (const p of installed) {
    assert.equal(p.path, join(dir, p.address, version, terraformPlatform()));
    const files = readdirSync(p.path);
    assert.deepEqual(
      files.filter((f) => f.startsWith('terraform-provider-')),
      [executableName(version)],
      'Terraform runs the first file named terraform-provider-alicloud*: only the entry is',
    );
    assert.ok(files.includes('provider.mjs') && files.includes('package.json'));
    assert.equal(statSync(p.executable).mode & 0o111, 0o111, 'the entry is executable');
  }
  const hash = packageHash(installed[0]!.path);
  installProvider({ dir, version, pluginSource });
  assert.equal(packageHash(installed[0]!.path), hash, 'a second install of the same build changes no byte');

  const foreign = join(dir, 'registry.terraform.io', 'aliyun', 'alicloud', '1.230.0', terraformPlatform());
  mkdirSync(foreign, { recursive: true });
  writeFileSync(join(foreign, 'terraform-provider-alicloud_v1.230.0'), 'the official provider');
  const removed = uninstallProvider({ dir });
  assert.equal(removed.length, 4);
  assert.ok(existsSync(foreign), "another provider's version in the same mirror is left alone");
  assert.ok(!existsSync(join(dir, 'registry.opentofu.org', 'aliyun', 'alicloud')));
});

test('the installed executable runs by itself, from any folder', (t) => {
  const dir = join(tempHome(t), 'plugins');
  const [p] = installProvider({ dir, version, pluginSource, hosts: ['registry.terraform.io'] });
  // Inside a "type": "module" package too (the example's cdktf.out is one).
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const r = spawnSync(p!.executable, ['--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `terraform-provider-alicloud ${version}\n`);
});

test('alicloud-image install, then the real terraform init installs it offline with a lock file, and plan prints no override warning', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const home = tempHome(t);
  const env = userEnv(home);
  const install = spawnSync(process.execPath, [cliEntry, 'install'], { encoding: 'utf8', env });
  assert.equal(install.status, 0, install.stderr);
  assert.match(install.stdout, new RegExp(`into ${join(home, '.terraform.d', 'plugins')} for Terraform and OpenTofu`));
  assert.match(install.stdout, /version = "~> 0\.1\.0"/);
  const pkg = join(home, '.terraform.d', 'plugins', 'registry.terraform.io', 'aliyun', 'alicloud', version, terraformPlatform());
  assert.ok(existsSync(join(pkg, executableName(version))));

  const work = join(home, 'work');
  mkdirSync(work);
  const minor = version.split('.').slice(0, 2).join('.');
  writeFileSync(
    join(work, 'main.tf'),
    `terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> ${minor}.0"
    }
  }
}

provider "alicloud" {
  region     = "cn-hangzhou"
  access_key = "LTAI5tEmulatorDefaultKey"
  secret_key = "EmulatorDefaultSecret"
}

output "nothing" {
  value = "here"
}
`,
  );
  const tf = (args: string[]) => spawnSync('terraform', args, { cwd: work, env, encoding: 'utf8', timeout: 120_000 });
  const init = tf(['init', '-input=false', '-no-color']);
  assert.equal(init.status, 0, init.stdout + init.stderr);
  assert.match(init.stdout, new RegExp(`Installed aliyun/alicloud v${version.replace(/\./g, '\\.')} \\(unauthenticated\\)`));
  const locked = lockedProvider(work, 'registry.terraform.io/aliyun/alicloud');
  assert.deepEqual(locked, { version, hashes: [packageHash(pkg)] }, 'the lock file records the version and our h1 hash');

  for (const args of [
    ['validate', '-no-color'],
    ['plan', '-no-color', '-input=false'],
  ]) {
    const r = tf(args);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /Provider development overrides are in effect|Warning/, `${args[0]} prints no warning`);
  }
  assert.match(readFileSync(join(work, '.terraform.lock.hcl'), 'utf8'), /provider "registry\.terraform\.io\/aliyun\/alicloud"/);

  const uninstall = spawnSync(process.execPath, [cliEntry, 'uninstall'], { encoding: 'utf8', env });
  assert.equal(uninstall.status, 0, uninstall.stderr);
  assert.ok(!existsSync(pkg));
});

test('with XDG_DATA_HOME set, install uses $XDG_DATA_HOME/terraform/plugins, which terraform init searches too', (t) => {
  if (skipUnlessTerraform(t)) return;
  const home = tempHome(t);
  const xdg = join(home, 'xdg');
  const env = userEnv(home, { XDG_DATA_HOME: xdg });
  const install = spawnSync(process.execPath, [cliEntry, 'install'], { encoding: 'utf8', env });
  assert.equal(install.status, 0, install.stderr);
  assert.ok(existsSync(join(xdg, 'terraform', 'plugins', 'registry.terraform.io', 'hashicorp', 'alicloud', version)));
  assert.ok(!existsSync(join(home, '.terraform.d')), 'nothing under HOME');
  const work = join(home, 'work');
  mkdirSync(work);
  // No required_providers: the legacy default address hashicorp/alicloud resolves to ours too.
  writeFileSync(join(work, 'main.tf'), 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n');
  const init = spawnSync('terraform', ['init', '-input=false', '-no-color'], { cwd: work, env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(init.status, 0, init.stdout + init.stderr);
  assert.match(init.stdout, /Installed hashicorp\/alicloud v/);
});
