/**
 * The gRPC side of a plugin process: tfplugin6.Provider (backed by
 * {@link ProviderRpc}), plugin.GRPCController/Shutdown, plugin.GRPCStdio
 * (ended at once) and grpc.health.v1.Health, on a unix socket, with mutual TLS
 * when a client CA is given.
 */
import { chmodSync, chownSync, rmSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { serviceDefinition, type Msg } from './protocol/index.js';
import type { ProviderRpc } from './provider-rpc.js';
import { socketDir, socketPath } from './socket-file.js';

export interface GrpcServerOptions {
  rpc: ProviderRpc;
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

const MAX_MESSAGE = 256 * 1024 * 1024;

/** Start serving; resolves once the socket is bound. */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE,
    'grpc.max_send_message_length': MAX_MESSAGE,
  });
  const providerDef = serviceDefinition('tfplugin6.Provider');
  const impl: grpc.UntypedServiceImplementation = {};
  for (const name of Object.keys(providerDef)) {
    const handler = options.rpc.handlers[name];
    impl[name] = handler
      ? (call: grpc.ServerUnaryCall<Msg, Msg>, cb: grpc.sendUnaryData<Msg>) => {
          handler(call.request).then(
            (res) => cb(null, res),
            (e: unknown) => cb({ code: grpc.status.INTERNAL, details: String(e) }),
          );
        }
      : (_call: grpc.ServerUnaryCall<Msg, Msg>, cb: grpc.sendUnaryData<Msg>) =>
          cb({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not supported by this provider` });
  }
  server.addService(providerDef, impl);
  server.addService(serviceDefinition('plugin.GRPCController'), {
    Shutdown: (_call: grpc.ServerUnaryCall<Msg, Msg>, cb: grpc.sendUnaryData<Msg>) => {
      cb(null, {});
      // Let the response flush before tearing the server down.
      setImmediate(() => options.onShutdown?.());
    },
  });
  server.addService(serviceDefinition('plugin.GRPCStdio'), {
    StreamStdio: (call: grpc.ServerWritableStream<Msg, Msg>) => call.end(),
  });
  server.addService(serviceDefinition('grpc.health.v1.Health'), {
    Check: (call: grpc.ServerUnaryCall<Msg, Msg>, cb: grpc.sendUnaryData<Msg>) =>
      cb(null, { status: call.request.service === '' || call.request.service === 'plugin' ? 'SERVING' : 'SERVICE_UNKNOWN' }),
  });

  const creds = options.tls
    ? grpc.ServerCredentials.createSsl(
        Buffer.from(options.tls.clientCaPem),
        [{ private_key: Buffer.from(options.tls.keyPem), cert_chain: Buffer.from(options.tls.certPem) }],
        true,
      )
    : grpc.ServerCredentials.createInsecure();
  const address = socketPath(socketDir(options.socketDir));
  await new Promise<void>((resolve, reject) => server.bindAsync(`unix:${address}`, creds, (err) => (err ? reject(err) : resolve())));
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
          rmSync(address, { force: true });
          resolve();
        };
        const timer = setTimeout(() => {
          server.forceShutdown();
          done();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          done();
        });
      });
      return closed;
    },
  };
}
