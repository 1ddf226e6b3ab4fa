/**
 * A minimal "Terraform side" for tests: launch a provider plugin executable the
 * way Terraform (go-plugin) does, read its handshake line, connect over mutual
 * TLS and call RPCs.
 *
 * - `startPlugin({ command })` spawns it with no arguments and Terraform's
 *   environment (magic cookie, PLUGIN_PROTOCOL_VERSIONS=6, port range, and
 *   PLUGIN_CLIENT_CERT of a fresh client certificate unless `tls: false`).
 * - `plugin.call('GetProviderSchema', {})` calls any tfplugin6.Provider RPC
 *   with plain snake_case messages; `plugin.shutdown()` does what Terraform does
 *   at the end (Shutdown, then SIGKILL after 2 s) and reports the exit.
 * - `plugin.connect({ withClientCertificate: false })` opens a second client
 *   that presents no certificate (the server must refuse it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { generateCertificate, type GeneratedCertificate } from '../tfplugin/certificate.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, parseHandshakeLine, type Handshake } from '../tfplugin/handshake.js';
import { serviceDefinition, type Msg } from '../tfplugin/protocol/index.js';

export interface StartPluginOptions {
  /** The executable (Terraform runs it with no arguments). */
  command: string;
  args?: string[];
  /** Extra environment on top of process.env and the go-plugin variables. */
  env?: NodeJS.ProcessEnv;
  /** Use AutoMTLS like Terraform (default true). */
  tls?: boolean;
  /** How long to wait for the handshake line (go-plugin: 60 s). */
  handshakeTimeoutMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A connection to the plugin's gRPC server. */
export class PluginClient {
  private readonly client: grpc.Client;

  constructor(target: string, credentials: grpc.ChannelCredentials) {
    this.client = new grpc.Client(target, credentials, {
      'grpc.ssl_target_name_override': 'localhost',
      'grpc.default_authority': 'localhost',
      'grpc.max_receive_message_length': 256 * 1024 * 1024,
    });
  }

  /** Call `service/method` (default service tfplugin6.Provider) with a plain message. */
  call(method: string, request: Msg = {}, options: { service?: string; timeoutMs?: number } = {}): Promise<Msg> {
    const service = options.service ?? 'tfplugin6.Provider';
    const def = serviceDefinition(service)[method];
    if (!def) throw new Error(`${service} has no method ${method}`);
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        request,
        new grpc.Metadata(),
        { deadline },
        (err, res) => (err ? reject(err) : resolve(res as Msg)),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}

export interface PluginProcess {
  child: ChildProcess;
  handshake: Handshake;
  /** The raw first stdout line. */
  handshakeLine: string;
  /** The client identity whose PEM was passed as PLUGIN_CLIENT_CERT (TLS only). */
  clientIdentity?: GeneratedCertificate;
  /** Milliseconds from spawn to the handshake line. */
  startupMs: number;
  /** Everything the plugin wrote on stderr so far. */
  stderr(): string;
  /** Resolves when the process exits. */
  exited: Promise<ExitInfo>;
  client: PluginClient;
  call(method: string, request?: Msg): Promise<Msg>;
  /** A new connection; `withClientCertificate: false` presents no client certificate. */
  connect(options?: { withClientCertificate?: boolean }): PluginClient;
  /** Shutdown RPC, close, wait up to 2 s, then SIGKILL (go-plugin's sequence). */
  shutdown(): Promise<ExitInfo & { killed: boolean }>;
  kill(): void;
}

/** Launch a plugin like Terraform does and connect to it. */
export async function startPlugin(options: StartPluginOptions): Promise<PluginProcess> {
  const tls = options.tls ?? true;
  const identity = tls ? generateCertificate({ organization: 'HashiCorp' }) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
  };
  delete env.PLUGIN_CLIENT_CERT;
  if (identity) env.PLUGIN_CLIENT_CERT = identity.certPem;
  const started = process.hrtime.bigint();
  const child = spawn(options.command, options.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<ExitInfo>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(
      () => fail(new Error(`no handshake within ${options.handshakeTimeoutMs ?? 60_000} ms`)),
      options.handshakeTimeoutMs ?? 60_000,
    );
    const onData = (d: string) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        cleanup();
        resolve(buf.slice(0, nl));
      }
    };
    const onExit = (code: number | null) => fail(new Error(`plugin exited (code ${code}) before the handshake; stderr:\n${stderr}`));
    const fail = (e: Error) => {
      cleanup();
      child.kill('SIGKILL');
      reject(e);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.once('exit', onExit);
  });
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Like go-plugin: keep draining stdout after the handshake.
  child.stdout!.resume();
  const handshake = parseHandshakeLine(line);
  if (handshake.core !== 1 || handshake.version !== 6 || handshake.protocol !== 'grpc') {
    child.kill('SIGKILL');
    throw new Error(`unexpected handshake: ${line}`);
  }
  const target = handshake.network === 'unix' ? `unix:${handshake.address}` : handshake.address;
  const serverPem = handshake.certDer ? new X509Certificate(handshake.certDer).toString() : undefined;
  const connect = (o: { withClientCertificate?: boolean } = {}) => {
    if (!serverPem) return new PluginClient(target, grpc.credentials.createInsecure());
    const withCert = o.withClientCertificate ?? true;
    const creds =
      withCert && identity
        ? grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(identity.keyPem), Buffer.from(identity.certPem))
        : grpc.credentials.createSsl(Buffer.from(serverPem));
    return new PluginClient(target, creds);
  };
  const client = connect();
  return {
    child,
    handshake,
    handshakeLine: line,
    ...(identity ? { clientIdentity: identity } : {}),
    startupMs,
    stderr: () => stderr,
    exited,
    client,
    call: (method, request = {}) => client.call(method, request),
    connect,
    async shutdown() {
      await client.call('Shutdown', {}, { service: 'plugin.GRPCController', timeoutMs: 2000 }).catch(() => undefined);
      client.close();
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, 2000);
      const info = await exited;
      clearTimeout(timer);
      return { ...info, killed };
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
