/**
 * The tfplugin6.Provider RPCs as plain async functions over protocol messages:
 * decode the request's DynamicValues with the types implied by the (cached)
 * provider schema, call the {@link ProviderServer}, encode the response.
 *
 * This is the whole adapter between Terraform's wire and a ProviderServer; the
 * gRPC server (grpc-server.ts) only moves bytes. It can also be driven
 * in-process by tests. No method ever throws: a failure to decode or encode and
 * any exception escaping the ProviderServer become an error diagnostic.
 */
import type { CallContext, ClientCapabilities, Diagnostic, GetProviderSchemaResponse, Logger, ProviderServer } from './provider-server.js';
import type { Msg } from './protocol/index.js';
import type { CtyType, Value } from './values.js';
import { impliedType } from './cty-type.js';
import { decodeMsgpack, encodeMsgpack } from './msgpack.js';
import { decodeJsonValue } from './json-value.js';
import { attributePathToProto, capabilitiesToProto, diagnosticsToProto, schemaToProto } from './schema-proto.js';

/** RPC name -> handler taking and returning a plain protocol message. */
export type RpcHandlers = Record<string, (req: Msg) => Promise<Msg>>;

interface Types {
  schema: GetProviderSchemaResponse;
  provider: CtyType;
  providerMeta?: CtyType;
  resources: Map<string, CtyType>;
  dataSources: Map<string, CtyType>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function internalError(rpc: string, e: unknown): Diagnostic {
  return {
    severity: 'error',
    summary: 'Internal Error in Provider',
    detail: `${rpc} failed: ${errorText(e)}. This is a bug in the provider; please report it with the Terraform log (TF_LOG=debug).`,
  };
}

function clientCaps(c: Msg | null | undefined): ClientCapabilities | undefined {
  if (!c) return undefined;
  return { deferralAllowed: Boolean(c.deferral_allowed), writeOnlyAttributesAllowed: Boolean(c.write_only_attributes_allowed) };
}

function bytesOrUndefined(b: Uint8Array | null | undefined): Uint8Array | undefined {
  return b && b.length > 0 ? new Uint8Array(b) : undefined;
}

/** Decode a DynamicValue (msgpack preferred, then JSON; absent means null). */
export function decodeDynamicValue(type: CtyType, dv: Msg | null | undefined): Value {
  if (dv?.msgpack && dv.msgpack.length > 0) return decodeMsgpack(type, dv.msgpack);
  if (dv?.json && dv.json.length > 0) return decodeJsonValue(type, dv.json);
  return null;
}

/** A DynamicValue message holding the msgpack encoding of the value. */
export function encodeDynamicValue(type: CtyType, value: Value): Msg {
  return { msgpack: Buffer.from(encodeMsgpack(type, value)) };
}

/**
 * The RPC adapter for one ProviderServer.
 * `handlers` maps every supported tfplugin6.Provider RPC name to its function.
 */
export class ProviderRpc {
  readonly handlers: RpcHandlers;
  private types: Promise<Types> | undefined;
  private readonly inflight = new Set<AbortController>();

  constructor(
    private readonly server: ProviderServer,
    private readonly log: Logger,
  ) {
    this.handlers = {
      GetProviderSchema: () => this.getProviderSchema(),
      GetMetadata: () => this.getMetadata(),
      GetFunctions: async () => ({ functions: {}, diagnostics: [] }),
      ValidateProviderConfig: (r) => this.validateProviderConfig(r),
      ValidateResourceConfig: (r) => this.validateResourceConfig(r),
      ValidateDataResourceConfig: (r) => this.validateDataResourceConfig(r),
      ConfigureProvider: (r) => this.configureProvider(r),
      UpgradeResourceState: (r) => this.upgradeResourceState(r),
      ReadResource: (r) => this.readResource(r),
      PlanResourceChange: (r) => this.planResourceChange(r),
      ApplyResourceChange: (r) => this.applyResourceChange(r),
      ImportResourceState: (r) => this.importResourceState(r),
      ReadDataSource: (r) => this.readDataSource(r),
      StopProvider: async () => this.stop('StopProvider'),
    };
  }

  /** Abort the signal of every in-flight call (StopProvider, shutdown). */
  stop(reason: string): Msg {
    for (const ac of this.inflight) ac.abort(new Error(`cancelled by ${reason}`));
    this.log.info('stopping in-flight provider calls', { tf_rpc: reason, count: this.inflight.size });
    return { Error: '' };
  }

  /** Run one call with a fresh context; escaped exceptions become an error diagnostic. */
  private async call(rpc: string, fields: Record<string, unknown>, fn: (ctx: CallContext, t: Types) => Promise<Msg>): Promise<Msg> {
    const ac = new AbortController();
    this.inflight.add(ac);
    const started = Date.now();
    this.log.trace('rpc start', { tf_rpc: rpc, ...fields });
    try {
      const types = await this.loadTypes();
      return await fn({ signal: ac.signal, log: this.log }, types);
    } catch (e) {
      this.log.error('rpc failed', { tf_rpc: rpc, ...fields, error: e });
      return { diagnostics: diagnosticsToProto([internalError(rpc, e)]) };
    } finally {
      this.inflight.delete(ac);
      this.log.trace('rpc done', { tf_rpc: rpc, ...fields, duration_ms: Date.now() - started });
    }
  }

  private loadTypes(): Promise<Types> {
    this.types ??= (async () => {
      const ac = new AbortController();
      const schema = await this.server.getProviderSchema({ signal: ac.signal, log: this.log });
      const byName = (m: Record<string, { block: Parameters<typeof impliedType>[0] }>) =>
        new Map(Object.entries(m ?? {}).map(([k, s]) => [k, impliedType(s.block)]));
      return {
        schema,
        provider: impliedType(schema.provider.block),
        ...(schema.providerMeta ? { providerMeta: impliedType(schema.providerMeta.block) } : {}),
        resources: byName(schema.resourceSchemas),
        dataSources: byName(schema.dataSourceSchemas),
      };
    })();
    // A failed load is retried on the next call rather than cached.
    this.types.catch(() => (this.types = undefined));
    return this.types;
  }

  private resourceType(t: Types, name: string): CtyType {
    const type = t.resources.get(name);
    if (!type) throw new Error(`unknown resource type "${name}"; this provider has: ${[...t.resources.keys()].join(', ') || 'none'}`);
    return type;
  }

  private dataSourceType(t: Types, name: string): CtyType {
    const type = t.dataSources.get(name);
    if (!type) throw new Error(`unknown data source "${name}"; this provider has: ${[...t.dataSources.keys()].join(', ') || 'none'}`);
    return type;
  }

  private meta(t: Types, dv: Msg | null | undefined): Value | undefined {
    return t.providerMeta ? decodeDynamicValue(t.providerMeta, dv) : undefined;
  }

  private async getProviderSchema(): Promise<Msg> {
    return this.call('GetProviderSchema', {}, async (_ctx, { schema }) => {
      const map = (m: Record<string, GetProviderSchemaResponse['provider']>) =>
        Object.fromEntries(Object.entries(m ?? {}).map(([k, s]) => [k, schemaToProto(s)]));
      return {
        provider: schemaToProto(schema.provider),
        resource_schemas: map(schema.resourceSchemas),
        data_source_schemas: map(schema.dataSourceSchemas),
        functions: {},
        ephemeral_resource_schemas: {},
        provider_meta: schema.providerMeta ? schemaToProto(schema.providerMeta) : null,
        server_capabilities: this.capabilities(schema),
        diagnostics: diagnosticsToProto(schema.diagnostics),
      };
    }).then((res) => (res.provider ? res : { ...res, provider: { version: 0, block: {} } }));
  }

  private capabilities(schema: GetProviderSchemaResponse): Msg {
    return {
      ...capabilitiesToProto(schema.serverCapabilities),
      plan_destroy: true,
      get_provider_schema_optional: true,
    };
  }

  private async getMetadata(): Promise<Msg> {
    return this.call('GetMetadata', {}, async (_ctx, { schema }) => ({
      server_capabilities: this.capabilities(schema),
      diagnostics: diagnosticsToProto(schema.diagnostics),
      resources: Object.keys(schema.resourceSchemas ?? {}).map((type_name) => ({ type_name })),
      data_sources: Object.keys(schema.dataSourceSchemas ?? {}).map((type_name) => ({ type_name })),
      functions: [],
      ephemeral_resources: [],
    }));
  }

  private validateProviderConfig(req: Msg): Promise<Msg> {
    return this.call('ValidateProviderConfig', {}, async (ctx, t) => {
      const res = await this.server.validateProviderConfig(ctx, { config: decodeDynamicValue(t.provider, req.config) });
      return { diagnostics: diagnosticsToProto(res.diagnostics) };
    });
  }

  private validateResourceConfig(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('ValidateResourceConfig', { tf_resource_type: typeName }, async (ctx, t) => {
      const config = decodeDynamicValue(this.resourceType(t, typeName), req.config);
      const caps = clientCaps(req.client_capabilities);
      const res = await this.server.validateResourceConfig(ctx, { typeName, config, ...(caps ? { clientCapabilities: caps } : {}) });
      return { diagnostics: diagnosticsToProto(res.diagnostics) };
    });
  }

  private validateDataResourceConfig(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('ValidateDataResourceConfig', { tf_data_source_type: typeName }, async (ctx, t) => {
      const config = decodeDynamicValue(this.dataSourceType(t, typeName), req.config);
      const res = await this.server.validateDataResourceConfig(ctx, { typeName, config });
      return { diagnostics: diagnosticsToProto(res.diagnostics) };
    });
  }

  private configureProvider(req: Msg): Promise<Msg> {
    return this.call('ConfigureProvider', {}, async (ctx, t) => {
      const caps = clientCaps(req.client_capabilities);
      const res = await this.server.configureProvider(ctx, {
        terraformVersion: req.terraform_version ?? '',
        config: decodeDynamicValue(t.provider, req.config),
        ...(caps ? { clientCapabilities: caps } : {}),
      });
      return { diagnostics: diagnosticsToProto(res.diagnostics) };
    });
  }

  private upgradeResourceState(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('UpgradeResourceState', { tf_resource_type: typeName }, async (ctx, t) => {
      const type = this.resourceType(t, typeName);
      const raw = req.raw_state ?? {};
      const flatmap = raw.flatmap && Object.keys(raw.flatmap).length > 0 ? (raw.flatmap as Record<string, string>) : undefined;
      const res = await this.server.upgradeResourceState(ctx, {
        typeName,
        version: Number(req.version ?? 0),
        ...(raw.json && raw.json.length > 0 ? { rawStateJson: Buffer.from(raw.json).toString('utf8') } : {}),
        ...(flatmap ? { rawStateFlatmap: flatmap } : {}),
      });
      return { upgraded_state: encodeDynamicValue(type, res.upgradedState), diagnostics: diagnosticsToProto(res.diagnostics) };
    });
  }

  private readResource(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('ReadResource', { tf_resource_type: typeName }, async (ctx, t) => {
      const type = this.resourceType(t, typeName);
      const priv = bytesOrUndefined(req.private);
      const meta = this.meta(t, req.provider_meta);
      const res = await this.server.readResource(ctx, {
        typeName,
        currentState: decodeDynamicValue(type, req.current_state),
        ...(priv ? { private: priv } : {}),
        ...(meta !== undefined ? { providerMeta: meta } : {}),
      });
      return {
        new_state: encodeDynamicValue(type, res.newState),
        private: Buffer.from(res.private ?? []),
        diagnostics: diagnosticsToProto(res.diagnostics),
      };
    });
  }

  private planResourceChange(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('PlanResourceChange', { tf_resource_type: typeName }, async (ctx, t) => {
      const type = this.resourceType(t, typeName);
      const priv = bytesOrUndefined(req.prior_private);
      const meta = this.meta(t, req.provider_meta);
      const caps = clientCaps(req.client_capabilities);
      const res = await this.server.planResourceChange(ctx, {
        typeName,
        priorState: decodeDynamicValue(type, req.prior_state),
        proposedNewState: decodeDynamicValue(type, req.proposed_new_state),
        config: decodeDynamicValue(type, req.config),
        ...(priv ? { priorPrivate: priv } : {}),
        ...(meta !== undefined ? { providerMeta: meta } : {}),
        ...(caps ? { clientCapabilities: caps } : {}),
      });
      return {
        planned_state: encodeDynamicValue(type, res.plannedState),
        requires_replace: (res.requiresReplace ?? []).map(attributePathToProto),
        planned_private: Buffer.from(res.plannedPrivate ?? []),
        diagnostics: diagnosticsToProto(res.diagnostics),
        ...(res.legacyTypeSystem ? { legacy_type_system: true } : {}),
      };
    });
  }

  private applyResourceChange(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('ApplyResourceChange', { tf_resource_type: typeName }, async (ctx, t) => {
      const type = this.resourceType(t, typeName);
      const priv = bytesOrUndefined(req.planned_private);
      const meta = this.meta(t, req.provider_meta);
      const res = await this.server.applyResourceChange(ctx, {
        typeName,
        priorState: decodeDynamicValue(type, req.prior_state),
        plannedState: decodeDynamicValue(type, req.planned_state),
        config: decodeDynamicValue(type, req.config),
        ...(priv ? { plannedPrivate: priv } : {}),
        ...(meta !== undefined ? { providerMeta: meta } : {}),
      });
      return {
        new_state: encodeDynamicValue(type, res.newState),
        private: Buffer.from(res.private ?? []),
        diagnostics: diagnosticsToProto(res.diagnostics),
        ...(res.legacyTypeSystem ? { legacy_type_system: true } : {}),
      };
    });
  }

  private importResourceState(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('ImportResourceState', { tf_resource_type: typeName }, async (ctx, t) => {
      this.resourceType(t, typeName);
      const caps = clientCaps(req.client_capabilities);
      const res = await this.server.importResourceState(ctx, { typeName, id: req.id ?? '', ...(caps ? { clientCapabilities: caps } : {}) });
      return {
        imported_resources: (res.importedResources ?? []).map((r) => ({
          type_name: r.typeName,
          state: encodeDynamicValue(this.resourceType(t, r.typeName), r.state),
          private: Buffer.from(r.private ?? []),
        })),
        diagnostics: diagnosticsToProto(res.diagnostics),
      };
    });
  }

  private readDataSource(req: Msg): Promise<Msg> {
    const typeName: string = req.type_name;
    return this.call('ReadDataSource', { tf_data_source_type: typeName }, async (ctx, t) => {
      const type = this.dataSourceType(t, typeName);
      const meta = this.meta(t, req.provider_meta);
      const caps = clientCaps(req.client_capabilities);
      const res = await this.server.readDataSource(ctx, {
        typeName,
        config: decodeDynamicValue(type, req.config),
        ...(meta !== undefined ? { providerMeta: meta } : {}),
        ...(caps ? { clientCapabilities: caps } : {}),
      });
      return { state: encodeDynamicValue(type, res.state), diagnostics: diagnosticsToProto(res.diagnostics) };
    });
  }
}
