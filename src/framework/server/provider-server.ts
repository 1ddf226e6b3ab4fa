/**
 * `createProviderServer(definition)`: the framework's implementation of the protocol-level
 * {@link ProviderServer}. Each RPC is a thin dispatch to the handler in this folder.
 */
import type { Value } from '../../tfplugin/values.js';
import type { CallContext, GetProviderSchemaResponse, ProviderServer, WithDiagnostics } from '../../tfplugin/provider-server.js';
import { Diagnostics } from '../diagnostics.js';
import { objectToPlain } from '../convert.js';
import type { ProviderDefinition, Resource } from '../resource.js';
import { schemaToProtocol } from '../schema/to-protocol.js';
import type { Schema } from '../schema/types.js';
import { validateConfig } from '../validate.js';
import { applyResource } from './apply-resource.js';
import { guard, type ServerState } from './common.js';
import { importResource } from './import-resource.js';
import { planResource } from './plan-resource.js';
import { readDataSource, readResource } from './read-resource.js';
import { upgradeResource } from './upgrade-resource.js';

type Kind = 'resource' | 'data source';

/** Serve a provider definition over the protocol contract (pass the result to tfplugin's `serve`). */
export function createProviderServer<PS extends Schema, C>(definition: ProviderDefinition<PS, C>): ProviderServer {
  const resources = registry('resource', definition.typeNamePrefix, definition.resources);
  const dataSources = registry('data source', definition.typeNamePrefix, definition.dataSources ?? []);
  const state: ServerState = {
    definition: definition as unknown as ProviderDefinition<Schema, unknown>,
    client: undefined,
    configured: false,
  };
  let schemaCache: GetProviderSchemaResponse | undefined;

  function lookup<T>(kind: Kind, table: ReadonlyMap<string, T>, typeName: string, diags: Diagnostics): T | undefined {
    const found = table.get(typeName);
    if (!found)
      diags.addError(
        `Unknown ${kind === 'resource' ? 'Resource' : 'Data Source'} Type`,
        `This provider has no ${kind} type ${JSON.stringify(typeName)}. Known: ${[...table.keys()].sort().join(', ') || 'none'}.`,
      );
    return found;
  }

  /** Run `rpc` on the resource `typeName`, or answer `unknown(diagnostics)` when there is no such type. */
  async function onResource<R>(
    typeName: string,
    rpc: (r: Resource) => R | Promise<R>,
    unknown: (d: Diagnostics['items']) => R,
  ): Promise<R> {
    const diags = new Diagnostics();
    const r = lookup('resource', resources, typeName, diags);
    return r ? rpc(r) : unknown(diags.items);
  }

  async function validateWith(kind: Kind, typeName: string, config: Value): Promise<WithDiagnostics> {
    const diags = new Diagnostics();
    const target = kind === 'resource' ? lookup(kind, resources, typeName, diags) : lookup(kind, dataSources, typeName, diags);
    if (!target) return { diagnostics: diags.items };
    validateConfig(target.schema, config, diags);
    for (const check of target.configValidators ?? []) {
      await guard(diags, 'Validation', async () => check(objectToPlain(target.schema, config) as never, diags));
    }
    return { diagnostics: diags.items };
  }

  return {
    async getProviderSchema() {
      schemaCache ??= {
        provider: schemaToProtocol(definition.schema),
        resourceSchemas: Object.fromEntries([...resources].map(([n, r]) => [n, schemaToProtocol(r.schema)])),
        dataSourceSchemas: Object.fromEntries([...dataSources].map(([n, d]) => [n, schemaToProtocol(d.schema)])),
        serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
        diagnostics: [],
      };
      return schemaCache;
    },

    async validateProviderConfig(_ctx, req) {
      const diags = new Diagnostics();
      validateConfig(definition.schema, req.config, diags);
      return { diagnostics: diags.items };
    },

    validateResourceConfig: (_ctx, req) => validateWith('resource', req.typeName, req.config),
    validateDataResourceConfig: (_ctx, req) => validateWith('data source', req.typeName, req.config),

    async configureProvider(ctx: CallContext, req) {
      const diags = new Diagnostics();
      state.configured = true;
      if (definition.configure) {
        const config = objectToPlain(definition.schema, req.config) as never;
        state.client = await guard(diags, 'Provider Configuration', () =>
          definition.configure!({ config, terraformVersion: req.terraformVersion, diags, signal: ctx.signal, log: ctx.log }),
        );
      }
      return { diagnostics: diags.items };
    },

    upgradeResourceState: (_ctx, req) =>
      onResource(
        req.typeName,
        (r) => upgradeResource(r, req),
        (diagnostics) => ({ upgradedState: null, diagnostics }),
      ),
    readResource: (ctx, req) =>
      onResource(
        req.typeName,
        (r) => readResource(state, r, ctx, req),
        (diagnostics) => ({ newState: req.currentState, diagnostics }),
      ),
    planResourceChange: (ctx, req) =>
      onResource(
        req.typeName,
        (r) => planResource(state, r, ctx, req),
        (diagnostics) => ({ plannedState: null, requiresReplace: [], diagnostics }),
      ),
    applyResourceChange: (ctx, req) =>
      onResource(
        req.typeName,
        (r) => applyResource(state, r, ctx, req),
        (diagnostics) => ({ newState: req.priorState, diagnostics }),
      ),
    importResourceState: (ctx, req) =>
      onResource(
        req.typeName,
        (r) => importResource(state, r, ctx, req),
        (diagnostics) => ({ importedResources: [], diagnostics }),
      ),
    async readDataSource(ctx, req) {
      const diags = new Diagnostics();
      const d = lookup('data source', dataSources, req.typeName, diags);
      return d ? readDataSource(state, d, ctx, req) : { state: null, diagnostics: diags.items };
    },
  };
}

/** The registry as a map by type name; a bad entry (wrong prefix, duplicate) fails at start-up, not at plan time. */
function registry<T extends { readonly typeName: string }>(kind: Kind, prefix: string, entries: readonly T[]): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  for (const e of entries) {
    if (!e.typeName.startsWith(`${prefix}_`)) throw new TypeError(`${kind} type name ${e.typeName} must start with "${prefix}_"`);
    if (out.has(e.typeName)) throw new TypeError(`${kind} type ${e.typeName} is registered twice`);
    out.set(e.typeName, e);
  }
  return out;
}
