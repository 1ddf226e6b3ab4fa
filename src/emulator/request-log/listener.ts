/**
 * The request log's place in the emulator: a wrapper around the listener (outside fault
 * injection, so faulted and dropped calls are logged too) that records every API call when its
 * answer ends, and answers the log's admin routes:
 * - `GET /_emulator/requests?action=&errors=1&before=&limit=` → `{entries: [...], held, lastSeq}`, newest first
 * - `GET /_emulator/requests/<seq>` → one call with its request (URL, headers) and answer (status, body)
 * - `GET /_emulator/timeline?seconds=300` → `{end, buckets: [{t, total, errors, byAction}]}`, one per second
 * - `GET /_emulator/events` → server-sent events: `hello` `{lastSeq}`, `requests` `{entries, skipped}`
 *   (batched, at most 5 a second), `reset` after `POST /_emulator/reset`; a comment every 15 s keeps it open
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { productVersions } from '../../spec/ecs/common.js';
import { apiError, serializeError } from '../errors.js';
import { send } from '../http/respond.js';
import { isConsoleNavigation } from '../console-assets.js';
import { MAX_BODY_CHARS, type RequestLog, type RequestSummary } from './log.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** What the core learnt about an API request (parameters from the query and the form body). */
export interface ApiNote {
  action: string;
  version: string;
  params: ReadonlyMap<string, string>;
}

const notes = new WeakMap<IncomingMessage, ApiNote>();

/** Called by the core once it has parsed a request, so the log shows the form body's parameters too. */
export function noteApiRequest(req: IncomingMessage, note: ApiNote): void {
  notes.set(req, note);
}

const SSE_BATCH_MS = 200;
const SSE_BATCH_MAX = 200;
const SSE_HEARTBEAT_MS = 15_000;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function firstMatch(body: string, json: RegExp, xml: RegExp): string {
  return (json.exec(body) ?? xml.exec(body))?.[1] ?? '';
}

/** Record the call `req` when its answer ends (or its connection closes without one). */
function track(log: RequestLog, req: IncomingMessage, res: ServerResponse, rawQuery: string): void {
  const time = new Date().toISOString();
  const started = performance.now();
  let body = '';
  const end = res.end as (...a: unknown[]) => ServerResponse;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const chunk = args[0];
    if (typeof chunk === 'string') body = chunk;
    else if (Buffer.isBuffer(chunk)) body = chunk.toString('utf8');
    return end.apply(this, args);
  } as typeof res.end;
  res.once('close', () => {
    const note = notes.get(req);
    const version = note?.version || header(req, 'x-acs-version') || queryValue(rawQuery, 'Version');
    const status = res.writableFinished ? res.statusCode : 0;
    const v3 = header(req, 'authorization')?.trimStart().startsWith('ACS3-') === true;
    log.record({
      requestId: firstMatch(body.slice(0, 200), /"RequestId":"([^"]+)"/, /<RequestId>([^<]+)<\/RequestId>/),
      time,
      product: productVersions[version] ?? '',
      action: note?.action || header(req, 'x-acs-action') || queryValue(rawQuery, 'Action'),
      version,
      signature: v3 ? 'V3' : (note?.params.has('Signature') ?? /(^|&)Signature=/.test(rawQuery)) ? 'V1' : '',
      status,
      code: status === 0 ? '(no answer)' : status >= 400 ? firstMatch(body, /"Code":"([^"]*)"/, /<Code>([^<]*)<\/Code>/) : '',
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      raw: { method: req.method ?? 'GET', query: rawQuery, headers: req.headers, ...(note ? { params: note.params } : {}) },
      answer: {
        status,
        contentType: String(res.getHeader('content-type') ?? ''),
        body: body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body,
        truncated: body.length > MAX_BODY_CHARS,
      },
    });
  });
}

/** One query parameter, parsed only when needed ('' when absent). */
function queryValue(rawQuery: string, name: string): string {
  return rawQuery.includes(`${name}=`) ? (new URLSearchParams(rawQuery).get(name) ?? '') : '';
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A non-negative integer query parameter, or `fallback` when absent; undefined when malformed. */
function intParam(query: URLSearchParams, name: string, fallback: number | undefined, max: number): number | undefined | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw)) return null;
  return Math.min(Number(raw), max);
}

/** The event stream of the console: batches new calls, tells about resets, ends when the emulator stops. */
function stream(log: RequestLog, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream;charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ lastSeq: log.list({ limit: 0 }).lastSeq })}\n\n`);
  let pending: RequestSummary[] = [];
  let skipped = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.length > SSE_BATCH_MAX) {
      skipped += pending.length - SSE_BATCH_MAX;
      pending = pending.slice(-SSE_BATCH_MAX);
    }
    res.write(`event: requests\ndata: ${JSON.stringify({ entries: pending, skipped })}\n\n`);
    pending = [];
    skipped = 0;
  };
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
  heartbeat.unref();
  const stop = log.subscribe((e) => {
    if (e.type === 'close') return void res.end();
    if (e.type === 'reset') return void res.write('event: reset\ndata: {}\n\n');
    pending.push(e.entry);
    timer ??= setTimeout(flush, SSE_BATCH_MS);
  });
  res.once('close', () => {
    stop();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
  });
  req.resume();
}

/** Answer one of the log's admin routes; false when `path` is not one. */
function admin(log: RequestLog, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): boolean {
  const method = req.method ?? 'GET';
  const query = new URLSearchParams(rawQuery);
  const fail = (code: string, message: string) =>
    send(res, serializeError(apiError(code, message), randomUUID().toUpperCase(), req.headers.host ?? '127.0.0.1', 'Ecs'));
  const bad = (message: string) => fail('InvalidParameter', message);
  const getOnly = () => {
    if (method === 'GET') return true;
    fail('UnsupportedHTTPMethod', `${path} accepts GET only, got ${method}.`);
    return false;
  };
  if (path === '/_emulator/requests') {
    if (!getOnly()) return true;
    const limit = intParam(query, 'limit', 100, log.capacity);
    const before = intParam(query, 'before', undefined, Number.MAX_SAFE_INTEGER);
    if (limit === null || limit === undefined || before === null) return (void bad('limit and before must be whole numbers.'), true);
    const errors = query.get('errors');
    json(
      res,
      200,
      log.list({
        limit,
        ...(before !== undefined ? { before } : {}),
        action: query.get('action') ?? '',
        errors: errors === '1' || errors === 'true',
      }),
    );
    return true;
  }
  const one = /^\/_emulator\/requests\/(\d{1,15})$/.exec(path);
  if (one) {
    if (!getOnly()) return true;
    const entry = log.get(Number(one[1]));
    if (entry) json(res, 200, entry);
    else fail('InvalidRequestSeq.NotFound', `The request log holds no call ${one[1]}: it keeps the last ${log.capacity} calls.`);
    return true;
  }
  if (path === '/_emulator/timeline') {
    if (!getOnly()) return true;
    const seconds = intParam(query, 'seconds', 300, 600);
    if (seconds === null || seconds === undefined) return (void bad('seconds must be a whole number from 1 to 600.'), true);
    json(res, 200, log.timeline(seconds));
    return true;
  }
  if (path === '/_emulator/events') {
    if (getOnly()) stream(log, req, res);
    return true;
  }
  return false;
}

/** Wrap the emulator's listener with the request log and its admin routes. */
export function withRequestLog(inner: Listener, log: RequestLog): Listener {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    if (path === '/' && !isConsoleNavigation(req, path, rawQuery)) {
      track(log, req, res, rawQuery);
      return inner(req, res);
    }
    if (path.startsWith('/_emulator/')) {
      if (admin(log, req, res, path, rawQuery)) return;
      if (path === '/_emulator/reset' && req.method === 'POST') res.once('finish', () => res.statusCode === 200 && log.resetNotice());
    }
    inner(req, res);
  };
}
