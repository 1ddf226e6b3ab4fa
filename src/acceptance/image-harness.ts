/**
 * Shared set-up of the alicloud_image acceptance tests: one in-process emulator per test
 * file (behind a counting HTTP proxy, so tests can tell how many API calls a command made),
 * a provider executable running the compiled plugin next to this file, and Terraform
 * workspaces whose provider block points at the emulator.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_ACCOUNT_ID,
  startEmulator,
  type RunningEmulator,
} from '../emulator/index.js';
import { AlibabaCloudClient } from '../ecs/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { createTerraformWorkspace, type TerraformResult, type TerraformWorkspace } from '../testing/terraform.js';

export const ACCOUNT = DEFAULT_ACCOUNT_ID;
export const REGION = 'cn-hangzhou';
export const RUNNING_INSTANCE = `i-running-${ACCOUNT}`;
export const STOPPED_INSTANCE = `i-stopped-${ACCOUNT}`;
export const LOCKED_INSTANCE = `i-locked-${ACCOUNT}`;
export const SYSTEM_SNAPSHOT = `s-running-system-${ACCOUNT}`;
export const DATA_SNAPSHOT = `s-running-data-${ACCOUNT}`;
export const STOPPED_SYSTEM_SNAPSHOT = `s-stopped-system-${ACCOUNT}`;
export const OLD_SNAPSHOT = `s-old-system-${ACCOUNT}`;
export const GROUP = { default: `rg-default-${ACCOUNT}`, dev: `rg-dev-${ACCOUNT}`, prod: `rg-prod-${ACCOUNT}` };

/** A counting pass-through proxy in front of the emulator: `actions` lists every API action seen. */
export interface CountingProxy {
  endpoint: string;
  actions: string[];
  /** While set, the proxy answers this action itself (a misbehaving endpoint) instead of forwarding it. */
  override: { action: string; status: number; body: string } | undefined;
  /** While `count` > 0, requests of `action` reach the emulator but their answers are lost (the connection is cut). */
  loseAnswers: { action: string; count: number } | undefined;
  reset(): void;
  stop(): Promise<void>;
}

async function startProxy(target: RunningEmulator): Promise<CountingProxy> {
  const actions: string[] = [];
  const proxy = { override: undefined, loseAnswers: undefined } as CountingProxy;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headerAction = req.headers['x-acs-action'];
    const action = (typeof headerAction === 'string' ? headerAction : undefined) ?? url.searchParams.get('Action') ?? '?';
    if (!url.pathname.startsWith('/_emulator')) actions.push(action);
    if (proxy.override?.action === action) {
      req.resume();
      res.writeHead(proxy.override.status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(proxy.override.body);
      return;
    }
    const lose = proxy.loseAnswers?.action === action && proxy.loseAnswers.count > 0;
    if (lose) proxy.loseAnswers!.count--;
    const up = request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      if (lose) {
        r.resume();
        r.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(proxy, {
    endpoint: `127.0.0.1:${port}`,
    actions,
    reset: () => void actions.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

export interface Harness {
  emu: RunningEmulator;
  proxy: CountingProxy;
  /** An SDK-level client on the emulator, to change things "outside Terraform". */
  client: AlibabaCloudClient;
  binDir: string;
  /** The provider block for the emulator. */
  providerBlock: string;
  workspace(mainTf: string): TerraformWorkspace;
  stop(): Promise<void>;
}

/** Start the emulator (image creation `imageCreateSeconds`), the proxy and the provider bin. */
export async function startHarness(imageCreateSeconds = 1): Promise<Harness> {
  const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds } });
  const proxy = await startProxy(emu);
  const mainJs = fileURLToPath(new URL('../cli/provider.js', import.meta.url));
  const binDir = mkdtempSync(join(tmpdir(), 'image-acc-bin-'));
  const bin = join(binDir, 'terraform-provider-alicloud');
  writeFileSync(bin, `#!/bin/sh\nexec node ${JSON.stringify(mainJs)} "$@"\n`);
  chmodSync(bin, 0o755);
  const providerBlock = emulatorProviderBlock({ endpoint: proxy.endpoint, region: REGION, products: ['ecs'] });
  const client = new AlibabaCloudClient({
    region: REGION,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    protocol: 'HTTP',
    endpoints: { ecs: emu.endpoint },
  });
  const spaces: TerraformWorkspace[] = [];
  return {
    emu,
    proxy,
    client,
    binDir,
    providerBlock,
    workspace(mainTf) {
      const ws = createTerraformWorkspace({ providerBinDir: binDir, files: { 'provider.tf': providerBlock, 'main.tf': mainTf } });
      spaces.push(ws);
      return ws;
    },
    async stop() {
      for (const ws of spaces) ws.cleanup();
      await proxy.stop();
      await emu.stop();
      rmSync(binDir, { recursive: true, force: true });
    },
  };
}

/** Run terraform with -no-color; throw with the output when the exit code is not `expect`. */
export async function tf(ws: TerraformWorkspace, args: string[], expect = 0): Promise<TerraformResult> {
  const r = await ws.run([...args, '-no-color']);
  if (r.code !== expect) throw new Error(`terraform ${args.join(' ')} exited ${r.code} (expected ${expect}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The attribute values of one resource in `terraform show -json`. */
export async function resourceValues(ws: TerraformWorkspace, address: string): Promise<Record<string, any> | undefined> {
  const state = await ws.state();
  const all = (state.values?.root_module?.resources ?? []) as { address: string; values: Record<string, any> }[];
  return all.find((r) => r.address === address)?.values;
}

/** Apply, then check that a plan right after shows no changes (exit 0 with -detailed-exitcode). */
export async function applyClean(ws: TerraformWorkspace): Promise<TerraformResult> {
  const r = await tf(ws, ['apply', '-auto-approve']);
  const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
  if (plan.code !== 0) throw new Error(`plan right after apply is not empty (exit ${plan.code}):\n${plan.stdout}\n${plan.stderr}`);
  return r;
}

/** An image resource block. */
export function imageTf(name: string, body: string): string {
  return `resource "alicloud_image" "${name}" {\n${body
    .trim()
    .split('\n')
    .map((l) => `  ${l.trim()}`)
    .join('\n')}\n}\n`;
}
