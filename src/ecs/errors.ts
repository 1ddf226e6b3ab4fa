/**
 * Typed errors of the ECS client.
 *
 * Everything the client throws is an {@link EcsError}. The official SDK's
 * exceptions (`ClientError`, `ServerError`, `ThrottlingError` from
 * `@alicloud/openapi-core`, `RequestTimeoutError` and socket errors from its
 * HTTP layer) are converted once, at the boundary, by {@link toEcsError}.
 * Guards work on `name`, not only `instanceof`, so errors that crossed a module
 * copy or a worker boundary are still recognised.
 */
import { firstLine as wireFirstLine, type WireAttempt } from './wire-watch.js';

/** Which side is at fault, after openapi-core's split of service errors. */
export type EcsFault = 'client' | 'server' | 'throttling';

/** Base of every error thrown by `src/ecs`. */
export class EcsError extends Error {
  override readonly name:
    | 'EcsError'
    | 'EcsServiceError'
    | 'EcsResponseError'
    | 'EcsNetworkError'
    | 'EcsTimeoutError'
    | 'EcsCanceledError'
    | 'EcsInputError'
    | 'EcsWaitFailedError' = 'EcsError';
}

/** The service answered with an error body (`Code`, `Message`, `RequestId`, ...). */
export class EcsServiceError extends EcsError {
  override readonly name = 'EcsServiceError' as const;
  /** `ECS`, `VPC` or `ResourceManager`, for messages. */
  readonly product: string;
  /** Wire action, e.g. `CreateImage`. */
  readonly action: string;
  /** ECS error code, e.g. `InvalidImageId.NotFound`. */
  readonly code: string;
  /** The service's own message (without our prefix). */
  readonly serviceMessage: string;
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  /** Troubleshooting link the service sends (`Recommend`). */
  readonly recommend: string | undefined;
  readonly fault: EcsFault;
  /** Milliseconds the service asked us to wait (`x-acs-retry-after`), when it said so. */
  readonly retryAfterMs: number | undefined;
  /** The parsed error body as received. */
  readonly body: Record<string, unknown>;

  constructor(init: {
    product?: string;
    action: string;
    code: string;
    message: string;
    httpStatus: number;
    requestId?: string;
    recommend?: string;
    fault?: EcsFault;
    retryAfterMs?: number;
    body?: Record<string, unknown>;
  }) {
    const product = init.product ?? 'ECS';
    const rid = init.requestId ? ` Request id: ${init.requestId}.` : '';
    const msg = init.message.trim();
    super(`${product} ${init.action} failed: ${init.code} (HTTP ${init.httpStatus}): ${msg}${/[.!?]$/.test(msg) || !msg ? '' : '.'}${rid}`);
    this.product = product;
    this.action = init.action;
    this.code = init.code;
    this.serviceMessage = init.message;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.recommend = init.recommend;
    this.fault = init.fault ?? faultOf(init.code, init.httpStatus);
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body ?? {};
  }
}

/**
 * The service answered, but not with a valid body for the action: not JSON, not an object,
 * a field missing or of the wrong type (checked against the action's response shape), or an
 * error body (`Code`, `Message`) under HTTP 2xx. Nothing can be concluded from such an answer,
 * least of all that a resource is gone; it is not retried (the request did run).
 */
export class EcsResponseError extends EcsError {
  override readonly name = 'EcsResponseError' as const;
  readonly product: string;
  readonly action: string;
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  /** First offending path, e.g. `Images.Image[0].ImageId` (`(body)` for the whole body). */
  readonly path: string;
  /** What is wrong there, e.g. `missing (required object)`. */
  readonly problem: string;

  constructor(init: { product: string; action: string; httpStatus: number; requestId?: string; path: string; problem: string }) {
    const rid = init.requestId ? ` Request id: ${init.requestId}.` : '';
    super(`${init.product} ${init.action} returned an invalid response (HTTP ${init.httpStatus}): ${init.path}: ${init.problem}.${rid}`);
    this.product = init.product;
    this.action = init.action;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.path = init.path;
    this.problem = init.problem;
  }
}

/** The request did not get an answer: connection refused/reset, DNS failure, unreadable body. */
export class EcsNetworkError extends EcsError {
  override readonly name = 'EcsNetworkError' as const;
  /**
   * False when the request certainly never reached the service (connection refused, DNS
   * failure, connect timeout): such a call is safe to retry even when it mutates state.
   */
  readonly requestSent: boolean;
  constructor(message: string, options: { requestSent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.requestSent = options.requestSent;
  }
}

/** A request or a wait ran out of time. */
export class EcsTimeoutError extends EcsError {
  override readonly name = 'EcsTimeoutError' as const;
  /** What we waited for, e.g. `ECS DescribeImages response` or `image m-123 to become usable`. */
  readonly what: string;
  readonly elapsedMs: number | undefined;
  /** Last state observed by a waiter (undefined for request timeouts). */
  readonly lastState: string | undefined;
  /**
   * False when the timeout hit before the connection was made (safe to retry any call, and
   * retried). True when the connection was made but no answer came within the read timeout:
   * not retried, so the wait stays bounded by the read timeout.
   */
  readonly requestSent: boolean;
  /** `request`: one HTTP request got no answer in time (retryable); `wait`: a waiter gave up (final). */
  readonly kind: 'request' | 'wait';
  constructor(
    message: string,
    init: { what: string; kind: 'request' | 'wait'; elapsedMs?: number; lastState?: string; requestSent?: boolean; cause?: unknown },
  ) {
    super(message, { cause: init.cause });
    this.what = init.what;
    this.kind = init.kind;
    this.elapsedMs = init.elapsedMs;
    this.lastState = init.lastState;
    this.requestSent = init.requestSent ?? true;
  }
}

/** The caller's AbortSignal fired. */
export class EcsCanceledError extends EcsError {
  override readonly name = 'EcsCanceledError' as const;
}

/** A waiter saw a terminal failure state (e.g. an image in `CreateFailed`). */
export class EcsWaitFailedError extends EcsError {
  override readonly name = 'EcsWaitFailedError' as const;
  constructor(
    message: string,
    /** Why the wait failed, e.g. `image m-1 is CreateFailed`. */
    readonly reason: string,
    /** The last observed state, as described by the waiter. */
    readonly lastState: string,
  ) {
    super(message);
  }
}

/** The caller's input cannot be encoded (unknown parameter, wrong type, too many items). Never sent. */
export class EcsInputError extends EcsError {
  override readonly name = 'EcsInputError' as const;
}

function faultOf(code: string, status: number): EcsFault {
  if (code.includes('Throttling')) return 'throttling';
  return status >= 500 ? 'server' : 'client';
}

function hasName(e: unknown, name: string): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name;
}

export function isEcsError(e: unknown): e is EcsError {
  return e instanceof EcsError || (typeof e === 'object' && e !== null && /^Ecs[A-Za-z]*Error$/.test(String((e as Error).name)));
}

export function isEcsServiceError(e: unknown): e is EcsServiceError {
  return hasName(e, 'EcsServiceError');
}

/**
 * True for "the thing does not exist": HTTP 404 or a code ending in `.NotFound`.
 * With `codes`, only those exact codes count (e.g. `['InvalidImageId.NotFound']`), so an
 * `InvalidRegionId.NotFound` is not mistaken for a missing image.
 */
export function isNotFoundError(e: unknown, codes?: readonly string[]): e is EcsServiceError {
  if (!isEcsServiceError(e)) return false;
  if (codes) return codes.includes(e.code);
  return e.httpStatus === 404 || e.code.endsWith('.NotFound');
}

/** Rate limiting: any code containing `Throttling` (`Throttling.User`, `Rejected.Throttling`, ...). */
export function isThrottling(e: unknown): e is EcsServiceError {
  return isEcsServiceError(e) && e.code.includes('Throttling');
}

/**
 * True when trying again later may succeed: throttling, `ServiceUnavailable`,
 * `InternalError` or any 5xx, network errors and connect timeouts. A request that got no
 * answer within the read timeout is not retried (the read timeout bounds the wait), nor is
 * an invalid answer ({@link EcsResponseError}). Whether a retry is *safe* (idempotency) is a
 * separate question, answered in `retry.ts`.
 */
export function isRetryable(e: unknown): boolean {
  if (isEcsServiceError(e)) {
    return e.code.includes('Throttling') || e.code === 'ServiceUnavailable' || e.code === 'InternalError' || e.httpStatus >= 500;
  }
  if (hasName(e, 'EcsTimeoutError')) return (e as EcsTimeoutError).kind === 'request' && !(e as EcsTimeoutError).requestSent;
  return hasName(e, 'EcsNetworkError');
}

export function isEcsResponseError(e: unknown): e is EcsResponseError {
  return hasName(e, 'EcsResponseError');
}

const UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && v !== 'undefined' ? v : undefined;
}

/** What the client knows about the failed attempt, for precise messages (all optional). */
export interface FailureContext {
  /** `http://127.0.0.1:9000`, `https://ecs.cn-hangzhou.aliyuncs.com`. */
  endpoint?: string;
  /** What the attempt did on the wire (`wire-watch.ts`). */
  wire?: WireAttempt;
  readTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const seconds = (ms: number | undefined): string => (ms === undefined ? '' : ` (${Math.round(ms / 100) / 10} s)`);

/**
 * Convert anything thrown while calling `action` into an {@link EcsError}.
 * `EcsError`s pass through unchanged; unknown non-SDK errors become `EcsNetworkError`
 * only when they look like transport failures, otherwise they are rethrown as they are.
 */
export function toEcsError(err: unknown, action: string, product = 'ECS', context: FailureContext = {}): unknown {
  if (isEcsError(err)) return err;
  if (typeof err !== 'object' || err === null) return err;
  const e = err as Record<string, unknown> & { name?: string; message?: string; code?: unknown };
  const name = String(e.name ?? '');
  const where = context.endpoint ?? 'the endpoint';
  if (
    name === 'ThrottlingError' ||
    name === 'ClientError' ||
    name === 'ServerError' ||
    (name === 'ResponseError' && typeof e.statusCode === 'number')
  ) {
    const body = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
    const status = typeof e.statusCode === 'number' ? e.statusCode : Number(body.statusCode ?? 0);
    const code = str(body.Code) ?? str(body.code) ?? str(e.code) ?? `HTTP${status}`;
    const message = str(body.Message) ?? str(body.message) ?? '';
    const retryAfter = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : undefined;
    return new EcsServiceError({
      product,
      action,
      code,
      message,
      httpStatus: status,
      requestId: str(body.RequestId) ?? str(body.requestId) ?? str(e.requestId),
      recommend: str(body.Recommend),
      fault: name === 'ThrottlingError' ? 'throttling' : undefined,
      retryAfterMs: retryAfter,
      body,
    });
  }
  if (name === 'RequestTimeoutError') {
    // httpx calls its idle timeout "ConnectTimeout" even after connecting: trust the wire when we watched it.
    const connected = context.wire ? context.wire.connected : !String(e.message ?? '').includes('ConnectTimeout');
    const message = connected
      ? `${product} ${action} timed out: connected to ${where} but got no answer within the read timeout${seconds(context.readTimeoutMs)}.`
      : `${product} ${action} timed out: could not connect to ${where} within the connect timeout${seconds(context.connectTimeoutMs)}.`;
    return new EcsTimeoutError(message, { what: `${product} ${action} response`, kind: 'request', requestSent: connected, cause: err });
  }
  const sysCode = typeof e.code === 'string' ? e.code : undefined;
  if (sysCode && /^E[A-Z_]+$/.test(sysCode)) {
    const unsent = UNSENT_CODES.has(sysCode) && !context.wire?.connected;
    const detail = withoutRequestLine(firstLine(e.message));
    const message = unsent
      ? `${product} ${action} failed: cannot connect to ${where} (${sysCode}).`
      : `${product} ${action} failed: the connection to ${where} failed before an answer (${sysCode}${detail && !detail.includes(sysCode) ? `: ${detail}` : ''}).`;
    return new EcsNetworkError(message, { requestSent: !unsent, cause: err });
  }
  if (err instanceof SyntaxError) {
    const status = context.wire?.status;
    const head = context.wire ? wireFirstLine(context.wire.bodyHead) : '';
    const shown = head ? `: ${JSON.stringify(head)}` : '';
    // An error status with a non-JSON page (a gateway's HTML 502): keep the status, retried like any 5xx.
    if (status !== undefined && status >= 400) {
      return new EcsServiceError({ product, action, code: `HTTP${status}`, message: `the answer is not JSON${shown}`, httpStatus: status });
    }
    if (status !== undefined) {
      return new EcsResponseError({
        product,
        action,
        httpStatus: status,
        path: '(body)',
        problem: `not valid JSON (${err.message})${shown}`,
      });
    }
    return new EcsNetworkError(`${product} ${action} failed: the response body is not valid JSON (${err.message}).`, {
      requestSent: true,
      cause: err,
    });
  }
  return err;
}

/** httpx appends the request line to the system message (`...127.0.0.1:1POST http://... failed.`): drop it. */
export function withoutRequestLine(m: string): string {
  return m.replace(/\.?\s*(?:GET|POST|PUT|DELETE|HEAD) https?:\/\/\S*(?: failed\.)?$/, '').trim();
}

function firstLine(m: unknown): string {
  return String(m ?? '').split('\n')[0]!;
}
