/**
 * `alicloud-image emulator`: run the local ECS emulator until Ctrl-C / SIGTERM.
 * Prints one line with the URL, endpoint and credentials to use.
 */
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
  --access-key-id ID            AccessKey id clients must sign with (default ${DEFAULT_ACCESS_KEY_ID})
  --access-key-secret SECRET    its secret (default ${DEFAULT_ACCESS_KEY_SECRET})
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

/** Turn the command line into emulator options; throws UsageError for bad flags. */
export function emulatorOptionsFromArgs(argv: readonly string[]): EmulatorOptions | 'help' {
  const flags = parseFlags(argv, flagSpecs);
  if (flags.has('help')) return 'help';
  const host = flags.get('host') ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new UsageError(`flag --host must be 127.0.0.1 (the emulator only listens on loopback), got "${host}"`);
  const id = flags.get('access-key-id');
  const secret = flags.get('access-key-secret');
  if ((id === undefined) !== (secret === undefined))
    throw new UsageError('flags --access-key-id and --access-key-secret must be given together');
  if (id === '' || secret === '') throw new UsageError('flags --access-key-id and --access-key-secret must not be empty');
  const region = flags.get('default-region');
  if (region !== undefined && !/^[a-z0-9-]+$/.test(region))
    throw new UsageError(`flag --default-region must look like cn-hangzhou, got "${region}"`);
  return {
    host: '127.0.0.1',
    port: intFlag(flags, 'port', DEFAULT_EMULATOR_PORT, 0, 65535),
    db: flags.get('db') ?? defaultDbPath(),
    accounts: [{ accessKeyId: id ?? DEFAULT_ACCESS_KEY_ID, accessKeySecret: secret ?? DEFAULT_ACCESS_KEY_SECRET }],
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
      `secret_key=${account.accessKeySecret} db=${options.db} (Ctrl-C to stop)\n`,
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
