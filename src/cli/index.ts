/**
 * The `alicloud-image` command line: dispatches `alicloud-image <command> [flags]`
 * to one module per command (loaded lazily, so start-up stays fast).
 * Exit codes: 0 success, 1 failure, 2 bad command line.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './flags.js';

interface Command {
  summary: string;
  run(argv: readonly string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  emulator: {
    summary: 'run the local ECS emulator (see alicloud-image emulator --help)',
    run: async (argv) => (await import('./commands/emulator.js')).runEmulatorCommand(argv),
  },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: alicloud-image <command> [flags]\n\nCommands:\n${lines.join('\n')}\n\nFlags:\n  --help       show help (also after a command)\n  --debug      print stack traces on errors\n`;
}

/** Run the CLI with the given arguments (without `node` and the script); resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
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
