/**
 * Fault injection and request statistics, as a wrapper around the emulator's request listener
 * (the core pipeline stays untouched). Admin routes (unsigned, like the core's):
 * - `POST /_emulator/faults` `{rules: [{action?, rate, kind, latencyMs?, count?}], seed?}` → the plan
 * - `GET /_emulator/faults` → `{rules: [... with fired], seed}`; `DELETE /_emulator/faults` clears
 * - `GET /_emulator/stats` → `{requests: {Action: n}, total}`; `POST /_emulator/stats/reset` zeroes it
 * `POST /_emulator/reset` (the core's) also clears faults and statistics.
 *
 * Kinds: `Throttling` (400 `Throttling.User`), `ServiceUnavailable` (503), `InternalError` (500)
 * answer before the handler runs, so nothing changes; `latency` delays the request by latencyMs;
 * `drop-after-commit` lets the handler run and commit, then destroys the socket unanswered.
 * The action is read from `x-acs-action` (V3) or the query's `Action` (V1); requests carrying it
 * only in a form body count as `(unknown)` and only match rules without `action`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { productVersions } from '../../spec/ecs/common.js';
import { apiError, serializeError, type SerializedResponse } from '../errors.js';
import { readBody } from '../http/read-body.js';
import { send } from '../http/respond.js';
import { queryFormat } from '../server.js';
import { FaultConfigError, FaultPlan, parseFaultConfig } from './rules.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const FAULT_MESSAGES = {
  Throttling: ['Throttling.User', 'Request was denied due to user flow control (emulator fault injection).'],
  ServiceUnavailable: ['ServiceUnavailable', 'The request has failed due to a temporary failure of the server (emulator fault injection).'],
  InternalError: ['InternalError', 'The request processing has failed due to some unknown error (emulator fault injection).'],
} as const;

/** Per-emulator fault plan and request counters. */
export class FaultInjector {
  readonly plan = new FaultPlan();
  private counts = new Map<string, number>();

  count(action: string): void {
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
  }

  stats(): { requests: Record<string, number>; total: number } {
    const requests = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return { requests, total: [...this.counts.values()].reduce((a, b) => a + b, 0) };
  }

  resetStats(): void {
    this.counts.clear();
  }
}

const ok = (body: unknown): SerializedResponse => ({ status: 200, body: JSON.stringify(body) });

export function actionOf(req: IncomingMessage, query: URLSearchParams): string {
  const header = req.headers['x-acs-action'];
  return (typeof header === 'string' && header) || query.get('Action') || '(unknown)';
}

export function productOf(req: IncomingMessage, query: URLSearchParams): string {
  const header = req.headers['x-acs-version'];
  const version = (typeof header === 'string' && header) || query.get('Version') || '';
  return productVersions[version] ?? 'Ecs';
}

/** Answer the fault/stats admin routes; undefined for any other path. */
async function admin(
  inj: FaultInjector,
  req: IncomingMessage,
  path: string,
  requestId: string,
  hostId: string,
): Promise<SerializedResponse | undefined> {
  const method = req.method ?? 'GET';
  const wrongMethod = (allowed: string) =>
    serializeError(apiError('UnsupportedHTTPMethod', `${path} accepts ${allowed}, got ${method}.`), requestId, hostId, 'Ecs');
  if (path === '/_emulator/stats') return method === 'GET' ? ok(inj.stats()) : wrongMethod('GET');
  if (path === '/_emulator/stats/reset') {
    if (method !== 'POST') return wrongMethod('POST');
    inj.resetStats();
    return ok(inj.stats());
  }
  if (path !== '/_emulator/faults') return undefined;
  if (method === 'GET') return ok(inj.plan.snapshot());
  if (method === 'DELETE') {
    inj.plan.clear();
    return ok(inj.plan.snapshot());
  }
  if (method !== 'POST') return wrongMethod('GET, POST or DELETE');
  const read = await readBody(req);
  const invalid = (msg: string) =>
    serializeError(apiError('InvalidParameter', `Invalid fault configuration: ${msg}`), requestId, hostId, 'Ecs');
  if (!read.ok) return invalid('the body is larger than 1 MiB.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.body.toString('utf8'));
  } catch {
    return invalid('the body is not valid JSON.');
  }
  try {
    inj.plan.set(parseFaultConfig(parsed));
  } catch (err) {
    if (err instanceof FaultConfigError) return invalid(err.message);
    throw err;
  }
  return ok(inj.plan.snapshot());
}

/** Wrap the emulator's listener with fault injection, statistics and their admin routes. */
export function withFaults(inner: Listener, inj: FaultInjector = new FaultInjector()): Listener {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    const requestId = randomUUID().toUpperCase();
    const hostId = req.headers.host || '127.0.0.1';
    if (path.startsWith('/_emulator/')) {
      if (path === '/_emulator/reset' && req.method === 'POST') {
        inj.plan.clear();
        inj.resetStats();
      }
      void admin(inj, req, path, requestId, hostId).then(
        (r) => (r ? send(res, r) : inner(req, res)),
        () => {
          if (!res.headersSent) send(res, serializeError(apiError('InternalError'), requestId, hostId, 'Ecs'));
          else res.destroy();
        },
      );
      return;
    }
    if (path !== '/') return inner(req, res);
    const action = actionOf(req, query);
    inj.count(action);
    const rule = inj.plan.pick(action);
    if (!rule) return inner(req, res);
    if (rule.kind === 'latency') {
      setTimeout(() => inner(req, res), rule.latencyMs ?? 1000);
      return;
    }
    if (rule.kind === 'drop-after-commit') {
      // The pipeline commits before it writes; swallow the write and drop the connection instead.
      res.writeHead = (() => res) as unknown as typeof res.writeHead;
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as unknown as typeof res.end;
      return inner(req, res);
    }
    const [code, message] = FAULT_MESSAGES[rule.kind];
    const answer = serializeError(apiError(code, message), requestId, hostId, productOf(req, query));
    req.resume();
    req.once('end', () => send(res, answer, queryFormat(req)));
    req.once('error', () => res.destroy());
  };
}
