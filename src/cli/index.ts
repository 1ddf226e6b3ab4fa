/**
 * The `alicloud-image` command line: dispatches `alicloud-image <command> [flags]`
 * to one module per command (loaded lazily, so start-up stays fast).
 *
 * Conventions (every command): `-h`/`--help` prints the usage on stdout and exits 0;
 * `--version` and `version` print the version; a bad command line prints one line naming the
 * problem plus a pointer to `--help` on stderr and exits 2; other failures exit 1 (stack traces
 * with `--debug`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './flags.js';
import { environmentHelp, packageVersion } from './settings.js';

interface Command {
  summary: string;
  run(argv: readonly string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  emulator: {
    summary: 'run the local ECS emulator',
    run: async (argv) => (await import('./commands/emulator.js')).runEmulatorCommand(argv),
  },
  install: {
    summary: 'install the provider plugin where `terraform init` / `tofu init` find it offline',
    run: async (argv) => (await import('./commands/install.js')).runInstallCommand(argv),
  },
  uninstall: {
    summary: 'remove what install put there',
    run: async (argv) => (await import('./commands/install.js')).runUninstallCommand(argv),
  },
  version: {
    summary: 'print the version',
    run: async (argv) => {
      if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write('Usage: alicloud-image version\n\nPrint the version of alicloud-image (also: alicloud-image --version).\n');
        return 0;
      }
      if (argv.length > 0) throw new UsageError(`version takes no arguments, got "${argv[0]}"`);
      process.stdout.write(`alicloud-image ${packageVersion()}\n`);
      return 0;
    },
  },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: alicloud-image <command> [flags]

Commands:
${lines.join('\n')}

Run "alicloud-image <command> --help" for a command's flags.

Flags:
  -h, --help     show help (also after a command)
  --version      print the version
  --debug        print stack traces on errors

${environmentHelp}`;
}

/** Run the CLI with the given arguments (without `node` and the script); resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && commands[topic]) return commands[topic].run(['--help']);
    process.stdout.write(usage());
    return 0;
  }
  if (name === '--version') return commands.version!.run([]);
  const command = name === undefined ? undefined : commands[name];
  try {
    if (name === undefined) throw new UsageError('no command given; commands: ' + Object.keys(commands).join(', '));
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(commands).join(', ')}`);
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`alicloud-image: ${err.message}\nRun "alicloud-image ${command ? name + ' ' : ''}--help" for usage.\n`);
      return 2;
    }
    const e = err as Error;
    process.stderr.write(`alicloud-image ${name}: ${e?.message ?? String(err)}\n`);
    if (debug && e?.stack) process.stderr.write(e.stack + '\n');
    return 1;
  }
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
