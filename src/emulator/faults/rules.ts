/**
 * Fault rules for the emulator (issue 6: clients must survive throttling, 5xx, slow answers and
 * answers lost after the change was committed). Rules are plain JSON set through
 * `POST /_emulator/faults`; decisions come from a seeded PRNG so a run is reproducible.
 */

export const FAULT_KINDS = ['Throttling', 'ServiceUnavailable', 'InternalError', 'latency', 'drop-after-commit'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /** Only requests for this action (e.g. `CreateImage`); absent = every API action. */
  action?: string;
  /** Probability 0..1 that a matching request gets the fault. */
  rate: number;
  kind: FaultKind;
  /** Delay for `latency`, in milliseconds (0..60000, default 1000). */
  latencyMs?: number;
  /** Fire at most this many times, then the rule is spent; absent = unlimited. */
  count?: number;
}

export interface FaultConfig {
  rules: FaultRule[];
  /** PRNG seed (unsigned 32-bit); default 1. */
  seed: number;
}

/** A rule with how often it fired, as `GET /_emulator/faults` shows it. */
export interface FaultRuleState extends FaultRule {
  fired: number;
}

/** Thrown for a bad `POST /_emulator/faults` body; the message names the field and what is allowed. */
export class FaultConfigError extends Error {}

const fail = (msg: string): never => {
  throw new FaultConfigError(msg);
};

/** Validate a decoded JSON body into a {@link FaultConfig}. */
export function parseFaultConfig(body: unknown): FaultConfig {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail('The body must be a JSON object {"rules": [...], "seed"?: number}.');
  const o = body as Record<string, unknown>;
  if (!Array.isArray(o.rules)) fail('"rules" must be an array of {action?, rate, kind, latencyMs?, count?}.');
  const seed = o.seed === undefined ? 1 : o.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail('"seed" must be an integer from 0 to 4294967295.');
  const rules = (o.rules as unknown[]).map((r, i): FaultRule => {
    const at = `rules[${i}]`;
    if (!r || typeof r !== 'object' || Array.isArray(r)) return fail(`${at} must be an object.`);
    const x = r as Record<string, unknown>;
    const known = new Set(['action', 'rate', 'kind', 'latencyMs', 'count']);
    for (const k of Object.keys(x)) if (!known.has(k)) fail(`${at}.${k} is not a rule field; allowed: ${[...known].join(', ')}.`);
    if (x.action !== undefined && (typeof x.action !== 'string' || !/^[A-Za-z]{1,100}$/.test(x.action)))
      fail(`${at}.action must be an action name such as "CreateImage".`);
    if (typeof x.rate !== 'number' || !(x.rate >= 0 && x.rate <= 1)) fail(`${at}.rate must be a number from 0 to 1.`);
    if (!(FAULT_KINDS as readonly unknown[]).includes(x.kind)) fail(`${at}.kind must be one of ${FAULT_KINDS.join(', ')}.`);
    if (
      x.latencyMs !== undefined &&
      (typeof x.latencyMs !== 'number' || !Number.isInteger(x.latencyMs) || x.latencyMs < 0 || x.latencyMs > 60000)
    )
      fail(`${at}.latencyMs must be an integer from 0 to 60000.`);
    if (x.count !== undefined && (typeof x.count !== 'number' || !Number.isInteger(x.count) || x.count < 1))
      fail(`${at}.count must be an integer of at least 1.`);
    const rule: FaultRule = { rate: x.rate as number, kind: x.kind as FaultKind };
    if (x.action !== undefined) rule.action = x.action as string;
    if (x.kind === 'latency') rule.latencyMs = (x.latencyMs as number | undefined) ?? 1000;
    if (x.count !== undefined) rule.count = x.count as number;
    return rule;
  });
  return { rules, seed: seed as number };
}

/** mulberry32: a small, fast, seedable PRNG with values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The live rule set: decides, per API request, which fault (if any) applies. */
export class FaultPlan {
  private rules: FaultRuleState[] = [];
  private seed = 1;
  private random = mulberry32(1);

  set(config: FaultConfig): void {
    this.rules = config.rules.map((r) => ({ ...r, fired: 0 }));
    this.seed = config.seed;
    this.random = mulberry32(config.seed);
  }

  clear(): void {
    this.set({ rules: [], seed: 1 });
  }

  snapshot(): { rules: FaultRuleState[]; seed: number } {
    return { rules: this.rules.map((r) => ({ ...r })), seed: this.seed };
  }

  /** The first matching, unspent rule whose draw falls under its rate; one draw per matching rule. */
  pick(action: string): FaultRuleState | undefined {
    for (const r of this.rules) {
      if (r.action !== undefined && r.action !== action) continue;
      if (r.count !== undefined && r.fired >= r.count) continue;
      if (this.random() < r.rate) {
        r.fired++;
        return r;
      }
    }
    return undefined;
  }
}
