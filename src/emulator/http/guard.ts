/**
 * The front door, checked before anything else (fault injection and admin routes included):
 * who may talk to the emulator at all. The emulator holds no real data, but a web page the
 * user visits must not be able to wipe it (cross-site POST), read it (DNS rebinding) or drive
 * it with the public default key.
 *
 * - Sizes: a request target over {@link MAX_URL_BYTES} is 414, headers over
 *   {@link MAX_HEADER_BYTES} are 431 (Node's own parser limit is set higher so these answer).
 * - Host: must name the emulator. API routes accept the loopback names (`127.0.0.1`,
 *   `localhost`, `[::1]`) and the configured host on any port (a signed request covers its
 *   Host, and a loopback forwarder presents its own port); admin routes also need the
 *   emulator's own port. Otherwise 421. A request without Host (HTTP/1.0) is not a browser's.
 * - Origin: a browser request from another origin is 403, for every route; the emulator's own
 *   origins (`http://127.0.0.1:PORT`, `http://localhost:PORT`, ...) are allowed. Without Origin,
 *   `Sec-Fetch-Site: cross-site|same-site` (sent by browsers even when they omit Origin) is
 *   refused the same way.
 * - Admin changes (any method but GET/HEAD under `/_emulator/`) must not be "simple" requests,
 *   which a page can send cross-site without a preflight: they need `X-Emulator-Admin: 1` or
 *   `Content-Type: application/json`. Otherwise 403.
 * - Admin token (optional): every admin route then needs `Authorization: Bearer <token>`, else 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { apiError, type EcsApiError } from '../errors.js';

/** Longest request target (path and query) answered; longer is 414. */
export const MAX_URL_BYTES = 16 * 1024;
/** Largest total of header lines answered; larger is 431. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Node's parser limit (request line and headers together), well above ours so ours answer with the exact status. */
export const PARSER_MAX_HEADER_BYTES = 1024 * 1024;

export const ADMIN_PREFIX = '/_emulator/';
export const ADMIN_HEADER = 'x-emulator-admin';
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export interface AccessPolicy {
  /** The host the emulator binds (allowed in Host besides the loopback names). */
  host: string;
  /** The port it listens on (known once listening). */
  port(): number;
  /** When set, admin routes need `Authorization: Bearer <token>`. */
  adminToken?: string;
}

/** Extra response headers for an error (401 asks for a bearer token). */
export function errorHeaders(err: EcsApiError): Record<string, string> {
  return err.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="alicloud-image emulator"' } : {};
}

function single(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `host[:port]` → [lower-case name, port or undefined]; IPv6 literals keep their brackets. */
function splitHost(value: string): [string, string | undefined] {
  const v = value.trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(v);
  return m ? [m[1]!, m[2]] : [v, undefined];
}

function headerBytes(req: IncomingMessage): number {
  let n = 0;
  for (const h of req.rawHeaders) n += Buffer.byteLength(h) + 2;
  return n;
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The error that refuses `req`, or undefined when it may proceed. */
export function checkAccess(req: IncomingMessage, path: string, policy: AccessPolicy): EcsApiError | undefined {
  const target = req.url ?? '/';
  if (Buffer.byteLength(target) > MAX_URL_BYTES) {
    return apiError(
      'RequestURITooLong',
      `The request URI is ${Buffer.byteLength(target)} bytes, over the ${MAX_URL_BYTES}-byte limit: send the parameters in a POST ` +
        'body (Content-Type: application/x-www-form-urlencoded) instead of the query string.',
    );
  }
  if (headerBytes(req) > MAX_HEADER_BYTES) {
    return apiError(
      'RequestHeaderFieldsTooLarge',
      `The request headers are ${headerBytes(req)} bytes, over the ${MAX_HEADER_BYTES}-byte limit: send fewer or shorter headers, ` +
        'and large parameters in a POST body.',
    );
  }
  const admin = path.startsWith(ADMIN_PREFIX);
  const port = String(policy.port());
  const names = [...new Set([...LOOPBACK_NAMES, policy.host.toLowerCase()])];
  const own = names.map((n) => `${n}:${port}`);
  const host = single(req, 'host');
  if (host !== undefined) {
    const [name, hostPort] = splitHost(host);
    if (!names.includes(name) || (admin && (hostPort ?? '80') !== port)) {
      return apiError(
        'MisdirectedRequest',
        `The Host header "${host.slice(0, 100)}" does not name this emulator: use ${own.join(', ')}` +
          `${admin ? '' : ' (any port for API calls)'}. Requests for other names are refused so a web page cannot reach the ` +
          'emulator through DNS rebinding.',
      );
    }
  }
  const origin = single(req, 'origin');
  if (origin !== undefined && !own.some((o) => origin.toLowerCase() === `http://${o}`)) {
    return apiError(
      'Forbidden.CrossOrigin',
      `Requests from web pages of other origins are refused: Origin "${origin.slice(0, 100)}" is not this emulator ` +
        `(http://${own[0]}).`,
    );
  }
  // Without Origin (a no-cors GET, a navigation) the browser still says where the request comes from.
  const site = single(req, 'sec-fetch-site')?.toLowerCase();
  if (origin === undefined && (site === 'cross-site' || site === 'same-site')) {
    return apiError('Forbidden.CrossOrigin', `Requests from web pages of other origins are refused (Sec-Fetch-Site: ${site}).`);
  }
  if (!admin) return undefined;
  if (policy.adminToken !== undefined) {
    const auth = single(req, 'authorization');
    const m = auth === undefined ? null : /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (!m) {
      return apiError(
        'MissingAdminToken',
        'This emulator was started with an admin token: send the header "Authorization: Bearer <token>" on admin routes.',
      );
    }
    if (!sameToken(m[1]!, policy.adminToken)) {
      return apiError(
        'InvalidAdminToken',
        'The admin token in the Authorization header does not match the one the emulator was started with.',
      );
    }
  }
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    const type = single(req, 'content-type')?.split(';')[0]!.trim().toLowerCase();
    if (single(req, ADMIN_HEADER) !== '1' && type !== 'application/json') {
      return apiError(
        'Forbidden.AdminSimpleRequest',
        `${method} ${path.slice(0, 100)} changes the emulator: send the header "X-Emulator-Admin: 1" (or a JSON body with ` +
          '"Content-Type: application/json"), which a web page cannot send cross-site without the emulator agreeing.',
      );
    }
  }
  return undefined;
}
