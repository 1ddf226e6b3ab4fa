/**
 * Run the real `terraform` CLI against a provider executable in tests.
 *
 * `createTerraformWorkspace({ providerBinDir, files })` makes a temp directory
 * with the given files and a temp CLI config whose provider_installation has
 * dev_overrides for "aliyun/alicloud" and "hashicorp/alicloud" pointing at
 * `providerBinDir` (then `direct {}`), so no `terraform init` is needed.
 * `ws.run(['apply', '-auto-approve'])` returns `{ stdout, stderr, code }`;
 * `ws.state()` parses `terraform show -json`.
 *
 * Tests that need terraform call `skipUnlessTerraform(t)` first: without the
 * binary the test is skipped loudly (t.skip message plus a console.error line).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

let available: boolean | undefined;

/** True when a `terraform` binary runs on PATH (cached). */
export function terraformAvailable(): boolean {
  available ??= spawnSync('terraform', ['version'], { stdio: 'ignore', env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).status === 0;
  return available;
}

/** Skip the calling test loudly when terraform is missing; returns true when it was skipped. */
export function skipUnlessTerraform(t: { skip(message?: string): void; name?: string }): boolean {
  if (terraformAvailable()) return false;
  const message = 'SKIPPED: the `terraform` CLI is not on PATH; install Terraform >= 1.5 to run this end-to-end test';
  console.error(`${message}${t.name ? ` (${t.name})` : ''}`);
  t.skip(message);
  return true;
}

export interface TerraformResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface TerraformWorkspace {
  /** The working directory holding the files. */
  dir: string;
  /** The CLI config file path (TF_CLI_CONFIG_FILE). */
  cliConfigFile: string;
  /** The environment every run uses. */
  env: NodeJS.ProcessEnv;
  /** Run `terraform <args>` in `dir`. */
  run(args: string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<TerraformResult>;
  /** `terraform show -json`, parsed (throws with stderr when it fails). */
  state(): Promise<any>;
  /** Write or replace a file in `dir`. */
  writeFile(name: string, content: string): void;
  /** Remove the temp directories. */
  cleanup(): void;
}

/** The CLI config text with dev_overrides for both alicloud source addresses. */
export function devOverridesConfig(providerBinDir: string): string {
  const dir = JSON.stringify(resolve(providerBinDir));
  return `provider_installation {
  dev_overrides {
    "aliyun/alicloud"    = ${dir}
    "hashicorp/alicloud" = ${dir}
  }
  direct {}
}
`;
}

/** A temp workspace running the real terraform with dev_overrides (no init). */
export function createTerraformWorkspace(options: {
  providerBinDir: string;
  files: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}): TerraformWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'tf-ws-'));
  const dir = join(root, 'work');
  mkdirSync(dir);
  const cliConfigFile = join(root, 'terraform.rc');
  writeFileSync(cliConfigFile, devOverridesConfig(options.providerBinDir));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    ...options.env,
  };
  delete env.TF_REATTACH_PROVIDERS;
  const writeFile = (name: string, content: string) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  for (const [name, content] of Object.entries(options.files)) writeFile(name, content);

  const run = (args: string[], o: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) =>
    new Promise<TerraformResult>((resolvePromise, reject) => {
      const child = spawn('terraform', args, { cwd: dir, env: { ...env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
      child.once('error', reject);
      child.once('close', (code) => {
        clearTimeout(timer);
        resolvePromise({ stdout, stderr, code });
      });
    });

  return {
    dir,
    cliConfigFile,
    env,
    run,
    writeFile,
    async state() {
      const r = await run(['show', '-json']);
      if (r.code !== 0) throw new Error(`terraform show -json failed (${r.code}):\n${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
