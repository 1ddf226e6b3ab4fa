/**
 * The one place ECS errors become HTTP: the JSON body
 * `{RequestId, HostId, Code, Message, Recommend}` with the status from the error tables.
 * Also registers the common error table so `apiError('MissingParameter', ...)` works everywhere.
 */
import { EcsApiError, apiError, registerErrors } from './context.js';
import { commonErrors } from '../spec/ecs/common.js';

registerErrors(commonErrors);

export { EcsApiError, apiError };

/** `apiError` for codes coming from spec tables: an unregistered code still yields a 400, never a 500. */
export function specError(code: string, message: string): EcsApiError {
  try {
    return apiError(code, message);
  } catch {
    return new EcsApiError(code, 400, message);
  }
}

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

export function serializeError(err: EcsApiError, requestId: string, hostId: string, product: string): SerializedResponse {
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
