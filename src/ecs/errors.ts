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

/** Which side is at fault, after openapi-core's split of service errors. */
export type EcsFault = 'client' | 'server' | 'throttling';

/** Base of every error thrown by `src/ecs`. */
export class EcsError extends Error {
  override readonly name:
    'EcsError' | 'EcsServiceError' | 'EcsNetworkError' | 'EcsTimeoutError' | 'EcsCanceledError' | 'EcsInputError' | 'EcsWaitFailedError' =
    'EcsError';
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
  /** False when the timeout hit before the connection was made (safe to retry any call). */
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
 * `InternalError` or any 5xx, network errors and request timeouts. Whether a retry is
 * *safe* (idempotency) is a separate question, answered in `retry.ts`.
 */
export function isRetryable(e: unknown): boolean {
  if (isEcsServiceError(e)) {
    return e.code.includes('Throttling') || e.code === 'ServiceUnavailable' || e.code === 'InternalError' || e.httpStatus >= 500;
  }
  return hasName(e, 'EcsNetworkError') || (hasName(e, 'EcsTimeoutError') && (e as EcsTimeoutError).kind === 'request');
}

const UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && v !== 'undefined' ? v : undefined;
}

/**
 * Convert anything thrown while calling `action` into an {@link EcsError}.
 * `EcsError`s pass through unchanged; unknown non-SDK errors become `EcsNetworkError`
 * only when they look like transport failures, otherwise they are rethrown as they are.
 */
export function toEcsError(err: unknown, action: string, product = 'ECS'): unknown {
  if (isEcsError(err)) return err;
  if (typeof err !== 'object' || err === null) return err;
  const e = err as Record<string, unknown> & { name?: string; message?: string; code?: unknown };
  const name = String(e.name ?? '');
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
    const connect = String(e.message ?? '').includes('ConnectTimeout');
    return new EcsTimeoutError(`${product} ${action} timed out: ${connect ? 'could not connect in time' : 'no response in time'}.`, {
      what: `${product} ${action} response`,
      kind: 'request',
      requestSent: !connect,
      cause: err,
    });
  }
  const sysCode = typeof e.code === 'string' ? e.code : undefined;
  if (sysCode && /^E[A-Z_]+$/.test(sysCode)) {
    return new EcsNetworkError(`${product} ${action} failed: network error ${sysCode}: ${withoutRequestLine(firstLine(e.message))}`, {
      requestSent: !UNSENT_CODES.has(sysCode),
      cause: err,
    });
  }
  if (err instanceof SyntaxError) {
    return new EcsNetworkError(`${product} ${action} failed: the response body is not valid JSON (${err.message}).`, {
      requestSent: true,
      cause: err,
    });
  }
  return err;
}

/** The SDK glues the request line to the system message (`...127.0.0.1:1POST http://...`): drop it. */
export function withoutRequestLine(m: string): string {
  return m.replace(/\s*(?:GET|POST|PUT|DELETE|HEAD) https?:\/\/\S*$/, '');
}

function firstLine(m: unknown): string {
  return String(m ?? '').split('\n')[0];
}
