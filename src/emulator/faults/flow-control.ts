/**
 * Opt-in API flow control, the way ECS meters calls: a token bucket per account, product and
 * action, refilled continuously at the action's rate (calls per second) and holding at most
 * `burstSeconds` of it. A call finding its bucket empty is answered before the handler runs
 * (nothing changes) with HTTP 400 `Throttling.User` "Request was denied due to user flow control."
 * (api-wave2.md 9.1); with `retryAfterHint`, also `x-acs-retry-after: <ms>` (the header the
 * official TS SDK reads; real ECS documents none, so it is off by default).
 *
 * Turned on by `startEmulator({ flowControl })`, `alicloud-image emulator --flow-control RATES`, or
 * the admin route (unsigned, like the others):
 * - `POST /_emulator/flow-control` `{rates: {CreateImage: 20}, defaultRate?, burstSeconds?, retryAfterHint?}` → the state
 * - `GET /_emulator/flow-control` → `{enabled, config, throttled: {Action: n}}`; `DELETE` turns it off
 * `POST /_emulator/reset` refills every bucket and zeroes the counts (the configuration stays).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credential } from '../accounts.js';
import { apiError, serializeError, type SerializedResponse } from '../errors.js';
import { readBody } from '../http/read-body.js';
import { send } from '../http/respond.js';
import { queryFormat } from '../server.js';
import { actionOf, productOf } from './inject.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface FlowControlConfig {
  /** Calls per second per account, by action name (e.g. `{ CreateImage: 20, DescribeImages: 50 }`). */
  rates: Record<string, number>;
  /** Rate of the actions not in `rates`; absent: those are not limited. */
  defaultRate?: number;
  /** Bucket size in seconds of rate (default 1: a full bucket holds one second of calls). */
  burstSeconds?: number;
  /** Send `x-acs-retry-after` (ms until the next token) with each throttling answer (default false). */
  retryAfterHint?: boolean;
}

export class FlowControlConfigError extends Error {}

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Check a configuration from JSON; throws {@link FlowControlConfigError} naming the bad field. */
export function parseFlowControlConfig(raw: unknown): FlowControlConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FlowControlConfigError('expected a JSON object');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!['rates', 'defaultRate', 'burstSeconds', 'retryAfterHint'].includes(k))
      throw new FlowControlConfigError(`unknown field "${k}" (allowed: rates, defaultRate, burstSeconds, retryAfterHint)`);
  const rates = o.rates ?? {};
  if (typeof rates !== 'object' || rates === null || Array.isArray(rates))
    throw new FlowControlConfigError('rates must be an object of action name to calls per second');
  for (const [action, rate] of Object.entries(rates))
    if (!/^[A-Za-z]+$/.test(action) || !positive(rate))
      throw new FlowControlConfigError(`rates.${action} must be a positive number of calls per second, got ${JSON.stringify(rate)}`);
  if (o.defaultRate !== undefined && !positive(o.defaultRate)) throw new FlowControlConfigError('defaultRate must be a positive number');
  if (o.burstSeconds !== undefined && !positive(o.burstSeconds)) throw new FlowControlConfigError('burstSeconds must be a positive number');
  if (o.retryAfterHint !== undefined && typeof o.retryAfterHint !== 'boolean')
    throw new FlowControlConfigError('retryAfterHint must be true or false');
  return {
    rates: { ...(rates as Record<string, number>) },
    ...(o.defaultRate !== undefined ? { defaultRate: o.defaultRate as number } : {}),
    ...(o.burstSeconds !== undefined ? { burstSeconds: o.burstSeconds as number } : {}),
    ...(o.retryAfterHint !== undefined ? { retryAfterHint: o.retryAfterHint as boolean } : {}),
  };
}

/** `CreateImage=20,DescribeImages=50,*=100` (the CLI flag) → a configuration; `*` is the default rate. */
export function parseFlowControlRates(spec: string): FlowControlConfig {
  const rates: Record<string, number> = {};
  let defaultRate: number | undefined;
  for (const part of spec.split(',')) {
    const m = /^\s*([A-Za-z]+|\*)\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(part);
    if (!m || !(Number(m[2]) > 0))
      throw new FlowControlConfigError(`"${part}" must be Action=CALLS_PER_SECOND (or *=N for every other action), e.g. CreateImage=20`);
    if (m[1] === '*') defaultRate = Number(m[2]);
    else rates[m[1]!] = Number(m[2]);
  }
  return { rates, ...(defaultRate !== undefined ? { defaultRate } : {}) };
}

/** The buckets of one emulator. */
export class FlowControl {
  private config: FlowControlConfig | undefined;
  private buckets = new Map<string, { tokens: number; at: number }>();
  private throttled = new Map<string, number>();

  constructor(
    config?: FlowControlConfig,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.config = config;
  }

  set(config: FlowControlConfig | undefined): void {
    this.config = config;
    this.reset();
  }

  reset(): void {
    this.buckets.clear();
    this.throttled.clear();
  }

  snapshot(): { enabled: boolean; config: FlowControlConfig | null; throttled: Record<string, number> } {
    return {
      enabled: this.config !== undefined,
      config: this.config ?? null,
      throttled: Object.fromEntries([...this.throttled].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  hintsRetryAfter(): boolean {
    return this.config?.retryAfterHint === true;
  }

  /** Take a token for this call: undefined when allowed, else ms until the next token. */
  take(account: string, product: string, action: string): number | undefined {
    const c = this.config;
    const rate = c && (c.rates[action] ?? c.defaultRate);
    if (!c || rate === undefined) return undefined;
    const capacity = Math.max(1, rate * (c.burstSeconds ?? 1));
    const key = `${account}|${product}|${action}`;
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) * rate) / 1000);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    this.throttled.set(action, (this.throttled.get(action) ?? 0) + 1);
    return Math.ceil(((1 - b.tokens) * 1000) / rate);
  }
}

/** The access key a request signs with (V3 `Credential=`, V1 `AccessKeyId`), without verifying it. */
function accessKeyOf(req: IncomingMessage, query: URLSearchParams): string {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /Credential=([^,\s]+)/.exec(auth) : null;
  return m?.[1] ?? query.get('AccessKeyId') ?? '(anonymous)';
}

const ok = (body: unknown): SerializedResponse => ({ status: 200, body: JSON.stringify(body) });

async function admin(fc: FlowControl, req: IncomingMessage, requestId: string, hostId: string): Promise<SerializedResponse> {
  const method = req.method ?? 'GET';
  if (method === 'GET') return ok(fc.snapshot());
  if (method === 'DELETE') {
    fc.set(undefined);
    return ok(fc.snapshot());
  }
  if (method !== 'POST')
    return serializeError(
      apiError('UnsupportedHTTPMethod', `/_emulator/flow-control accepts GET, POST or DELETE, got ${method}.`),
      requestId,
      hostId,
      'Ecs',
    );
  const read = await readBody(req);
  const invalid = (msg: string) =>
    serializeError(apiError('InvalidParameter', `Invalid flow control configuration: ${msg}`), requestId, hostId, 'Ecs');
  if (!read.ok) return invalid('the body is larger than 1 MiB.');
  try {
    fc.set(parseFlowControlConfig(JSON.parse(read.body.toString('utf8'))));
  } catch (err) {
    if (err instanceof FlowControlConfigError) return invalid(`${err.message}.`);
    if (err instanceof SyntaxError) return invalid('the body is not valid JSON.');
    throw err;
  }
  return ok(fc.snapshot());
}

/** Wrap the emulator's listener with flow control and its admin route. */
export function withFlowControl(inner: Listener, fc: FlowControl, credentials: ReadonlyMap<string, Credential>): Listener {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const hostId = req.headers.host || '127.0.0.1';
    if (path === '/_emulator/reset' && req.method === 'POST') fc.reset();
    if (path === '/_emulator/flow-control') {
      const requestId = randomUUID().toUpperCase();
      void admin(fc, req, requestId, hostId).then(
        (r) => send(res, r),
        () => (res.headersSent ? res.destroy() : send(res, serializeError(apiError('InternalError'), requestId, hostId, 'Ecs'))),
      );
      return;
    }
    if (path !== '/') return inner(req, res);
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    const key = accessKeyOf(req, query);
    const account = String(credentials.get(key)?.account.accountId ?? key);
    const product = productOf(req, query);
    const waitMs = fc.take(account, product, actionOf(req, query));
    if (waitMs === undefined) return inner(req, res);
    const answer = serializeError(apiError('Throttling.User'), randomUUID().toUpperCase(), hostId, product);
    req.resume();
    const headers: Record<string, string> = fc.hintsRetryAfter() ? { 'x-acs-retry-after': String(waitMs) } : {};
    req.once('end', () => send(res, answer, queryFormat(req), '', headers));
    req.once('error', () => res.destroy());
  };
}
