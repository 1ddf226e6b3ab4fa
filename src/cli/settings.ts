/**
 * One configuration story for every command (`npm start`, `alicloud-image emulator`,
 * `alicloud-image install`, the example scripts): a value comes from its flag, else from its
 * environment variable, else from the default below. Nothing else reads these variables.
 *
 * | flag                     | variable                        | default                                   |
 * |--------------------------|---------------------------------|-------------------------------------------|
 * | `--port N`               | `ALICLOUD_IMAGE_PORT`           | 9786 (0 picks a free port)                |
 * | `--home DIR`             | `ALICLOUD_IMAGE_HOME`           | see {@link defaultHome}                   |
 * | `--db FILE`              | (none: `<home>/emulator.db`)    | `<home>/emulator.db`, `:memory:` allowed  |
 * | `--image-create-seconds` | `ALICLOUD_IMAGE_CREATE_SECONDS` | 5                                         |
 *
 * The home folder holds the emulator's database and, for `npm start`, the Terraform working
 * folder (`<home>/seed`) and the provider mirror it installs into (`<home>/plugins`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './flags.js';

/** The documented default port of the emulator (and of `npm start`'s emulator). */
export const DEFAULT_PORT = 9786;
/** Seconds the emulator takes from CreateImage to Available unless told otherwise. */
export const DEFAULT_IMAGE_CREATE_SECONDS = 5;

/** The environment variables every command honours (flags win). */
export const ENV = {
  port: 'ALICLOUD_IMAGE_PORT',
  home: 'ALICLOUD_IMAGE_HOME',
  imageCreateSeconds: 'ALICLOUD_IMAGE_CREATE_SECONDS',
} as const;

/** Environment variables the emulator command reads besides ENV; secrets, never printed (flags win). */
export const EMULATOR_ENV = {
  accessKeyId: 'ALICLOUD_IMAGE_ACCESS_KEY_ID',
  accessKeySecret: 'ALICLOUD_IMAGE_ACCESS_KEY_SECRET',
  adminToken: 'ALICLOUD_IMAGE_ADMIN_TOKEN',
} as const;

/** Where a setting came from, for messages ("port 9786 (ALICLOUD_IMAGE_PORT)"). */
export type Source = 'flag' | 'environment' | 'default';

export interface Settings {
  port: number;
  home: string;
  /** SQLite file of the emulator, or `:memory:`. */
  db: string;
  imageCreateSeconds: number;
  sources: { port: Source; home: Source; db: Source; imageCreateSeconds: Source };
}

/** The package root: the nearest folder above this module whose package.json is ours (dist/, a test build, or an install). */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'alicloud-image') return dir;
  }
  throw new Error(`cannot find the alicloud-image package root above ${from}`);
}

/** This package's version (package.json). */
export function packageVersion(root: string = packageRoot()): string {
  return String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
}

/** True for a source checkout (what `npm start` runs in), false for an installed package (under node_modules). */
export function isSourceCheckout(root: string): boolean {
  return !root.split(sep).includes('node_modules');
}

/** The user's home folder: `$HOME`, else the OS's idea of it. */
export function userHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOME && env.HOME.trim() !== '' ? env.HOME : homedir();
}

/** `$XDG_DATA_HOME` when set to an absolute path (the XDG rule), else `~/.local/share`. */
export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  const x = env.XDG_DATA_HOME;
  return x && isAbsolute(x) ? x : join(userHome(env), '.local', 'share');
}

/**
 * The home folder when neither `--home` nor ALICLOUD_IMAGE_HOME is given: `.alicloud-image/` in a
 * source checkout (so `npm start` and `npm run emulator` share one database), else the XDG data
 * folder `$XDG_DATA_HOME/alicloud-image` (`~/.local/share/alicloud-image`).
 */
export function defaultHome(env: NodeJS.ProcessEnv = process.env, root: string = packageRoot()): string {
  return isSourceCheckout(root) ? join(root, '.alicloud-image') : join(dataHome(env), 'alicloud-image');
}

function parsePort(raw: string, what: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new UsageError(`${what} must be an integer from 0 to 65535, got "${raw}"`);
  return Number(raw);
}

function parseSeconds(raw: string, what: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new UsageError(`${what} must be a number of seconds >= 0 (decimals allowed), got "${raw}"`);
  return Number(raw);
}

/** Flag value, else variable value (non-empty), else undefined; with where it came from. */
function pick(flags: ReadonlyMap<string, string>, flag: string, env: NodeJS.ProcessEnv, variable?: string): [string, Source] | undefined {
  const f = flags.get(flag);
  if (f !== undefined) return [f, 'flag'];
  const v = variable ? env[variable] : undefined;
  if (v !== undefined && v.trim() !== '') return [v.trim(), 'environment'];
  return undefined;
}

/**
 * Resolve the settings from parsed flags (`port`, `home`, `db`, `image-create-seconds`; any may be
 * absent) and the environment. Bad values are UsageErrors naming the flag or the variable.
 */
export function resolveSettings(
  flags: ReadonlyMap<string, string> = new Map(),
  env: NodeJS.ProcessEnv = process.env,
  root: string = packageRoot(),
): Settings {
  const port = pick(flags, 'port', env, ENV.port);
  const home = pick(flags, 'home', env, ENV.home);
  const db = pick(flags, 'db', env);
  const seconds = pick(flags, 'image-create-seconds', env, ENV.imageCreateSeconds);
  const label = (p: [string, Source], flag: string, variable: string) => (p[1] === 'flag' ? `flag --${flag}` : `${variable}`);
  const homeDir = home ? resolve(home[0]) : defaultHome(env, root);
  if (db && db[0] === '') throw new UsageError('flag --db must not be empty (use :memory: to keep nothing)');
  return {
    port: port ? parsePort(port[0], label(port, 'port', ENV.port)) : DEFAULT_PORT,
    home: homeDir,
    db: db ? (db[0] === ':memory:' ? db[0] : resolve(db[0])) : join(homeDir, 'emulator.db'),
    imageCreateSeconds: seconds
      ? parseSeconds(seconds[0], label(seconds, 'image-create-seconds', ENV.imageCreateSeconds))
      : DEFAULT_IMAGE_CREATE_SECONDS,
    sources: {
      port: port?.[1] ?? 'default',
      home: home?.[1] ?? 'default',
      db: db?.[1] ?? (home ? home[1] : 'default'),
      imageCreateSeconds: seconds?.[1] ?? 'default',
    },
  };
}

/** The help lines every command prints about these variables. */
export const environmentHelp = `Environment (flags win):
  ${ENV.port}             emulator port (default ${DEFAULT_PORT}; 0 picks a free one)
  ${ENV.home}             folder for the database (and npm start's state); default
                                  .alicloud-image/ in a source checkout, else
                                  $XDG_DATA_HOME/alicloud-image (~/.local/share/alicloud-image)
  ${ENV.imageCreateSeconds}   seconds from CreateImage to Available (default ${DEFAULT_IMAGE_CREATE_SECONDS})
  NO_COLOR                        set to anything: no colours (also when stdout is not a terminal)
`;

const isLoopback = (address: string) => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1';

/**
 * Check a `--host` value: an IPv4 loopback address, or a name (such as `localhost`) whose every
 * address is loopback. Resolves with the address to bind, always 127.0.0.1: the emulator never
 * listens beyond this machine. Anything else is a UsageError.
 */
export async function loopbackHost(host: string, lookup: (name: string) => Promise<string[]> = lookupAll): Promise<'127.0.0.1'> {
  const refuse = (why: string) =>
    new UsageError(`flag --host must be 127.0.0.1 or a name that resolves only to loopback (such as localhost): ${why}`);
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    if (host === '127.0.0.1') return '127.0.0.1';
    throw refuse(
      isLoopback(host) ? `"${host}" is loopback, but the emulator listens on 127.0.0.1 only` : `"${host}" is not a loopback address`,
    );
  }
  let addresses: string[];
  try {
    addresses = await lookup(host);
  } catch (err) {
    throw refuse(`"${host}" does not resolve (${(err as Error).message})`);
  }
  const outside = addresses.filter((a) => !isLoopback(a));
  if (outside.length > 0) throw refuse(`"${host}" resolves to ${outside.join(', ')}, which is not loopback`);
  if (!addresses.some((a) => a.startsWith('127.'))) throw refuse(`"${host}" has no IPv4 loopback address (127.0.0.1)`);
  return '127.0.0.1';
}

async function lookupAll(name: string): Promise<string[]> {
  const { lookup } = await import('node:dns/promises');
  return (await lookup(name, { all: true })).map((a) => a.address);
}
