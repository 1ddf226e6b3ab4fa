/**
 * `alicloud-image emulator`: run the local ECS emulator until Ctrl-C / SIGTERM.
 * Prints one line with the URL, endpoint and credentials to use (the secret masked). Port,
 * database and image creation time come from flags, else ALICLOUD_IMAGE_* variables, else
 * defaults (settings.ts); the secret and the admin token from a flag, a file or a variable.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  defaultSettings,
  parseFlowControlRates,
  startEmulator,
  type EmulatorOptions,
} from '../../emulator/index.js';
import { UsageError, parseFlags, secondsFlag } from '../flags.js';
import { DEFAULT_PORT, EMULATOR_ENV, environmentHelp, loopbackHost, resolveSettings } from '../settings.js';

/** The documented default port of `alicloud-image emulator`. */
export const DEFAULT_EMULATOR_PORT = DEFAULT_PORT;

export { EMULATOR_ENV } from '../settings.js';

export const emulatorUsage = `Usage: alicloud-image emulator [flags]

Run the local Alibaba Cloud ECS emulator (HTTP on 127.0.0.1, state in SQLite).

Flags:
  --host HOST                   address to bind: 127.0.0.1, or a name resolving only to loopback
                                such as localhost (it binds 127.0.0.1 either way)
  --port PORT                   TCP port, 0 for a free one (default $ALICLOUD_IMAGE_PORT, else ${DEFAULT_PORT})
  --home DIR                    folder of the database (default $ALICLOUD_IMAGE_HOME, see below)
  --db PATH                     SQLite file, or :memory: to keep nothing (default <home>/emulator.db)
  --access-key-id ID            AccessKey id clients must sign with (default ${DEFAULT_ACCESS_KEY_ID};
                                env ${EMULATOR_ENV.accessKeyId})
  --access-key-secret SECRET    its secret (default ${DEFAULT_ACCESS_KEY_SECRET}; env ${EMULATOR_ENV.accessKeySecret}).
                                A flag value is visible to other local users (ps): prefer the
                                environment variable or --access-key-secret-file
  --access-key-secret-file PATH read the secret from a file (its first line)
  --admin-token TOKEN           require "Authorization: Bearer TOKEN" on every /_emulator/ route
                                (env ${EMULATOR_ENV.adminToken}; also visible in ps as a flag)
  --admin-token-file PATH       read the admin token from a file (its first line)
  --image-create-seconds N      seconds from CreateImage to Available
                                (default $ALICLOUD_IMAGE_CREATE_SECONDS, else ${defaultSettings.imageCreateSeconds})
  --instance-start-seconds N    seconds from RunInstances to Running (default ${defaultSettings.instanceStartSeconds})
  --default-region REGION       region used when a request has none (default ${defaultSettings.defaultRegionId})
  --flow-control RATES          enforce API flow control like ECS: calls per second per account and action,
                                e.g. CreateImage=20,DescribeImages=50,*=100 (* = every other action);
                                over the rate the answer is HTTP 400 Throttling.User (default off;
                                also POST /_emulator/flow-control)
  -h, --help                    show this help

${environmentHelp}`;

const flagSpecs = {
  host: { value: true },
  port: { value: true },
  home: { value: true },
  db: { value: true },
  'access-key-id': { value: true },
  'access-key-secret': { value: true },
  'access-key-secret-file': { value: true },
  'admin-token': { value: true },
  'admin-token-file': { value: true },
  'image-create-seconds': { value: true },
  'instance-start-seconds': { value: true },
  'default-region': { value: true },
  'flow-control': { value: true },
  help: { value: false },
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

/** Turn the command line (and the ALICLOUD_IMAGE_* variables) into emulator options; throws UsageError for bad input. */
export function emulatorOptionsFromArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): (EmulatorOptions & { db: string; requestedHost: string }) | 'help' {
  const flags = parseFlags(argv, flagSpecs);
  if (flags.has('help')) return 'help';
  const settings = resolveSettings(flags, env);
  const id = flags.get('access-key-id') ?? (env[EMULATOR_ENV.accessKeyId] || undefined);
  const secret = secretFrom(flags, 'access-key-secret', EMULATOR_ENV.accessKeySecret, env);
  if ((id === undefined) !== (secret === undefined))
    throw new UsageError(
      `flags --access-key-id and --access-key-secret must be given together (or ${EMULATOR_ENV.accessKeyId} and ${EMULATOR_ENV.accessKeySecret})`,
    );
  if (id === '' || secret === '') throw new UsageError('flags --access-key-id and --access-key-secret must not be empty');
  const adminToken = secretFrom(flags, 'admin-token', EMULATOR_ENV.adminToken, env);
  if (adminToken === '') throw new UsageError('flag --admin-token must not be empty');
  const region = flags.get('default-region');
  if (region !== undefined && !/^[a-z0-9-]+$/.test(region))
    throw new UsageError(`flag --default-region must look like cn-hangzhou, got "${region}"`);
  const rates = flags.get('flow-control');
  let flowControl: EmulatorOptions['flowControl'];
  try {
    flowControl = rates === undefined ? undefined : parseFlowControlRates(rates);
  } catch (err) {
    throw new UsageError(`flag --flow-control: ${(err as Error).message}`);
  }
  return {
    host: '127.0.0.1',
    requestedHost: flags.get('host') ?? '127.0.0.1',
    port: settings.port,
    db: settings.db,
    accounts: [{ accessKeyId: id ?? DEFAULT_ACCESS_KEY_ID, accessKeySecret: secret ?? DEFAULT_ACCESS_KEY_SECRET }],
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(flowControl ? { flowControl } : {}),
    settings: {
      imageCreateSeconds: settings.imageCreateSeconds,
      instanceStartSeconds: secondsFlag(flags, 'instance-start-seconds', defaultSettings.instanceStartSeconds),
      ...(region ? { defaultRegionId: region } : {}),
    },
  };
}

/** Run the command; resolves with the exit code once the emulator stopped. */
export async function runEmulatorCommand(argv: readonly string[]): Promise<number> {
  const parsed = emulatorOptionsFromArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(emulatorUsage);
    return 0;
  }
  const { requestedHost, ...options } = parsed;
  await loopbackHost(requestedHost);
  // The database opener creates missing folders itself, one level at a time (a bad path fails in one line).
  const emu = await startEmulator(options).catch((err: NodeJS.ErrnoException) => {
    if (err?.code === 'EADDRINUSE')
      throw new Error(
        `port ${options.port} on 127.0.0.1 is already in use. Stop what listens there, or pick another port: --port N (or ALICLOUD_IMAGE_PORT=N; 0 picks a free one).`,
      );
    throw err;
  });
  const account = options.accounts![0]!;
  process.stdout.write(
    `alicloud-image emulator listening on ${emu.url} endpoint=${emu.endpoint} access_key=${account.accessKeyId} ` +
      `secret_key=${maskSecret(account.accessKeySecret)}${options.adminToken ? ' admin_token=****' : ''} db=${options.db} (Ctrl-C to stop)\n` +
      `console: ${emu.consoleUrl}  (images, request log, faults)\n`,
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
