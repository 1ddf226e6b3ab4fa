/**
 * The one place ECS errors become HTTP: the JSON body
 * `{RequestId, HostId, Code, Message, Recommend}` with the status from the running emulator's
 * error tables.
 *
 * Handlers raise errors by code ({@link apiError}); the status and default message are looked up
 * when the error is answered, in the {@link ErrorTable} of the emulator serving the request (its
 * families' tables plus the common codes), never in module state. A code in no table is an
 * emulator bug that `error-codes.test.ts` catches; should one slip through it is answered 400
 * and logged, never 500.
 */
import { commonErrors } from '../spec/ecs/common.js';
import { httpErrors } from './http/http-errors.js';
import type { ErrorSpec } from '../spec/ecs/types.js';

/**
 * An ECS error: code, HTTP status, message. `status` undefined and `message` '' mean "as the
 * emulator's error table says"; an explicit status is for the APIs that document another status
 * than the shared table (e.g. a 403 `IncorrectInstanceStatus` of the lifecycle actions).
 */
export class EcsApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'EcsApiError';
  }
}

/**
 * Make the named ECS error. `message` overrides the table's default with a specific sentence
 * (name the parameter and what is allowed); the status comes from the table when answered.
 */
export function apiError(code: string, message = ''): EcsApiError {
  return new EcsApiError(code, undefined, message);
}

/** An error with its status known, ready to answer. */
export type ResolvedError = EcsApiError & { readonly status: number };

/**
 * The entries of `table` for `codes`: a family answering codes whose entry lives in another
 * family's spec table (a product's codes are split over several tables). A code the table lacks
 * is a bug in the family's declaration and throws when it loads.
 */
export function pickErrors(table: readonly ErrorSpec[], ...codes: string[]): ErrorSpec[] {
  return codes.map((code) => {
    const spec = table.find((s) => s.code === code);
    if (!spec) throw new Error(`emulator: error code ${code} is not in the table it is picked from`);
    return spec;
  });
}

/** The error codes one emulator answers with; a later table's entry overrides an earlier one's. */
export class ErrorTable {
  private readonly specs = new Map<string, ErrorSpec>();

  constructor(tables: readonly (readonly ErrorSpec[])[]) {
    for (const table of tables) for (const s of table) this.specs.set(s.code, s);
  }

  get(code: string): ErrorSpec | undefined {
    return this.specs.get(code);
  }

  /** The error with its status and message filled in from this table. */
  resolve(err: EcsApiError): ResolvedError {
    if (err.status !== undefined && err.message !== '') return err as ResolvedError;
    const spec = this.specs.get(err.code);
    if (!spec) console.error(`emulator bug: error code ${err.code} is in no error table of this emulator; answering 400`);
    return new EcsApiError(err.code, err.status ?? spec?.status ?? 400, err.message || spec?.message || err.code) as ResolvedError;
  }
}

/** The codes every emulator knows: the transport and common codes the core itself answers with. */
export const commonErrorTable = new ErrorTable([commonErrors, httpErrors]);

/** Message of `MissingParameter`, as ECS words it. */
export function missingMessage(name: string): string {
  return `The input parameter "${name}" that is mandatory for processing this request is not supplied.`;
}

/** Message of `InvalidParameter`-style errors: names the parameter and what is allowed. */
export function invalidMessage(name: string, allowed: string): string {
  return `The specified parameter "${name}" is not valid: ${allowed}.`;
}

export interface SerializedResponse {
  status: number;
  body: string;
}

/** The error body; `err` is resolved against the common codes unless the caller resolved it against its emulator's table. */
export function serializeError(unresolved: EcsApiError, requestId: string, hostId: string, product: string): SerializedResponse {
  const err = commonErrorTable.resolve(unresolved);
  const q = (s: string) => encodeURIComponent(s);
  const body = {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${q(err.code)}&product=${q(product)}&requestId=${q(requestId)}`,
  };
  return { status: err.status, body: JSON.stringify(body) };
}

/** Success: `RequestId` first, then the handler's fields (which never include `Code`). */
export function serializeSuccess(requestId: string, result: Record<string, unknown>): SerializedResponse {
  return { status: 200, body: JSON.stringify({ RequestId: requestId, ...result }) };
}

/** Any non-EcsApiError escaping a handler: logged to stderr, answered as InternalError 500. */
export function internalError(cause: unknown, action: string): EcsApiError {
  console.error(`emulator: unexpected error in ${action || 'request'}:`, cause);
  return apiError('InternalError');
}
