/**
 * `serve()`: turn this process into a Terraform provider plugin.
 *
 * Plugin mode (what Terraform launches, no arguments): check the magic cookie
 * (else explain on stderr and exit 1), pick protocol 6, generate a throwaway
 * ECDSA certificate, serve gRPC on a unix socket with mutual TLS against
 * PLUGIN_CLIENT_CERT (plaintext when Terraform sent none), and print exactly one
 * line on stdout: `1|6|unix|PATH|grpc|CERT`. SIGINT is ignored (Terraform sends
 * StopProvider); the process exits after the Shutdown RPC, SIGTERM/SIGHUP or when
 * its parent dies, removing the socket on every exit path; sockets left by earlier
 * plugin processes that were killed with SIGKILL are removed at the next start
 * (`socket-file.ts`).
 *
 * Debug mode (`--debug`): plaintext, prints `export TF_REATTACH_PROVIDERS=...`
 * for the alicloud addresses and runs until Ctrl-C.
 *
 * Only this file's tiny imports load before the cookie check; the HTTP/2 server
 * and the certificate load before the handshake line, everything else (protobuf
 * tables, the RPC adapter and codecs, and the ProviderServer when given as a
 * factory) on Terraform's first call.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProviderServer } from './provider-server.js';
import { removeStaleSockets } from './socket-file.js';
import type { ProviderRpc } from './provider-rpc.js';
import { DEFAULT_REATTACH_ADDRESSES, handshakeLine, negotiate, notLaunchedByTerraformMessage, reattachValue } from './handshake.js';

export interface ServeOptions {
  /** Executable name used in messages and as the log `@module` (default "terraform-provider-alicloud"). */
  name?: string;
  /** Reattach/debug mode; default: `--debug` is among the process arguments. */
  debug?: boolean;
  /** Provider addresses printed in debug mode (default: hashicorp/alicloud and aliyun/alicloud on registry.terraform.io). */
  reattachAddresses?: string[];
}

/** A ProviderServer, or a factory called (once) on the first RPC, after the handshake. */
export type ProviderServerSource = ProviderServer | (() => ProviderServer | Promise<ProviderServer>);

/** Serve until Shutdown / parent death (plugin mode) or Ctrl-C (debug mode). Resolves once serving. */
export async function serve(server: ProviderServerSource, options: ServeOptions = {}): Promise<void> {
  const name = options.name ?? 'terraform-provider-alicloud';
  const debug = options.debug ?? process.argv.slice(2).includes('--debug');
  const env = process.env;
  // Captured first: the parent may die while we start up.
  const parent = process.ppid;
  if (!debug) {
    const n = negotiate(env);
    if (!n.ok) {
      process.stderr.write(env.TF_PLUGIN_MAGIC_COOKIE === undefined ? notLaunchedByTerraformMessage(name) : `${name}: ${n.error}\n`);
      process.exit(1);
    }
  }
  // Nothing but the handshake may reach stdout: route stray console output to stderr.
  console.log = console.info = console.debug = console.error;

  const [{ startGrpcServer }, { createLogger }, { generateCertificate }] = await Promise.all([
    import('./grpc-server.js'),
    import('./log.js'),
    import('./certificate.js'),
  ]);
  const log = createLogger({ module: name });
  const clientCert = debug || env.TF_DISABLE_PLUGIN_TLS ? undefined : env.PLUGIN_CLIENT_CERT;
  const identity = clientCert ? generateCertificate() : undefined;
  const provider = lazyServer(server);
  // The RPC adapter, protocol tables and provider load on Terraform's first call: loading them
  // right after the handshake instead measured no faster (the TLS handshake waits on the same thread).
  let rpc: ProviderRpc | undefined;
  let rpcLoading: Promise<ProviderRpc> | undefined;
  const loadRpc = () => (rpcLoading ??= import('./provider-rpc.js').then((m) => (rpc = new m.ProviderRpc(provider, log))));

  let shuttingDown = false;
  const shutdown = async (reason: string): Promise<never> => {
    if (!shuttingDown) {
      shuttingDown = true;
      log.debug('plugin shutting down', { reason });
      rpc?.stop(reason);
      await running.close();
    }
    process.exit(0);
  };
  const running = await startGrpcServer({
    rpc: loadRpc,
    ...(identity && clientCert ? { tls: { keyPem: identity.keyPem, certPem: identity.certPem, clientCaPem: clientCert } } : {}),
    onShutdown: () => {
      if (debug) log.info('ignoring Shutdown in debug mode; press Ctrl-C to stop');
      else void shutdown('Shutdown RPC');
    },
  });

  // Before the handshake line: a signal sent as soon as Terraform (or a test) reads it must find its handler.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  // Every other way out (an uncaught error, process.exit elsewhere) still removes the socket file.
  process.on('exit', () => rmSync(running.address, { force: true }));

  if (debug) {
    const value = reattachValue({
      addresses: options.reattachAddresses ?? DEFAULT_REATTACH_ADDRESSES,
      network: running.network,
      address: running.address,
      pid: process.pid,
    });
    process.stdout.write(
      `Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable with the following:\n\n` +
        `export TF_REATTACH_PROVIDERS='${value}'\n\nPress Ctrl-C to stop.\n`,
    );
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } else {
    process.stdout.write(
      handshakeLine({ network: running.network, address: running.address, ...(identity ? { certDer: identity.certDer } : {}) }),
    );
    // Ctrl-C reaches the whole process group; Terraform handles it with StopProvider.
    process.on('SIGINT', () => log.debug('ignoring SIGINT; waiting for StopProvider/Shutdown from Terraform'));
    setInterval(() => {
      if (process.ppid !== parent) void shutdown('parent process exited');
    }, 500).unref();
  }
  // Terraform gone (killed) closes our pipes: a write then fails with EPIPE, which must not crash past the clean-up.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => void shutdown('output pipe closed'));
  log.info('provider plugin started', { address: running.address, tls: Boolean(identity), debug });
  // Sockets of earlier plugin processes that were killed (kill -9 runs no handler); after the handshake, off the start-up path.
  setImmediate(() => {
    for (const path of removeStaleSockets(dirname(running.address))) log.debug('removed a stale plugin socket', { path });
  });
}

/** A ProviderServer that resolves the real one on first use. */
function lazyServer(source: ProviderServerSource): ProviderServer {
  if (typeof source !== 'function') return source;
  let resolved: Promise<ProviderServer> | undefined;
  const get = () => (resolved ??= Promise.resolve().then(source));
  return new Proxy({} as ProviderServer, {
    get:
      (_target, method: string) =>
      async (...args: unknown[]) => {
        const s = (await get()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return s[method]!(...args);
      },
  });
}
