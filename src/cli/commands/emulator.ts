/**
 * `alicloud-image emulator`: run the local ECS emulator until Ctrl-C / SIGTERM.
 * Prints one line with the URL, endpoint and credentials to use (the secret masked).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  defaultSettings,
  startEmulator,
  type EmulatorOptions,
} from '../../emulator/index.js';
import { UsageError, intFlag, parseFlags, secondsFlag } from '../flags.js';

/** The documented default port of `alicloud-image emulator`. */
export const DEFAULT_EMULATOR_PORT = 9786;

export const emulatorUsage = `Usage: alicloud-image emulator [flags]

Run the local Alibaba Cloud ECS emulator (HTTP on 127.0.0.1, state in SQLite).

Flags:
  --host HOST                   address to bind; only 127.0.0.1 is allowed (default 127.0.0.1)
  --port PORT                   TCP port, 0 for a free one (default ${DEFAULT_EMULATOR_PORT})
  --db PATH                     SQLite file, or :memory: to keep nothing
                                (default $XDG_DATA_HOME/alicloud-image/emulator.db,
                                 else ~/.local/share/alicloud-image/emulator.db)
  --access-key-id ID            AccessKey id clients must sign with (default ${DEFAULT_ACCESS_KEY_ID};
                                env ALICLOUD_IMAGE_ACCESS_KEY_ID)
  --access-key-secret SECRET    its secret (default ${DEFAULT_ACCESS_KEY_SECRET}; env ALICLOUD_IMAGE_ACCESS_KEY_SECRET).
                                A flag value is visible to other local users (ps): prefer the
                                environment variable or --access-key-secret-file
  --access-key-secret-file PATH read the secret from a file (its first line)
  --admin-token TOKEN           require "Authorization: Bearer TOKEN" on every /_emulator/ route
                                (env ALICLOUD_IMAGE_ADMIN_TOKEN; also visible in ps as a flag)
  --admin-token-file PATH       read the admin token from a file (its first line)
  --image-create-seconds N      seconds from CreateImage to Available (default ${defaultSettings.imageCreateSeconds})
  --instance-start-seconds N    seconds from RunInstances to Running (default ${defaultSettings.instanceStartSeconds})
  --default-region REGION       region used when a request has none (default ${defaultSettings.defaultRegionId})
  --help                        show this help
`;

const flagSpecs = {
  host: { value: true },
  port: { value: true },
  db: { value: true },
  'access-key-id': { value: true },
  'access-key-secret': { value: true },
  'access-key-secret-file': { value: true },
  'admin-token': { value: true },
  'admin-token-file': { value: true },
  'image-create-seconds': { value: true },
  'instance-start-seconds': { value: true },
  'default-region': { value: true },
  help: { value: false },
} as const;

/** `$XDG_DATA_HOME/alicloud-image/emulator.db`, else `~/.local/share/alicloud-image/emulator.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'alicloud-image', 'emulator.db');
}

/** Environment variables the emulator command reads (flags win). */
export const EMULATOR_ENV = {
  accessKeyId: 'ALICLOUD_IMAGE_ACCESS_KEY_ID',
  accessKeySecret: 'ALICLOUD_IMAGE_ACCESS_KEY_SECRET',
  adminToken: 'ALICLOUD_IMAGE_ADMIN_TOKEN',
} as const;

/** First line of a secret file; UsageError when unreadable or empty. */
function readSecretFile(path: string, flag: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`flag --${flag}: cannot read "${path}" (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const line = text.split(/\r?\n/)[0]!;
  if (line === '') throw new UsageError(`flag --${flag}: the first line of "${path}" is empty`);
  return line;
}

/** A secret from `--NAME`, `--NAME-file` or the environment variable, in that order; at most one flag. */
function secretFrom(flags: Map<string, string>, name: string, envName: string, env: NodeJS.ProcessEnv): string | undefined {
  const direct = flags.get(name);
  const file = flags.get(`${name}-file`);
  if (direct !== undefined && file !== undefined) throw new UsageError(`flags --${name} and --${name}-file exclude each other`);
  if (direct !== undefined) return direct;
  if (file !== undefined) return readSecretFile(file, `${name}-file`);
  const fromEnv = env[envName];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** `EmulatorDefaultSecret` → `Emul****cret`; short values show nothing. */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `${secret.slice(0, 4)}****${secret.slice(-4)}` : '****';
}

/** Turn the command line (and the ALICLOUD_IMAGE_* environment) into emulator options; throws UsageError for bad flags. */
export function emulatorOptionsFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): EmulatorOptions | 'help' {
  const flags = parseFlags(argv, flagSpecs);
  if (flags.has('help')) return 'help';
  const host = flags.get('host') ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new UsageError(`flag --host must be 127.0.0.1 (the emulator only listens on loopback), got "${host}"`);
  const id = flags.get('access-key-id') ?? (env[EMULATOR_ENV.accessKeyId] || undefined);
  const secret = secretFrom(flags, 'access-key-secret', EMULATOR_ENV.accessKeySecret, env);
  if ((id === undefined) !== (secret === undefined))
    throw new UsageError(
      `flags --access-key-id and --access-key-secret must be given together (or ${EMULATOR_ENV.accessKeyId} and ${EMULATOR_ENV.accessKeySecret})`,
    );
  if (id === '' || secret === '') throw new UsageError('flags --access-key-id and --access-key-secret must not be empty');
  const adminToken = secretFrom(flags, 'admin-token', EMULATOR_ENV.adminToken, env);
  if (adminToken === '') throw new UsageError('flag --admin-token must not be empty');
  // A bad path (empty included) is refused when the database is opened, in one line.
  const db = flags.get('db') ?? defaultDbPath(env);
  const region = flags.get('default-region');
  if (region !== undefined && !/^[a-z0-9-]+$/.test(region))
    throw new UsageError(`flag --default-region must look like cn-hangzhou, got "${region}"`);
  return {
    host: '127.0.0.1',
    port: intFlag(flags, 'port', DEFAULT_EMULATOR_PORT, 0, 65535),
    db,
    accounts: [{ accessKeyId: id ?? DEFAULT_ACCESS_KEY_ID, accessKeySecret: secret ?? DEFAULT_ACCESS_KEY_SECRET }],
    ...(adminToken !== undefined ? { adminToken } : {}),
    settings: {
      imageCreateSeconds: secondsFlag(flags, 'image-create-seconds', defaultSettings.imageCreateSeconds),
      instanceStartSeconds: secondsFlag(flags, 'instance-start-seconds', defaultSettings.instanceStartSeconds),
      ...(region ? { defaultRegionId: region } : {}),
    },
  };
}

/** Run the command; resolves with the exit code once the emulator stopped. */
export async function runEmulatorCommand(argv: readonly string[]): Promise<number> {
  const options = emulatorOptionsFromArgs(argv);
  if (options === 'help') {
    process.stdout.write(emulatorUsage);
    return 0;
  }
  const emu = await startEmulator(options);
  const account = options.accounts![0]!;
  process.stdout.write(
    `alicloud-image emulator listening on ${emu.url} endpoint=${emu.endpoint} access_key=${account.accessKeyId} ` +
      `secret_key=${maskSecret(account.accessKeySecret)}${options.adminToken ? ' admin_token=****' : ''} db=${options.db} (Ctrl-C to stop)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void emu.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
