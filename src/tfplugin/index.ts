/**
 * Public API of the protocol layer: serve a ProviderServer as a Terraform
 * plugin, and the value codecs the framework needs (implied types, msgpack,
 * JSON for raw state), plus logging.
 */
export { serve, type ServeOptions, type ProviderServerSource } from './serve.js';
export { impliedType, attributeType, typeToJson, parseType, inferType, hasDynamic } from './cty-type.js';
export { encodeMsgpack, decodeMsgpack } from './msgpack.js';
export { decodeJsonValue, encodeJsonValue, type JsonDecodeOptions } from './json-value.js';
export { decodeDynamicValue, encodeDynamicValue, ProviderRpc, type RpcHandlers } from './provider-rpc.js';
export { createLogger, logLevelFromEnv, hclogTimestamp, type LogLevel, type LoggerOptions } from './log.js';
export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, parseHandshakeLine, type Handshake } from './handshake.js';
export * from './values.js';
export type * from './provider-server.js';
