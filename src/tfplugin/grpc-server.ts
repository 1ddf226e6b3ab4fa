/**
 * The gRPC side of a plugin process, on node:http2 directly: tfplugin6.Provider (backed by
 * {@link ProviderRpc}), plugin.GRPCController/Shutdown, plugin.GRPCStdio (ended at once) and
 * grpc.health.v1.Health, on a unix socket, with mutual TLS when a client CA is given.
 *
 * Only unary calls (and the empty StreamStdio stream) are served, which is all Terraform and
 * go-plugin use. The protocol tables (protobufjs) and the RPC adapter load on the first call,
 * not before the handshake: this file's own imports are node built-ins, so the handshake line
 * is printed as soon as the socket listens (see bench/RESULTS.md, provider start).
 *
 * Wire rules followed (gRPC over HTTP/2): requests are POST `/<service>/<method>`, each message
 * framed as 1 byte compressed-flag + 4 byte big-endian length + protobuf bytes; an answer is
 * HEADERS (`:status 200`, `content-type: application/grpc`), one framed message, then trailers
 * `grpc-status: 0`; a failure is a trailers-only response with `grpc-status`/`grpc-message`.
 */
import { chmodSync, chownSync, rmSync } from 'node:fs';
import {
  constants,
  createSecureServer,
  createServer,
  type Http2Server,
  type Http2Session,
  type IncomingHttpHeaders,
  type ServerHttp2Stream,
} from 'node:http2';
import type { Msg } from './protocol/index.js';
import type * as ProtocolModule from './protocol/index.js';
import type { RpcHandlers } from './provider-rpc.js';
import { socketDir, socketPath } from './socket-file.js';

export interface GrpcServerOptions {
  /** The tfplugin6.Provider handlers, or a loader called once on the first Provider call. */
  rpc: { handlers: RpcHandlers } | (() => Promise<{ handlers: RpcHandlers }>);
  /** Server identity plus the CA (Terraform's client certificate) clients must present; omit for plaintext. */
  tls?: { keyPem: string; certPem: string; clientCaPem: string };
  /** Directory for the socket; defaults to PLUGIN_UNIX_SOCKET_DIR or the temp dir. */
  socketDir?: string;
  /** Group (name ignored, numeric id used) for PLUGIN_UNIX_SOCKET_GROUP. */
  socketGroup?: string;
  /** Called after the Shutdown RPC has been answered. */
  onShutdown?: () => void;
}

export interface RunningGrpcServer {
  network: 'unix';
  address: string;
  /** Stop serving (forcefully after `graceMs`) and remove the socket file. */
  close(graceMs?: number): Promise<void>;
}

/** gRPC status codes used here. */
const Status = { OK: 0, INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, INTERNAL: 13 } as const;

const MAX_MESSAGE = 256 * 1024 * 1024;

/** The grpc-message header value: percent-encoded outside printable ASCII (gRPC over HTTP/2 spec). */
function grpcMessage(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (b) =>
    b >= 0x20 && b <= 0x7e && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

function frame(message: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

class CallError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Read the request body and return the single framed message it carries. */
function readMessage(stream: ServerHttp2Stream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_MESSAGE + 5) {
        stream.pause();
        reject(new CallError(Status.RESOURCE_EXHAUSTED, `request larger than ${MAX_MESSAGE} bytes`));
      } else chunks.push(c);
    });
    stream.once('end', () => {
      const body = Buffer.concat(chunks);
      if (body.length === 0) return resolve(Buffer.alloc(0));
      if (body.length < 5) return reject(new CallError(Status.INTERNAL, 'truncated gRPC message frame'));
      if (body[0] !== 0) return reject(new CallError(Status.UNIMPLEMENTED, 'compressed gRPC messages are not supported'));
      const length = body.readUInt32BE(1);
      if (body.length !== 5 + length) return reject(new CallError(Status.INTERNAL, 'expected exactly one gRPC message in a unary call'));
      resolve(body.subarray(5));
    });
    stream.once('error', reject);
  });
}

function fail(stream: ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.headersSent) {
    if (!stream.destroyed) stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  stream.respond(
    { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': grpcMessage(message) },
    { endStream: true },
  );
}

function reply(stream: ServerHttp2Stream, message: Uint8Array | undefined): void {
  if (stream.destroyed) return;
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(Status.OK) }));
  stream.end(message ? frame(message) : undefined);
}

type Protocol = typeof ProtocolModule;
type Unary = (request: Msg) => Promise<Msg>;

/** Start serving; resolves once the socket is bound. */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  let protocol: Promise<Protocol> | undefined;
  const loadProtocol = () => (protocol ??= import('./protocol/index.js'));
  let handlers: Promise<RpcHandlers> | undefined;
  const loadHandlers = () =>
    (handlers ??= (async () => {
      const rpc = typeof options.rpc === 'function' ? await options.rpc() : options.rpc;
      return rpc.handlers;
    })());

  /** The method's unary handler, or undefined when this server does not serve it. */
  const route = async (service: string, method: string): Promise<Unary | undefined> => {
    switch (service) {
      case 'tfplugin6.Provider':
        return (await loadHandlers())[method];
      case 'plugin.GRPCController':
        return method === 'Shutdown' ? async () => ({}) : undefined;
      case 'grpc.health.v1.Health':
        return method === 'Check'
          ? async (r) => ({ status: r.service === '' || r.service === 'plugin' ? 'SERVING' : 'SERVICE_UNKNOWN' })
          : undefined;
      default:
        return undefined;
    }
  };

  const onStream = async (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    stream.on('error', () => {}); // a client reset is not our failure
    const path = String(headers[':path'] ?? '');
    const [, service = '', method = ''] = path.split('/');
    try {
      if (headers[':method'] !== 'POST') throw new CallError(Status.UNIMPLEMENTED, `${path} must be called with POST`);
      if (service === 'plugin.GRPCStdio' && method === 'StreamStdio') {
        // Nothing is forwarded: the stream ends at once with OK (go-plugin then stops reading).
        stream.resume();
        return reply(stream, undefined);
      }
      const handler = await route(service, method);
      if (!handler) throw new CallError(Status.UNIMPLEMENTED, `${service}/${method} is not supported by this provider`);
      const { methodTypes, encodeMessage, decodeMessage } = await loadProtocol();
      const types = methodTypes(service, method);
      if (!types) throw new CallError(Status.UNIMPLEMENTED, `unknown method ${service}/${method}`);
      const request = decodeMessage(types.request, await readMessage(stream));
      const response = await handler(request);
      reply(stream, encodeMessage(types.response, response));
      if (service === 'plugin.GRPCController') stream.once('close', () => setImmediate(() => options.onShutdown?.()));
    } catch (e) {
      if (e instanceof CallError) fail(stream, e.code, e.message);
      else fail(stream, Status.INTERNAL, String(e instanceof Error ? e.message : e));
    }
  };

  const server: Http2Server = options.tls
    ? createSecureServer({
        key: options.tls.keyPem,
        cert: options.tls.certPem,
        ca: options.tls.clientCaPem,
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        ALPNProtocols: ['h2'],
      })
    : createServer();
  const sessions = new Set<Http2Session>();
  server.on('session', (s: Http2Session) => {
    sessions.add(s);
    s.on('error', () => {});
    s.once('close', () => sessions.delete(s));
  });
  server.on('stream', (stream, headers) => void onStream(stream, headers));
  server.on('sessionError', () => {});

  const address = socketPath(socketDir(options.socketDir));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const group = options.socketGroup ?? process.env.PLUGIN_UNIX_SOCKET_GROUP;
  if (group) {
    chmodSync(address, 0o660);
    if (/^\d+$/.test(group)) chownSync(address, -1, Number(group));
  }

  let closed: Promise<void> | undefined;
  return {
    network: 'unix',
    address,
    close(graceMs = 200) {
      closed ??= new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          rmSync(address, { force: true });
          resolve();
        };
        const timer = setTimeout(() => {
          for (const s of sessions) s.destroy();
          done();
        }, graceMs);
        server.close(done);
        for (const s of sessions) s.close();
      });
      return closed;
    },
  };
}
