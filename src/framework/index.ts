/**
 * The schema-driven resource framework: declare a resource once with the DSL, implement
 * create/read/update/delete, and serve it with `createProviderServer`.
 */
export { Diagnostics, formatPath } from './diagnostics.js';
export { attr, block, defineSchema, type SchemaOptions } from './schema/builders.js';
export { v } from './schema/validators.js';
export { parseDuration, formatDuration } from './schema/duration.js';
export { resolveTimeouts } from './schema/timeouts.js';
export { schemaToProtocol, impliedType } from './schema/to-protocol.js';
export type * from './schema/types.js';
export * from './resource.js';
export { createProviderServer } from './server/provider-server.js';
export { renderDocs, providerDocFiles, importScript, typeLinks, type DocsOptions } from './docs.js';
