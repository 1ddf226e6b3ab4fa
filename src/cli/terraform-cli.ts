/**
 * Running the real `terraform` for `npm start` and the example scripts: colour rules, the
 * provider installation through a local mirror (`terraform init`, offline, with a lock file),
 * and reading the local state file without starting a provider.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageHash, terraformPlatform } from './install.js';

/** Colours off when NO_COLOR is set (to anything) or stdout is not a terminal (https://no-color.org). */
export function colourWanted(env: NodeJS.ProcessEnv = process.env, stdoutIsTty: boolean = Boolean(process.stdout.isTTY)): boolean {
  return stdoutIsTty && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

/** Whether a `terraform` binary runs on PATH. */
export function terraformOnPath(env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync('terraform', ['version'], { stdio: 'ignore', env: { ...env, CHECKPOINT_DISABLE: '1' } }).status === 0;
}

export const TERRAFORM_MISSING =
  'Terraform was not found on PATH: install Terraform 1.5 or newer (https://developer.hashicorp.com/terraform/install) and run the command again.';

/** Run terraform with inherited stdio; resolves with its exit code. */
export function runTerraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['inherit', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', (code, signal) => resolvePromise(code ?? (signal ? 130 : 1)));
  });
}

/** Run terraform and parse its JSON stdout; undefined when it fails. */
export function terraformJson(args: string[], cwd: string, env: NodeJS.ProcessEnv): unknown {
  const r = spawnSync('terraform', args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout);
  } catch {
    return undefined;
  }
}

/** The version and `h1:` hashes .terraform.lock.hcl records for a provider address, if any. */
export function lockedProvider(workDir: string, address: string): { version: string; hashes: string[] } | undefined {
  const file = join(workDir, '.terraform.lock.hcl');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`provider "${address}"`);
  if (start < 0) return undefined;
  const block = text.slice(start, text.indexOf('\n}', start) + 2);
  const version = /\bversion\s*=\s*"([^"]+)"/.exec(block)?.[1];
  if (!version) return undefined;
  return { version, hashes: [...block.matchAll(/"(h1:[^"]+)"/g)].map((m) => m[1]!) };
}

/**
 * What `terraform init` has to do for the provider at `address`, installed at `version` in the
 * mirror `pluginDir`: nothing ('ready'); a first init ('init'); `init -upgrade` because the lock
 * file holds another version ('upgrade'); or a new lock entry because the package's bytes changed
 * under the same version, a rebuild, which Terraform rightly refuses even with -upgrade ('relock').
 */
export function initNeeded(workDir: string, pluginDir: string, address: string, version: string): 'ready' | 'init' | 'upgrade' | 'relock' {
  const locked = lockedProvider(workDir, address);
  if (!locked) return 'init';
  if (locked.version !== version) return 'upgrade';
  const pkg = join(pluginDir, address, version, terraformPlatform());
  if (!existsSync(pkg) || !locked.hashes.includes(packageHash(pkg))) return 'relock';
  return existsSync(join(workDir, '.terraform', 'providers', address, version, terraformPlatform())) ? 'ready' : 'init';
}

interface StateFile {
  resources?: { mode: string; type: string; name: string; instances?: { status?: string; attributes?: { id?: string } }[] }[];
}

/** The local state (terraform.tfstate) without starting terraform: managed resources and which are tainted. */
export function readLocalState(workDir: string): { managed: string[]; tainted: { address: string; id: string }[] } {
  const file = join(workDir, 'terraform.tfstate');
  if (!existsSync(file)) return { managed: [], tainted: [] };
  let state: StateFile;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
  } catch {
    return { managed: [], tainted: [] };
  }
  const managed = (state.resources ?? []).filter((r) => r.mode === 'managed' && (r.instances?.length ?? 0) > 0);
  return {
    managed: managed.map((r) => `${r.type}.${r.name}`),
    tainted: managed.flatMap((r) =>
      (r.instances ?? [])
        .filter((i) => i.status === 'tainted')
        .map((i) => ({ address: `${r.type}.${r.name}`, id: i.attributes?.id ?? '' })),
    ),
  };
}
