/**
 * Go duration strings (`time.ParseDuration` syntax), as used in `timeouts` blocks:
 * an optional sign, then one or more `<decimal><unit>` pairs with units ns, us, µs, ms, s, m, h
 * (e.g. "10m", "1h30m", "90s", "1.5h"); "0" alone is allowed.
 */

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parse a Go duration into milliseconds, or return undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^([+-]?)(.*)$/.exec(text);
  const sign = m![1] === '-' ? -1 : 1;
  let rest = m![2]!;
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!part) return undefined;
    total += Number(part[1]) * UNIT_MS[part[2]!]!;
    rest = rest.slice(part[0].length);
  }
  return sign * total;
}

/** Format milliseconds as a short Go duration ("10m", "1h30m", "90s" stays "1m30s"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let out = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  if (rest > 0) out += `${rest}ms`;
  return out;
}
