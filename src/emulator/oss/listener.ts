/**
 * The OSS endpoint, served on the emulator's own port beside the ECS RPC API.
 *
 * Addressing (see `docs/design/oss-emulator.md`):
 * - virtual-hosted by Host header: `Host: <bucket>.oss-<region>.aliyuncs.com` on a connection to
 *   127.0.0.1, path `/<key>`. This is what Alibaba's ali-oss client sends when its endpoint is an
 *   IP address (`endpoint: 'http://127.0.0.1:PORT', region: 'oss-cn-hangzhou'`); the region comes
 *   from the Host and must be the bucket's.
 * - path style: `Host: 127.0.0.1:PORT`, path `/<bucket>/<key>`, recognised by an OSS
 *   `Authorization` header (the ECS API lives at `/` and signs in its query or with ACS3).
 * Requests for other names never reach here (the loopback Host rule of `http/guard.ts` still
 * applies to path-style calls; OSS names cannot be pointed at 127.0.0.1 by a web page's DNS).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credential } from '../accounts.js';
import type { Account } from '../context.js';
import type { Db } from '../db/open.js';
import { checkAccess, type AccessPolicy } from '../http/guard.js';
import { OssError, accessDenied, entityTooLarge, errorXml, internalError, invalidArgument } from './errors.js';
import { MAX_OBJECT_BYTES, runOss, type OssAnswer, type OssRequest } from './operations.js';
import { authenticateOss, canonicalResource } from './signature.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** What the OSS endpoint needs from the emulator (a subset of its core). */
export interface OssCore {
  db: Db;
  credentials: ReadonlyMap<string, Credential>;
  clock(): Date;
  signatureClock(): Date;
  defaultRegionId: string;
  regionExists(regionId: string): boolean;
}

const OSS_HOST = /^(?:([^.]+)\.)?oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com(?::\d+)?$/i;

/** The bucket and region a Host header names, or undefined when it is not an OSS name. */
export function ossHost(host: string | undefined): { bucket: string; region: string } | undefined {
  const m = host === undefined ? null : OSS_HOST.exec(host.trim());
  return m ? { bucket: (m[1] ?? '').toLowerCase(), region: m[2]!.toLowerCase() } : undefined;
}

/** True when the request is for the OSS endpoint rather than the ECS API, console or admin routes. */
export function isOssRequest(req: IncomingMessage): boolean {
  if (ossHost(req.headers.host)) return true;
  const auth = req.headers.authorization ?? '';
  return auth.startsWith('OSS ') || auth.startsWith('OSS4-HMAC-SHA256');
}

/** OSS request ids: 24 upper-case hex characters. */
const newRequestId = () => randomBytes(12).toString('hex').toUpperCase();

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        chunks.length = 0;
        req.socket.destroy();
        resolve(undefined);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidArgument('The request path is not valid percent-encoded UTF-8.');
  }
}

function parseQuery(raw: string): [string, string][] {
  if (raw === '') return [];
  return raw
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      const k = i < 0 ? p : p.slice(0, i);
      const v = i < 0 ? '' : p.slice(i + 1);
      return [decodePath(k.replace(/\+/g, ' ')), decodePath(v.replace(/\+/g, ' '))];
    });
}

function write(res: ServerResponse, method: string, answer: OssAnswer, requestId: string, now: Date): void {
  const body = answer.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, {
    Server: 'AliyunOSS',
    Date: now.toUTCString(),
    'x-oss-request-id': requestId,
    ...answer.headers,
    ...(answer.headers['Content-Length'] === undefined ? { 'Content-Length': String(body.length) } : {}),
  });
  res.end(method === 'HEAD' ? undefined : body);
}

function errorAnswer(err: OssError, requestId: string, hostId: string): OssAnswer {
  return {
    status: err.status,
    headers: { 'Content-Type': 'application/xml', 'x-oss-ec': err.code },
    body: errorXml(err, requestId, hostId),
  };
}

async function serve(core: OssCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const hostId = req.headers.host ?? '';
  let answer: OssAnswer;
  try {
    if (req.headers.origin !== undefined)
      throw accessDenied('The emulator refuses OSS requests from web pages (an Origin header was sent).');
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_OBJECT_BYTES) {
      res.setHeader('Connection', 'close');
      throw entityTooLarge(MAX_OBJECT_BYTES);
    }
    const body = await readLimited(req, MAX_OBJECT_BYTES);
    if (!body) throw entityTooLarge(MAX_OBJECT_BYTES);
    const named = ossHost(req.headers.host);
    let bucket: string;
    let key: string;
    if (named) {
      bucket = named.bucket;
      key = decodePath(rawPath.replace(/^\//, ''));
    } else {
      const rest = rawPath.replace(/^\//, '');
      const slash = rest.indexOf('/');
      bucket = decodePath(slash < 0 ? rest : rest.slice(0, slash));
      key = slash < 0 ? '' : decodePath(rest.slice(slash + 1));
    }
    const query = parseQuery(q < 0 ? '' : url.slice(q + 1));
    const request: OssRequest = { method, bucket, key, query, headers: req.headers, body, addressedRegion: named?.region };
    const cred = authenticateOss(
      { method, headers: req.headers, resource: canonicalResource(bucket, key, query), query },
      core.credentials,
      core.signatureClock(),
    );
    answer = runIn(core, request, cred.account);
  } catch (err) {
    if (!(err instanceof OssError)) console.error('emulator OSS request failed:', err);
    answer = errorAnswer(err instanceof OssError ? err : internalError(), requestId, hostId);
  }
  write(res, method, answer, requestId, core.clock());
}

/** One operation in one SQLite transaction (writes take the lock up front, like the ECS pipeline). */
function runIn(core: OssCore, request: OssRequest, account: Account): OssAnswer {
  const ctx = {
    db: core.db,
    account,
    now: core.clock(),
    defaultRegionId: core.defaultRegionId,
    regionExists: (r: string) => core.regionExists(r),
  };
  const run = core.db.transaction(() => runOss(ctx, request));
  return request.method === 'GET' || request.method === 'HEAD' ? run() : run.immediate();
}

/** Serve OSS requests ({@link isOssRequest}) here and everything else with `inner`. */
export function withOss(inner: Listener, core: OssCore, policy: AccessPolicy): Listener {
  return (req, res) => {
    if (!isOssRequest(req)) return inner(req, res);
    // Path-style requests carry a loopback Host: the emulator's usual access rules apply to them.
    if (!ossHost(req.headers.host)) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      if (checkAccess(req, q < 0 ? url : url.slice(0, q), policy)) return inner(req, res);
    }
    serve(core, req, res).catch(() => res.destroy());
  };
}
