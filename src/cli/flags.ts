/**
 * A small long-flag parser for the CLI: `--name value` and `--name=value`, boolean
 * flags without a value, and a {@link UsageError} (exit code 2) for anything unknown.
 */

/** Bad command line: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface FlagSpec {
  /** Takes a value (`--port 9786`) or is a switch (`--help`). */
  value: boolean;
}

/** Parse `argv` against the allowed flags; returns flag name (without `--`) → value (`'true'` for switches). */
export function parseFlags(argv: readonly string[], allowed: Readonly<Record<string, FlagSpec>>): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] === '-h' && allowed.help ? '--help' : argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; flags look like --name value`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = allowed[name];
    if (!spec) {
      const known = Object.keys(allowed)
        .map((f) => `--${f}`)
        .join(', ');
      throw new UsageError(`unknown flag --${name}; known flags: ${known}`);
    }
    if (!spec.value) {
      if (eq >= 0) throw new UsageError(`flag --${name} takes no value`);
      out.set(name, 'true');
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`flag --${name} needs a value`);
    out.set(name, value);
  }
  return out;
}

/** An integer flag within [min, max]. */
export function intFlag(flags: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`flag --${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

/** A non-negative number of seconds (decimals allowed, e.g. 0.5). */
export function secondsFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new UsageError(`flag --${name} must be a number of seconds >= 0, got "${raw}"`);
  return Number(raw);
}
