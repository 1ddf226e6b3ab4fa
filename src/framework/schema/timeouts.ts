/**
 * The framework-managed `timeouts` block: a SINGLE block holding one optional Go-duration
 * string per operation the resource declares (like SDKv2 and plugin-framework-timeouts).
 */
import { attr, block } from './builders.js';
import { parseDuration } from './duration.js';
import type { Block, BlockMap, EffectiveTimeouts, ObjectShape, Schema, TimeoutDefaults, TimeoutOperation } from './types.js';
import { v } from './validators.js';

export const TIMEOUT_OPERATIONS: readonly TimeoutOperation[] = ['create', 'read', 'update', 'delete'];

const cache = new WeakMap<TimeoutDefaults, Block>();

/** The `timeouts` block for the given defaults (memoised so identity is stable). */
export function timeoutsBlock(defaults: TimeoutDefaults): Block {
  let b = cache.get(defaults);
  if (!b) {
    const attributes: Record<string, ReturnType<typeof attr.string>> = {};
    for (const op of TIMEOUT_OPERATIONS) {
      if (defaults[op] === undefined) continue;
      attributes[op] = attr.string({
        optional: true,
        validators: [v.duration()],
        description: `How long to wait for the ${op} operation (default \`${defaults[op]}\`).`,
      });
    }
    b = block.single({ description: 'Operation timeouts, as durations such as `10m` or `1h30m`.', attributes });
    cache.set(defaults, b);
  }
  return b;
}

/** The blocks of an object level, including `timeouts` when it is a schema that declares them. */
export function blocksOf(shape: ObjectShape | Schema): BlockMap {
  const blocks = shape.blocks ?? {};
  const t = (shape as Schema).timeouts;
  return t ? { ...blocks, timeouts: timeoutsBlock(t) } : blocks;
}

/** Resolve effective timeouts (ms) of every declared operation: configured value when valid, else the declared default. */
export function resolveTimeouts<T extends TimeoutDefaults>(
  defaults: T | undefined,
  configured: Record<string, unknown> | null | undefined,
): EffectiveTimeouts<T> {
  const out: Partial<Record<TimeoutOperation, number>> = {};
  for (const op of TIMEOUT_OPERATIONS) {
    const d = defaults?.[op];
    if (d === undefined) continue;
    const c = configured?.[op];
    out[op] = (typeof c === 'string' ? parseDuration(c) : undefined) ?? parseDuration(d) ?? 0;
  }
  // Every declared operation got its number above, which is what EffectiveTimeouts<T> promises.
  return out as EffectiveTimeouts<T>;
}
