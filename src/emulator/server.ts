/**
 * The HTTP pipeline, written once: access checks (size, Host, Origin, admin rules; `http/guard.ts`)
 * → read the body → parse query and form → admin routes or signature check and nonce → route
 * (version, action) → decode and validate input (spec tables) → RegionId check → handler inside
 * one SQLite transaction → serialize in the requested format (`http/respond.ts`).
 * Every error, of any kind, leaves through `serializeError`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account, EmulatorSettings } from './context.js';
import type { Credential } from './accounts.js';
import type { EmulatorBackend } from './backend.js';
import type { Route } from './dispatch.js';
import {
  EcsApiError,
  apiError,
  commonErrorTable,
  internalError,
  serializeError,
  serializeSuccess,
  type SerializedResponse,
} from './errors.js';
import { MalformedInput, decodeForm, decodeUtf8 } from './http/form.js';
import { readBody } from './http/read-body.js';
import { ADMIN_PREFIX, checkAccess, errorHeaders, type AccessPolicy } from './http/guard.js';
import { responseFormat, send, type ResponseFormat } from './http/respond.js';
import { authenticate, claimedAction, isV3, type Authenticated, type TemporaryKey } from './signature/authenticate.js';
import type { NonceStore } from './signature/nonce-store.js';
import { BUSY_TIMEOUT_MS, isBusyError, withRelaxedSync, type Db } from './db/open.js';
import { runAction } from './execute.js';
import { noteApiRequest } from './request-log/listener.js';
import { isConsoleNavigation, serveConsole } from './console-assets.js';
import { handleAdmin } from './admin/routes.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Everything the pipeline needs; built once by `startEmulator`. */
export interface EmulatorCore {
  db: Db;
  /** The served families: routes, error table, region directory, queries. */
  backend: EmulatorBackend;
  credentials: ReadonlyMap<string, Credential>;
  accounts: readonly Account[];
  nonces: NonceStore;
  settings: EmulatorSettings;
  /** Resource time (handlers, seeds). */
  clock: () => Date;
  /** Time for the signature window and nonce expiry (wall clock unless a test injects one). */
  signatureClock: () => Date;
  newId: (prefix: string) => string;
  /** `127.0.0.1:PORT`, used as HostId when a request has no Host header. */
  endpoint(): string;
  /** Drop all data and seed again (admin reset). */
  reset(): void;
}

function isForm(contentType: string | undefined, body: Buffer): boolean {
  if (body.length === 0) return false;
  if (contentType === undefined || contentType.trim() === '') return true;
  return contentType.toLowerCase().split(';')[0]!.trim() === 'application/x-www-form-urlencoded';
}

/** A serialized answer and how to write it. */
interface Answer {
  response: SerializedResponse;
  format: ResponseFormat;
  /** The action, naming the XML root of a success. */
  action: string;
}

/**
 * Run one signed API request; always returns an answer, never throws.
 *
 * One `BEGIN IMMEDIATE` transaction per request (never a 500 for contention: it waits up to
 * the busy timeout for the write lock, then answers 503). It records the signature nonce
 * first, then runs the handler in a savepoint, so a failing handler leaves nothing behind
 * but the nonce stays used. Read-only actions commit without an fsync (`withRelaxedSync`).
 */
function handleApi(core: EmulatorCore, req: IncomingMessage, rawQuery: string, body: Buffer, requestId: string, hostId: string): Answer {
  let product = 'Ecs';
  let action = '';
  let format: ResponseFormat = 'json';
  const fail = (err: unknown): Answer => {
    if (err instanceof EcsApiError)
      return { response: serializeError(core.backend.errors.resolve(err), requestId, hostId, product), format, action };
    if (err instanceof MalformedInput)
      return { response: serializeError(apiError('InvalidParameter', err.message), requestId, hostId, product), format, action };
    if (isBusyError(err)) {
      const busy = apiError(
        'ServiceUnavailable',
        `The emulator database is busy: another connection held its write lock for over ${BUSY_TIMEOUT_MS / 1000} s; retry the request.`,
      );
      return { response: serializeError(busy, requestId, hostId, product), format, action };
    }
    return { response: serializeError(internalError(err, action), requestId, hostId, product), format, action };
  };
  try {
    const query = new Map(decodeForm(rawQuery, 'request query string'));
    const params = new Map(query);
    if (isForm(req.headers['content-type'], body)) {
      for (const [k, v] of decodeForm(decodeUtf8(body, 'request body'), 'request body')) params.set(k, v);
    }
    const claimed = claimedAction(req.headers, params);
    noteApiRequest(req, { ...claimed, params });
    format = responseFormat(params, isV3(req.headers));
    const now = core.clock();
    const claimedRoute = tryResolve(core, claimed.action, claimed.version);
    const mutating = claimedRoute?.spec.mutating === true;
    const run = core.db.transaction((): Answer => {
      const auth = claimedRoute?.spec.anonymous
        ? anonymous(claimed)
        : authenticate(
            { method: req.method ?? 'GET', path: '/', headers: req.headers, headersDistinct: req.headersDistinct, query, params, body },
            {
              credentials: core.credentials,
              nonces: core.nonces,
              now: core.signatureClock(),
              temporaryKey: (id) => temporaryKey(core, id),
            },
          );
      // From here the nonce is recorded: errors are answers, and the transaction commits.
      try {
        action = auth.action;
        if (auth.temporary) core.backend.queries.sts?.recordUse(core.db, auth.credential.account.accessKeyId, auth.action);
        product = core.backend.dispatcher.product(auth.version) ?? product;
        const route = core.backend.dispatcher.resolve(auth.action, auth.version);
        const fields = runAction(core, route, params, auth.credential.account, requestId, hostId, now);
        return { response: serializeSuccess(requestId, fields), format, action };
      } catch (err) {
        // SQLite rolled the whole transaction back (I/O error, disk full): nothing to commit, report the cause.
        if (!core.db.inTransaction) throw err;
        return fail(err);
      }
    }).immediate;
    return mutating ? run() : withRelaxedSync(core.db, run);
  } catch (err) {
    return fail(err);
  }
}

/** An anonymous action (STS AssumeRoleWithOIDC) runs without a key: no account until its handler proves one. */
function anonymous(claimed: { action: string; version: string }): Authenticated {
  return { credential: { account: { accessKeyId: '', accountId: 0 }, secret: '' }, ...claimed, signatureVersion: 'v1' };
}

/** A temporary key STS issued (when the STS family is served), with its expiry judged on the resource clock. */
function temporaryKey(core: EmulatorCore, accessKeyId: string): TemporaryKey | undefined {
  const s = core.backend.queries.sts?.findSession(core.db, accessKeyId);
  if (!s) return undefined;
  return {
    credential: { account: { accessKeyId: s.accessKeyId, accountId: s.accountId }, secret: s.accessKeySecret },
    securityToken: s.securityToken,
    expired: core.clock().getTime() >= s.expiresAt,
  };
}

/** The route a request claims, for decisions made before authentication; undefined when it names none. */
function tryResolve(core: EmulatorCore, action: string, version: string): Route | undefined {
  try {
    return core.backend.dispatcher.resolve(action, version);
  } catch {
    return undefined;
  }
}

/** True when `err` only says the client aborted or reset the connection (nothing to log). */
export function isClientAbort(err: unknown, req: IncomingMessage): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  return err instanceof Error && err.message === 'aborted' && (req.destroyed || req.socket?.destroyed === true);
}

/** The node:http request listener of the emulator (behind {@link withAccessChecks} and fault injection). */
export function createRequestListener(core: EmulatorCore): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const requestId = randomUUID().toUpperCase();
      const hostId = req.headers.host || core.endpoint();
      try {
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        const path = q < 0 ? url : url.slice(0, q);
        const rawQuery = q < 0 ? '' : url.slice(q + 1);
        const read = await readBody(req);
        if (!read.ok) {
          res.setHeader('Connection', 'close');
          return send(
            res,
            serializeError(
              apiError(
                'RequestEntityTooLarge',
                'The request body is larger than 1 MiB (1048576 bytes); send fewer parameters per request.',
              ),
              requestId,
              hostId,
              'Ecs',
            ),
          );
        }
        if (path.startsWith('/_emulator/')) return send(res, handleAdmin(core, req.method ?? 'GET', path, requestId, hostId, rawQuery));
        if (req.method !== 'GET' && req.method !== 'POST') {
          return send(
            res,
            serializeError(
              apiError('UnsupportedHTTPMethod', `This http method is not supported: ${req.method}; use GET or POST.`),
              requestId,
              hostId,
              'Ecs',
            ),
          );
        }
        if (path === '/console' || path.startsWith('/console/') || isConsoleNavigation(req, path, rawQuery)) {
          return serveConsole(req, res, path);
        }
        if (path !== '/') {
          return send(
            res,
            serializeError(
              apiError('InvalidAction.NotFound', `Specified api is not found: the API path is "/", got "${path.slice(0, 200)}".`),
              requestId,
              hostId,
              'Ecs',
            ),
          );
        }
        const answer = handleApi(core, req, rawQuery, read.body, requestId, hostId);
        send(res, answer.response, answer.format, answer.action);
      } catch (err) {
        // A client that hung up mid-request is routine (timeouts, Ctrl-C): drop the socket quietly.
        if (isClientAbort(err, req)) return void res.destroy();
        if (!res.headersSent) send(res, serializeError(internalError(err, 'request'), requestId, hostId, 'Ecs'));
        else res.destroy();
      }
    })();
  };
}

/** The response format a request asks for in its URL query, JSON when it cannot tell (for answers made before parsing). */
export function queryFormat(req: IncomingMessage): ResponseFormat {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  try {
    return responseFormat(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)), isV3(req.headers));
  } catch {
    return 'json';
  }
}

/** Refuse what {@link checkAccess} refuses before `inner` (fault injection, admin routes, API) sees the request. */
export function withAccessChecks(inner: Listener, policy: AccessPolicy, endpoint: () => string): Listener {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const unresolved = checkAccess(req, path, policy);
    if (!unresolved) return inner(req, res);
    const refused = commonErrorTable.resolve(unresolved);
    const answer = serializeError(refused, randomUUID().toUpperCase(), endpoint(), 'Ecs');
    const format = path.startsWith(ADMIN_PREFIX) ? 'json' : queryFormat(req);
    // Drain the refused body first (bounded by readBody), so its bytes are never parsed as a next request.
    readBody(req).then(
      () => send(res, answer, format, '', errorHeaders(refused)),
      () => res.destroy(),
    );
  };
}
