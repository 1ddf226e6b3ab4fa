/**
 * The one renderer of the `provider "alicloud" {}` block that points at the local emulator:
 * region, the emulator's documented key pair, `protocol = "HTTP"` (it speaks plain HTTP on
 * loopback) and the product endpoints. Tests, `npm start` (the main job) and the generated
 * provider page all write the block through it, so they cannot drift apart.
 */
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../emulator/accounts.js';

/** The products the provider calls; the emulator serves all of them on one port (OSS included, see emulator/oss/listener.ts). */
export const EMULATOR_PRODUCTS = ['ecs', 'vpc', 'resourcemanager', 'sts', 'ram', 'oss', 'slb'] as const;

export interface EmulatorBlockOptions {
  /** `host:port` of the emulator, e.g. `127.0.0.1:9786`. */
  endpoint: string;
  /** Default `cn-hangzhou`. */
  region?: string;
  /** Endpoints to set (default: every product in {@link EMULATOR_PRODUCTS}). */
  products?: readonly (typeof EMULATOR_PRODUCTS)[number][];
  /** Key pair (default: the emulator's documented default pair). */
  accessKey?: string;
  secretKey?: string;
  /** More arguments as HCL literals, e.g. `{ max_retry_timeout: '2' }`, written after `protocol`. */
  extraArguments?: Readonly<Record<string, string>>;
  /** Comment lines written above the block (without `# `). */
  comment?: readonly string[];
}

/** The provider block, formatted as `terraform fmt` would (aligned `=`), ending with a newline. */
export function emulatorProviderBlock(options: EmulatorBlockOptions): string {
  const products = options.products ?? EMULATOR_PRODUCTS;
  const args: [string, string][] = [
    ['region', JSON.stringify(options.region ?? 'cn-hangzhou')],
    ['access_key', JSON.stringify(options.accessKey ?? DEFAULT_ACCESS_KEY_ID)],
    ['secret_key', JSON.stringify(options.secretKey ?? DEFAULT_ACCESS_KEY_SECRET)],
    ['protocol', '"HTTP"'],
    ...Object.entries(options.extraArguments ?? {}),
  ];
  const width = Math.max(...args.map(([k]) => k.length));
  const epWidth = Math.max(...products.map((p) => p.length));
  return [
    ...(options.comment ?? []).map((l) => `# ${l}`.trimEnd()),
    'provider "alicloud" {',
    ...args.map(([k, val]) => `  ${k.padEnd(width)} = ${val}`),
    '  endpoints {',
    ...products.map((p) => `    ${p.padEnd(epWidth)} = ${JSON.stringify(options.endpoint)}`),
    '  }',
    '}',
    '',
  ].join('\n');
}
