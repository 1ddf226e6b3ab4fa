/**
 * The loaded protocol: a protobufjs Root holding tfplugin6, go-plugin's
 * services and grpc.health.v1, plus helpers that turn a service into the
 * method definitions @grpc/grpc-js serves and calls.
 *
 * Messages are plain objects with snake_case field names (the wire names);
 * enums are their string names, int64 are JS numbers, bytes are Buffers.
 */
import protobuf from 'protobufjs/light.js';
import type { MethodDefinition } from '@grpc/grpc-js';
import { tfplugin6Namespace } from './tfplugin6.js';
import { goPluginNamespace, googleProtobufNamespace, grpcHealthNamespace } from './go-plugin.js';

let root: protobuf.Root | undefined;

/** The shared Root (built once, on first use). */
export function protocolRoot(): protobuf.Root {
  root ??= protobuf.Root.fromJSON({
    nested: {
      tfplugin6: tfplugin6Namespace,
      plugin: goPluginNamespace,
      google: { nested: { protobuf: googleProtobufNamespace } },
      grpc: { nested: { health: { nested: { v1: grpcHealthNamespace } } } },
    },
  } as protobuf.INamespace);
  return root;
}

/** A plain protocol message (snake_case keys). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- decoded protobuf messages are dynamic; typed views wrap them in provider-rpc.ts
export type Msg = Record<string, any>;

const toObjectOptions: protobuf.IConversionOptions = {
  longs: Number,
  enums: String,
  defaults: true,
  arrays: true,
  objects: true,
  oneofs: true,
};

// Root lookups walk the namespace tree: every RPC asks for the same few names, so remember them.
const types = new Map<string, protobuf.Type>();
const lookupType = (name: string): protobuf.Type => {
  let t = types.get(name);
  if (!t) types.set(name, (t = protocolRoot().lookupType(name)));
  return t;
};

/** Encode a plain object as the named message (e.g. "tfplugin6.GetProviderSchema.Response"). */
export function encodeMessage(typeName: string, value: Msg): Buffer {
  const type = lookupType(typeName);
  return Buffer.from(type.encode(type.fromObject(value)).finish());
}

/** Decode bytes of the named message into a plain object with defaults filled in. */
export function decodeMessage(typeName: string, bytes: Uint8Array): Msg {
  const type = lookupType(typeName);
  return type.toObject(type.decode(bytes), toObjectOptions);
}

/** Request and response message names of `service`/`method`, or undefined when there is no such method. */
export function methodTypes(serviceName: string, methodName: string): { request: string; response: string } | undefined {
  const key = `${serviceName}/${methodName}`;
  let found = methods.get(key);
  if (!found) {
    found = findMethodTypes(serviceName, methodName);
    if (found) methods.set(key, found);
  }
  return found;
}

const methods = new Map<string, { request: string; response: string }>();

function findMethodTypes(serviceName: string, methodName: string): { request: string; response: string } | undefined {
  const svc = protocolRoot().lookup(serviceName);
  if (!(svc instanceof protobuf.Service)) return undefined;
  if (!Object.hasOwn(svc.methods, methodName)) return undefined;
  const method = svc.methods[methodName]!;
  method.resolve();
  return { request: method.resolvedRequestType!.fullName.slice(1), response: method.resolvedResponseType!.fullName.slice(1) };
}

/** grpc-js method definitions for every method of a service, keyed by method name (the test driver's client side). */
export function serviceDefinition(serviceName: string): Record<string, MethodDefinition<Msg, Msg>> {
  const svc = protocolRoot().lookupService(serviceName);
  const out: Record<string, MethodDefinition<Msg, Msg>> = {};
  for (const method of svc.methodsArray) {
    method.resolve();
    const req = method.resolvedRequestType!.fullName.slice(1);
    const res = method.resolvedResponseType!.fullName.slice(1);
    out[method.name] = {
      path: `/${serviceName}/${method.name}`,
      requestStream: Boolean(method.requestStream),
      responseStream: Boolean(method.responseStream),
      requestSerialize: (v: Msg) => encodeMessage(req, v),
      requestDeserialize: (b: Buffer) => decodeMessage(req, b),
      responseSerialize: (v: Msg) => encodeMessage(res, v),
      responseDeserialize: (b: Buffer) => decodeMessage(res, b),
      originalName: method.name,
    };
  }
  return out;
}
