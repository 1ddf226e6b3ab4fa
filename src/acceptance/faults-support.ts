/**
 * Shared pieces of the fault-tolerance acceptance tests (faults-*.test.ts) and the
 * validation table: a provider launcher over this build's `cli/provider.js`, HCL for N
 * images from the emulator's seeded snapshot, the emulator as a killable child process,
 * and the emulator's truth (custom images, request counters) read through admin routes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTerraformWorkspace } from '../testing/terraform.js';
import { DEFAULT_ACCOUNT_ID } from '../emulator/accounts.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';

/** The compiled tree this file belongs to (dist/ or a private .build/<name>/). */
export const buildRoot = fileURLToPath(new URL('..', import.meta.url));

/** The system-disk snapshot every test image is made from (emulator seed). */
export const SEED_SNAPSHOT = `s-running-system-${DEFAULT_ACCOUNT_ID}`;

/** A temp folder holding `terraform-provider-alicloud` that runs this build's provider. */
export function providerBinDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'alicloud-provider-bin-'));
  const bin = join(dir, 'terraform-provider-alicloud');
  writeFileSync(bin, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(buildRoot, 'cli', 'provider.js'))} "$@"\n`);
  chmodSync(bin, 0o755);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The provider block pointing at an emulator endpoint (`127.0.0.1:PORT`), with extra arguments (HCL literals). */
export function providerHcl(endpoint: string, extraArguments: Readonly<Record<string, string>> = {}): string {
  return emulatorProviderBlock({ endpoint, extraArguments });
}

/** `count` images named `<prefix>-<index>` from the seeded snapshot. */
export function imagesHcl(count: number, prefix: string): string {
  return `resource "alicloud_image" "img" {
  count       = ${count}
  snapshot_id = "${SEED_SNAPSHOT}"
  image_name  = "${prefix}-\${count.index}"
  description = "fault tolerance"
}
`;
}

export interface EmulatorChild {
  child: ChildProcess;
  port: number;
  endpoint: string;
  url: string;
  /** Resolves when the process exits. */
  exited: Promise<void>;
  /** SIGTERM and wait (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** Run `alicloud-image emulator` of this build as a child; resolves once it printed its URL. */
export async function startEmulatorChild(options: { db: string; port?: number; imageCreateSeconds: number }): Promise<EmulatorChild> {
  const args = [
    join(buildRoot, 'cli', 'index.js'),
    'emulator',
    '--db',
    options.db,
    '--port',
    String(options.port ?? 0),
    '--image-create-seconds',
    String(options.imageCreateSeconds),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 20 s; stderr:\n${stderr}`)), 20_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}) before listening; stderr:\n${stderr}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    child,
    port,
    url,
    endpoint: `127.0.0.1:${port}`,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

export interface EmulatorImage {
  id: string;
  name: string;
  status: 'Available' | 'Creating' | 'other';
}

/** Headers for admin routes: the bearer token when the environment gives the emulator one (`ALICLOUD_IMAGE_ADMIN_TOKEN`). */
export function adminHeaders(): Record<string, string> {
  const token = process.env.ALICLOUD_IMAGE_ADMIN_TOKEN;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The account's custom images as the emulator stores them (admin `GET /_emulator/state`). */
export async function customImages(url: string): Promise<EmulatorImage[]> {
  const res = await fetch(`${url}/_emulator/state`, { headers: adminHeaders() });
  if (res.status !== 200) throw new Error(`GET /_emulator/state answered ${res.status}`);
  const state = (await res.json()) as {
    images?: {
      id: string;
      name: string;
      account_id: number;
      is_public: number;
      owner_alias: string;
      created_at: number;
      create_seconds: number;
    }[];
  };
  const now = Date.now();
  return (state.images ?? [])
    .filter((i) => i.account_id === DEFAULT_ACCOUNT_ID && !i.is_public && i.owner_alias === 'self')
    .map((i) => ({ id: i.id, name: i.name, status: now >= i.created_at + i.create_seconds * 1000 ? 'Available' : 'Creating' }));
}

/** Request counters of the emulator (`GET /_emulator/stats`), or undefined when that route is missing. */
export async function emulatorStats(url: string): Promise<{ requests: Record<string, number>; total: number } | undefined> {
  const res = await fetch(`${url}/_emulator/stats`, { headers: adminHeaders() });
  if (res.status !== 200) return undefined;
  return (await res.json()) as { requests: Record<string, number>; total: number };
}

/** The `alicloud_image` instances of a `terraform show -json` document: address, id. */
export function stateImages(show: any): { address: string; id: string; name: string }[] {
  const resources = (show?.values?.root_module?.resources ?? []) as {
    address: string;
    type: string;
    values: { id: string; image_name: string };
  }[];
  return resources
    .filter((r) => r.type === 'alicloud_image')
    .map((r) => ({ address: r.address, id: r.values.id, name: r.values.image_name }));
}

/** One diagnostic of `terraform validate -json`. */
export interface JsonDiag {
  severity: string;
  summary: string;
  detail?: string;
  range?: { start: { line: number } };
}

/**
 * `terraform validate -json` of the configuration `hcl(endpoint)` writes, where `endpoint` is a
 * tripwire server counting every request it receives (validate must make none). Returns the
 * exit code, the error diagnostics, the request count and the raw output for messages.
 */
export async function validateBehindTripwire(
  hcl: (endpoint: string) => string,
): Promise<{ code: number; errors: JsonDiag[]; requests: number; output: string }> {
  let requests = 0;
  const tripwire = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => tripwire.listen(0, '127.0.0.1', r));
  const bin = providerBinDir();
  const ws = createTerraformWorkspace({
    providerBinDir: bin.dir,
    files: { 'main.tf': hcl(`127.0.0.1:${(tripwire.address() as AddressInfo).port}`) },
  });
  try {
    const r = await ws.run(['validate', '-json', '-no-color']);
    const diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
    return {
      code: r.code ?? -1,
      errors: diags.filter((d) => d.severity === 'error'),
      requests,
      output: `${r.stderr}\n${r.stdout.slice(0, 4000)}`,
    };
  } finally {
    ws.cleanup();
    bin.cleanup();
    tripwire.close();
  }
}
